import { describe, expect, it } from 'vitest';
import { codeReason, decodeBase64, hostKind, identifiableFormatReason, placeholderReason, weakPasswordReason } from './placeholder.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { randomPassword } from './legacy-examples.js';

/** [value, expected: rejected (a reason) or kept (null)] */
const PLACEHOLDERS: ReadonlyArray<[string, boolean]> = [
  ['', true],
  ['   ', true],
  ['changeme', true],
  ['CHANGEME', true],
  ['changeit', true],
  ['${DB_PASSWORD}', true],
  ['${{ secrets.DEPLOY_KEY }}', true],
  ['$DB_PASSWORD', true],
  ['$(cat /run/secrets/pw)', true],
  ['$env:DB_PASSWORD', true],
  ['%DB_PASSWORD%', true],
  ['{{ .Values.password }}', true],
  ['{{password}}', true],
  ['#{datastore[\'DBPASSWORD\']}', true],
  ['<password>', true],
  ['<YOUR_ACCOUNT_KEY>', true],
  ['&lt;YOURPASSWORD&gt;', true],
  ['[PASSWORD]', true],
  ['@DB_PASSWORD@', true],
  ['__DB_PASSWORD__', true],
  ['{0}', true],
  ['%s', true],
  ['%(password)s', true],
  ['?', true],
  [':password', true],
  ['ENC(AbCdEf0123==)', true],
  ['{cipher}a1b2c3d4e5', true],
  ['$2b$12$KIXQJf3r9bm1sGq5Yq6P3e', true],
  ['arn:aws:secretsmanager:eu-west-1:1:secret:db', true],
  ['xxxx', true],
  ['XXXXXXXXXXXX', true],
  ['********', true],
  ['••••••', true],
  ['######', true],
  ['aaaaaaaaaaaaaaaaaaaa', true],
  ['password', true],
  ['Password', true],
  ['P@ssw0rd', true],
  ['password123', true],
  ['secret', true],
  ['s3cr3t', true],
  ['test', true],
  ['test1234', true],
  ['dummy', true],
  ['example', true],
  ['your_password', true],
  ['yourpassword', true],
  ['YOURPASSWROD', true],
  ['REDACTED', true],
  ['[REDACTED]', true],
  ['null', true],
  ['None', true],
  ['undefined', true],
  ['true', true],
  ['thisismypassword', true],
  ['SOME_PASSWORD', true],
  ['super$ecret', true],
  ['D1fficultP%40ssw0rd', true],
  ['FakeValues99cl9bqJFVA3iFUm+yqVe08HxhXFE/', true],
  ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', true],
  ['your-api-key-here', true],
  ['insert_key_here', true],
  ['open_sesame', true],
  ['012345abcdef', true],
  ['px-api-a1b2c3d4-e5f6-g7h8-i8j0-k0l3m3n4o0p5', true],
  ['00QCjAl4MlV-WPXM-ABCDEFGHIJKL-0HmjFx-vbGu-', true],
  // Plausible credentials are kept.
  ['Kx8#mP2$vLq9', false],
  ['52VeZqtHDCdAr5yM', false],
  ['un!techwhooah', false],
  ['Prestigitariu$', false],
  ['sK!g2Ex_=jJ6Gx5v', false],
  ['7cc938e45e63e9014f88f811be240ba0395c02dd', false],
  ['dafa7817-e246-48f3-91a7-e87653d587b8', false],
  ['Zxcvbnm@12345)', false],
  ['Pseg2020', false],
];

