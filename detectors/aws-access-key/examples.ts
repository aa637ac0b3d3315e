import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { fitsRandom } from '../builders/random-part.js';

function keyId(t: TokenFactory, prefix = 'AKIA'): string {
  return prefix + t.chars(ALPHA.base32Upper, 16);
}

function secretKey(t: TokenFactory): string {
  return t.chars(ALPHA.base64, 40);
}

// AWS's documented example pair, assembled so this file holds it only in parts.
const DOC_KEY_ID = ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('');
const DOC_SECRET = ['wJalrXUtnFEMI', 'K7MDENG', 'bPxRfiCYEXAMPLEKEY'].join('/');

export const examples: DetectorExamples = {
  generate: (t) => keyId(t),
  withRandom: (_t, random) => (fitsRandom(random, ALPHA.base32Upper, 16) ? `AKIA${random}` : null),
  positives: (t) => {
    const p1 = [keyId(t), secretKey(t)] as const;
    const p2 = [keyId(t), secretKey(t)] as const;
    const p3 = [keyId(t), secretKey(t)] as const;
    const p4 = [keyId(t, 'ASIA'), secretKey(t)] as const;
    const session = t.chars(ALPHA.base64, 356);
    const p5 = [keyId(t), secretKey(t)] as const;
    const p6 = [keyId(t), secretKey(t)] as const;
    const lone = keyId(t);
    const bearer = keyId(t, 'ABIA');
    return [
      {
        text: `[default]\naws_access_key_id = ${p1[0]}\naws_secret_access_key = ${p1[1]}\nregion = eu-west-1\n`,
        secret: p1[0],
        companion: p1[1],
      },
      {
        text: `export AWS_ACCESS_KEY_ID=${p2[0]}\r\nexport AWS_SECRET_ACCESS_KEY=${p2[1]}\r\nexport AWS_DEFAULT_REGION=us-east-1\r\n`,
        secret: p2[0],
        companion: p2[1],
      },
      {
        text: `provider "aws" {\n  region     = "us-west-2"\n  access_key = "${p3[0]}"\n  secret_key = "${p3[1]}"\n}\n`,
        secret: p3[0],
        companion: p3[1],
      },
      {
        // STS output: the session token is a longer base64 run and must not be taken for the secret.
        text: `{\n  "Credentials": {\n    "AccessKeyId": "${p4[0]}",\n    "SecretAccessKey": "${p4[1]}",\n    "SessionToken": "${session}",\n    "Expiration": "2024-05-01T12:00:00Z"\n  }\n}\n`,
        secret: p4[0],
        companion: p4[1],
      },
      {
        // The secret before the key id, as in some SDK constructors.
        text: `const s3 = new S3Client({\n  credentials: {\n    secretAccessKey: '${p5[1]}',\n    accessKeyId: '${p5[0]}',\n  },\n});\n`,
        secret: p5[0],
        companion: p5[1],
      },
      {
        text: `Access key ID,Secret access key\n${p6[0]},${p6[1]}\n`,
        secret: p6[0],
        companion: p6[1],
      },
      { text: `deploy:\n  variables:\n    AWS_ACCESS_KEY_ID: ${lone}\n`, secret: lone },
      { text: `Authorization: AWS4-HMAC-SHA256 Credential=${bearer}/20240501/us-east-1/s3/aws4_request\n`, secret: bearer },
    ];
  },
  negatives: (t) => {
    const good = keyId(t);
    return [
      `aws_access_key_id = ${DOC_KEY_ID}\naws_secret_access_key = ${DOC_SECRET}\n`,
      `AWS_ACCESS_KEY_ID=AKIAXXXXXXXXXXXXXXXX`,
      `AWS_ACCESS_KEY_ID=\${AWS_ACCESS_KEY_ID}`,
      `AWS_ACCESS_KEY_ID=AKIA<your-key-id>`,
      `aws_access_key_id = ${good.slice(0, -1)}`,
      `blob: ${good}${t.chars(ALPHA.base32Upper, 3)}`,
      `blob: ${t.chars(ALPHA.upperAlnum, 5)}${good}`,
      `blob: x${good}`,
      // 0, 1, 8 and 9 are outside the key id alphabet.
      `aws_access_key_id = AKIA${t.chars(ALPHA.base32Upper, 7)}0189${t.chars(ALPHA.base32Upper, 5)}`,
      `aws_access_key_id = akia${t.chars(ALPHA.base32Lower, 16)}`,
      `TODAYINASIAASACKOFRICEFELLOVER`,
    ];
  },
};
