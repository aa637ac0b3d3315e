import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { ALPHA } from '../../test/support/token-factory.js';
import {
  block,
  ecSec1Pem,
  ed25519Pkcs8Pem,
  encryptedPkcs8Pem,
  legacyEncryptedRsaPem,
  opensshEd25519Pem,
  rsaPkcs1Pem,
  rsaPkcs8Pem,
  yamlIndent,
} from './examples-keys.js';

export const examples: DetectorExamples = {
  generate: () => block(rsaPkcs1Pem()),
  positives: (t) => {
    const out: PositiveExample[] = [];
    // A key file as written by openssl / node.
    const rsa = block(rsaPkcs1Pem());
    out.push({ text: `${rsa}\n`, secret: rsa });
    // A 4096-bit key as a JSON string with escaped CRLF line breaks: the largest common form.
    const big = block(rsaPkcs1Pem(4096)).replace(/\n/g, '\\r\\n');
    out.push({ text: `{\n  "type": "service_account",\n  "private_key": "${big}\\r\\n",\n  "client_email": "ci@example.iam"\n}\n`, secret: big });
    // EC key in a Kubernetes secret's YAML block scalar.
    const ec = block(ecSec1Pem());
    const ecYaml = yamlIndent(ec, '    ');
    out.push({ text: `apiVersion: v1\nkind: Secret\nstringData:\n  tls.key: |\n${ecYaml}\n`, secret: ecYaml.trimStart() });
    // PKCS#8 Ed25519 key in a JSON string with \n escapes.
    const ed = block(ed25519Pkcs8Pem()).replace(/\n/g, '\\n');
    out.push({ text: `{"signing_key": "${ed}\\n"}`, secret: ed });
    // OpenSSH key with CRLF line endings (checked out on Windows).
    const ssh = block(opensshEd25519Pem(t)).replace(/\n/g, '\r\n');
    out.push({ text: `${ssh}\r\n`, secret: ssh });
    // One quoted string per line, joined with +.
    const lines = block(rsaPkcs8Pem()).split('\n');
    const concatenated = lines.map((l) => `"${l}"`).join(' +\n    ');
    const inner = concatenated.slice(1, -1);
    out.push({ text: `const key =\n    ${concatenated};\n`, secret: inner });
    return out;
  },
  negatives: (t) => {
    const rsaLines = block(rsaPkcs1Pem()).split('\n');
    const truncated = [...rsaLines.slice(0, 6), ...rsaLines.slice(-3)].join('\n');
    const garbage = (t.chars(ALPHA.base64, 64 * 20).match(/.{64}/g) ?? []).join('\n');
    return [
      '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA<your key here>\n-----END RSA PRIVATE KEY-----\n',
      `key: "-----BEGIN PRIVATE KEY-----\\nREPLACE_ME\\n-----END PRIVATE KEY-----\\n"`,
      // Lines cut out of a real key: the DER lengths no longer add up.
      `${truncated}\n`,
      // Random base64 is not a key structure.
      `-----BEGIN PRIVATE KEY-----\n${garbage}\n-----END PRIVATE KEY-----\n`,
      // Encrypted keys belong to private-key-pem-encrypted.
      encryptedPkcs8Pem(),
      legacyEncryptedRsaPem(),
      opensshEd25519Pem(t, { encrypted: true }),
      'if (pem.startsWith("-----BEGIN RSA PRIVATE KEY-----")) { return parsePkcs1(pem); }',
    ];
  },
};
