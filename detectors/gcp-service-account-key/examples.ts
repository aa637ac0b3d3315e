import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';

/** DER framing of a PKCS#8 RSA key around random bytes: the shape the validator checks, no real key. */
function derKey(t: TokenFactory): Buffer {
  const inner = Buffer.from(t.bytes(1190));
  const algo = Buffer.from([0x02, 0x01, 0x00, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00]);
  const octet = Buffer.concat([Buffer.from([0x04, 0x82, inner.length >> 8, inner.length & 0xff]), inner]);
  const content = Buffer.concat([algo, octet]);
  return Buffer.concat([Buffer.from([0x30, 0x82, content.length >> 8, content.length & 0xff]), content]);
}

/** The `private_key` value as JSON writes it, with `nl` for each newline escape (`\n`, or `\\n` once more escaped). */
function pem(t: TokenFactory, nl: string): string {
  const b64 = derKey(t).toString('base64');
  const lines = b64.match(/.{1,64}/g)!;
  return `-----BEGIN PRIVATE KEY-----${nl}${lines.join(nl)}${nl}-----END PRIVATE KEY-----${nl}`;
}

interface Account {
  readonly project: string;
  readonly keyId: string;
  readonly email: string;
  readonly clientId: string;
}

function account(t: TokenFactory): Account {
  const project = `${t.chars('abcdefghijklmnopqrstuvwxyz', 6)}-${t.chars(ALPHA.lowerAlnum, 6)}`;
  return {
    project,
    keyId: t.chars(ALPHA.hexLower, 40),
    email: `deployer@${project}.iam.gserviceaccount.com`,
    clientId: `1${t.chars('0123456789', 20)}`,
  };
}

/** The key file's fields in gcloud's order, each value already escaped as the caller needs. */
function entries(a: Account, privateKey: string, keyId: string = a.keyId): Array<[string, string]> {
  return [
    ['type', 'service_account'],
    ['project_id', a.project],
    ['private_key_id', keyId],
    ['private_key', privateKey],
    ['client_email', a.email],
    ['client_id', a.clientId],
    ['auth_uri', 'https://accounts.google.com/o/oauth2/auth'],
    ['token_uri', 'https://oauth2.googleapis.com/token'],
    ['auth_provider_x509_cert_url', 'https://www.googleapis.com/oauth2/v1/certs'],
    ['client_x509_cert_url', `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(a.email)}`],
    ['universe_domain', 'googleapis.com'],
  ];
}

function pretty(e: Array<[string, string]>): string {
  return `{\n${e.map(([k, v]) => `  "${k}": "${v}"`).join(',\n')}\n}\n`;
}

function oneLine(e: Array<[string, string]>, q = '"'): string {
  return `{${e.map(([k, v]) => `${q}${k}${q}:${q}${v}${q}`).join(',')}}`;
}

function positive(t: TokenFactory, kind: number): PositiveExample {
  const a = account(t);
  if (kind === 0) {
    const key = pem(t, '\\n');
    return { text: pretty(entries(a, key)), secret: key };
  }
  if (kind === 1) {
    const key = pem(t, '\\n');
    return { text: `export GOOGLE_CREDENTIALS='${oneLine(entries(a, key))}'\n`, secret: key };
  }
  if (kind === 2) {
    // A key file stored as a string inside other JSON: quotes and newline escapes escaped once more.
    const key = pem(t, '\\\\n');
    return { text: `{"name": "ci", "gcp_credentials": "${oneLine(entries(a, key), '\\"')}"}\n`, secret: key };
  }
  // Fields sorted by name (jq -S, some secret managers): `type` comes last.
  const key = pem(t, '\\n');
  const sorted = [...entries(a, key)].sort(([x], [y]) => (x < y ? -1 : 1));
  return { text: `apiVersion: v1\nkind: Secret\nstringData:\n  key.json: |\n    ${pretty(sorted).trimEnd().replace(/\n/g, '\n    ')}\n`, secret: key };
}

export const examples: DetectorExamples = {
  // No generate: the key alone is not this format; it is a finding only inside its key file (the positives).
  positives: (t) => [0, 1, 2, 3].map((k) => positive(t, k)),
  negatives: (t) => {
    const a = account(t);
    const key = pem(t, '\\n');
    return [
      // A template with a placeholder where the key goes.
      pretty(entries(a, '-----BEGIN PRIVATE KEY-----\\nYOUR_PRIVATE_KEY\\n-----END PRIVATE KEY-----\\n')),
      // A stub of the documented key opening: no consistent DER.
      pretty(entries(a, `-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ${'A'.repeat(150)}\\n-----END PRIVATE KEY-----\\n`)),
      // A real-looking key cut short (its DER length no longer matches).
      pretty(entries(a, `${key.slice(0, 900)}\\n-----END PRIVATE KEY-----\\n`)),
      // Another credential type.
      pretty(entries(a, key).map(([k, v]): [string, string] => (k === 'type' ? [k, 'external_account'] : [k, v]))),
      // The key id of a placeholder file.
      pretty(entries(a, key, '0'.repeat(40))).replace(a.email, 'someone@example.com'),
      // Only the account's identity, no key.
      pretty(entries(a, key).filter(([k]) => k !== 'private_key')),
    ];
  },
};