const CODE: ReadonlyArray<[string, boolean]> = [
  ['os.environ["DB_PASSWORD"]', true],
  ['os.getenv(', true],
  ['process.env.DB_PASSWORD', true],
  ['getPassword()', true],
  ['config.password', true],
  ['settings.DATABASES', true],
  ['ENV[', true],
  ['params[:password]', true],
  ['$this->password', true],
  ['&password', true],
  ['*pw', true],
  ['@Password', true],
  [':password', true],
  ['DB_PASSWORD', true],
  ['password;', true],
  ['pw,', true],
  ['new', true],
  ['matchResult?.pass', true],
  ['i?e.slice(n+1):void', true],
  ['a.b(c)', true],
  ['Kx8#mP2vLq9', false],
  ['hT5kLm9QzX2', false],
  ['abc.DEF.123', false],
];

const WEAK: ReadonlyArray<[string, boolean]> = [
  ['Pass123!@#', true],
  ['admin_admin', true],
  ['rootroot', true],
  ['Zxcvbnm@12345', true],
  ['VMware1!', true],
  ['Welcome1', true],
  ['postgres', true],
  ['qwerty123', true],
  ['testpass', true],
  ['abuser123456', false],
  ['mycoin!1', false],
  ['Kx8#mP2$vLq9', false],
  ['Prestigitariu$', false],
];

const HOSTS: ReadonlyArray<[string, ReturnType<typeof hostKind>]> = [
  ['localhost', 'local'],
  ['127.0.0.1', 'local'],
  ['[::1]', 'local'],
  ['db', 'local'],
  ['rabbitmq', 'local'],
  ['host.docker.internal', 'local'],
  ['mongo.local', 'local'],
  ['host', 'documentation'],
  ['example.com', 'documentation'],
  ['mongodb0.example.com', 'documentation'],
  ['db.example', 'documentation'],
  ['api.test', 'documentation'],
  ['ai.contoso.com', 'documentation'],
  ['your-server.corp.io', 'documentation'],
  ['192.0.2.10', 'documentation'],
  ['db-prod.c0qsadyxbf4k.us-east-1.rds.amazonaws.com', 'remote'],
  ['cluster0-cnc84.mongodb.net', 'remote'],
  ['10.1.4.20', 'remote'],
  ['github.com', 'remote'],
];

describe('placeholderReason', () => {
  it.each(PLACEHOLDERS)('%j -> rejected: %s', (value, rejected) => {
    expect(placeholderReason(value) !== null).toBe(rejected);
  });

  it('keeps generated random passwords', () => {
    const t = new TokenFactory('placeholder-test');
    const kept = Array.from({ length: 200 }, () => randomPassword(t)).filter((p) => placeholderReason(p) === null);
    expect(kept).toHaveLength(200);
  });

  it('rejects the documented emulator keys without holding them in clear', () => {
    const azurite = ['Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsu', 'Fq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='].join('');
    expect(placeholderReason(azurite)).toMatch(/well-known/);
  });
});

describe('codeReason', () => {
  it.each(CODE)('%j -> code: %s', (value, code) => {
    expect(codeReason(value) !== null).toBe(code);
  });
});

describe('weakPasswordReason', () => {
  it.each(WEAK)('%j -> weak: %s', (value, weak) => {
    expect(weakPasswordReason(value) !== null).toBe(weak);
  });
});

describe('hostKind', () => {
  it.each(HOSTS)('%s -> %s', (host, kind) => {
    expect(hostKind(host)).toBe(kind);
  });
});

describe('identifiableFormatReason', () => {
  it.each([
    ['ghp_abc', true],
    ['AKIAxxxx', true],
    ['-----BEGIN RSA PRIVATE KEY-----', true],
    ['Kx8#mP2$vLq9', false],
  ] as const)('%s -> %s', (value, identifiable) => {
    expect(identifiableFormatReason(value) !== null).toBe(identifiable);
  });
});

describe('decodeBase64', () => {
  it.each([
    ['dXNlcjpwYXNz', 'user:pass'],
    ['dXNlcjpwYXNzd29yZA==', 'user:password'],
    ['not base64!', null],
    ['abcde', null],
  ] as const)('%s -> %s', (value, decoded) => {
    expect(decodeBase64(value)).toBe(decoded);
  });
});
