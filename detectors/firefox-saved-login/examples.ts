import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import type { TokenFactory } from '../../test/support/token-factory.js';

/**
 * What Firefox writes: SEQUENCE { OCTET STRING key id (16), SEQUENCE { OID des-ede3-cbc, OCTET STRING iv (8) }, OCTET STRING ciphertext }, base64.
 */
function encrypted(t: TokenFactory, blocks: number): string {
  const keyId = Buffer.concat([Buffer.from([0x04, 0x10]), Buffer.from(t.bytes(16))]);
  const alg = Buffer.from([0x30, 0x14, 0x06, 0x08, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x03, 0x07, 0x04, 0x08, ...t.bytes(8)]);
  const cipher = Buffer.concat([Buffer.from([0x04, blocks * 8]), Buffer.from(t.bytes(blocks * 8))]);
  const body = Buffer.concat([keyId, alg, cipher]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]).toString('base64');
}

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const a = encrypted(t, 2);
    const user = encrypted(t, 2);
    out.push({
      text: `{"nextId":3,"logins":[{"id":1,"hostname":"https://git.corp.io","httpRealm":null,"formSubmitURL":"https://git.corp.io","usernameField":"login","passwordField":"password","encryptedUsername":"${user}","encryptedPassword":"${a}","guid":"{0b1c}","encType":1}]}\n`,
      secret: a,
    });
    const b = encrypted(t, 4);
    out.push({ text: `        {\n            "id": 2,\n            "hostname": "https://mail.corp.io",\n            "encryptedPassword": "${b}",\n            "encType": 1\n        }\n`, secret: b });
    return out;
  },
  negatives: (t) => [
    `"encryptedPassword": ""`,
    `"encryptedPassword": "MDoEEPgAAAAAAAAAAAAAAAAAAAEwFAYIKoZIhvcNAwcE"`,
    `"encryptedPassword": "${Buffer.from(t.bytes(60)).toString('base64')}"`,
    `const field = { encryptedPassword: "MEIEEPgAAAAAAAAAAAAAAAAAAAEwFAYIKoZIhvcNAwcECA" };`,
  ],
};
