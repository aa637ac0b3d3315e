import type { DetectorExamples } from '../examples-types.js';
import { block, encryptedPkcs8Pem, legacyEncryptedRsaPem, opensshEd25519Pem, rsaPkcs1Pem, yamlIndent } from '../private-key-pem/examples-keys.js';

export const examples: DetectorExamples = {
  generate: () => block(encryptedPkcs8Pem()),
  positives: (t) => {
    const pkcs8 = block(encryptedPkcs8Pem());
    const legacy = block(legacyEncryptedRsaPem());
    const ssh = block(opensshEd25519Pem(t, { encrypted: true }));
    const sshYaml = yamlIndent(ssh, '      ');
    return [
      { text: `${pkcs8}\n`, secret: pkcs8 },
      { text: `ssl_key = """${legacy}"""\n`, secret: legacy },
      { text: `deploy:\n  ssh_key: |\n${sshYaml}\n  host: build.example.com\n`, secret: sshYaml.trimStart() },
    ];
  },
  negatives: (t) => {
    const legacyLines = block(legacyEncryptedRsaPem()).split('\n');
    // Proc-Type says encrypted but DEK-Info is missing.
    const noDek = legacyLines.filter((l) => !l.startsWith('DEK-Info')).join('\n');
    return [
      // Unencrypted keys belong to private-key-pem.
      rsaPkcs1Pem(),
      opensshEd25519Pem(t),
      `${noDek}\n`,
      '-----BEGIN ENCRYPTED PRIVATE KEY-----\n<encrypted key here>\n-----END ENCRYPTED PRIVATE KEY-----\n',
    ];
  },
};
