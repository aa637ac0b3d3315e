import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { awsSecretLike, hex } from '../builders/legacy-examples.js';
import { ALPHA } from '../../test/support/token-factory.js';

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const add = (make: (s: string) => string): void => {
      const s = awsSecretLike(t);
      out.push({ text: make(s), secret: s });
    };
    // Without an access key id beside it (an AKIA/ASIA id nearby makes the pair one aws-access-key finding: see the negatives).
    add((s) => `[default]\naws_secret_access_key = ${s}\nregion = eu-west-1\n`);
    add((s) => `export AWS_SECRET_ACCESS_KEY=${s}\n`);
    add((s) => `provider "aws" {\n  region     = "us-east-1"\n  access_key = var.access_key\n  secret_key = "${s}"\n}\n`);
    add((s) => `const s3 = new AWS.S3({\n  accessKeyId: process.env.AWS_ACCESS_KEY_ID,\n  secretAccessKey: '${s}',\n});\n`);
    add((s) => `session = boto3.Session(\n    aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],\n    aws_secret_access_key="${s}",\n)\n`);
    add((s) => `{\n  "SecretAccessKey": "${s}"\n}\n`);
    add((s) => `env:\n  - name: AWS_SECRET_ACCESS_KEY\n    value: "${s}"\n`);
    add((s) => `aws configure set aws_secret_access_key ${s}\n`);
    add((s) => `fs.s3a.secret_access_key=${s}\n`);
    add((s) => `AWS_SECRET_ACCESS_KEY: "${s}"  # rotated 2021-03\n`);
    add((s) => `docker run -e AWS_SECRET_ACCESS_KEY=${s} -e AWS_REGION=eu-central-1 app\n`);
    // The key id too far away for aws-access-key to pair them (256 bytes), near enough for this detector's companion (400).
    const id = `AKIA${t.chars(ALPHA.base32Upper, 16)}`;
    const far = awsSecretLike(t);
    out.push({
      text: `aws_access_key_id = ${id}\n${'# rotated by the platform team every ninety days; ask in #infra before changing\n'.repeat(4)}aws_secret_access_key = ${far}\n`,
      secret: far,
      companion: id,
    });
    // S3-compatible stores' secrets under the AWS names: low confidence.
    const minio = hex(t, 40);
    out.push({ text: `export AWS_SECRET_ACCESS_KEY='${minio}'\nexport AWS_S3_ENDPOINT=https://minio.corp.io\n`, secret: minio });
    const spaces = `${t.chars('ABCDEFGHJKLMNPQRSTUVWXYZ', 2)}${t.chars('abcdefghijkmnpqrstuvwxyz', 2)}${t.chars('23456789', 2)}${t.chars(ALPHA.base64, 37)}`;
    out.push({ text: `[spaces]\naws_access_key_id = DO00${t.chars(ALPHA.upperAlnum, 16)}\naws_secret_access_key = ${spaces}\n`, secret: spaces });
    const r2 = hex(t, 64);
    out.push({ text: `AWS_SECRET_ACCESS_KEY=${r2}\nAWS_ENDPOINT_URL=https://acct.r2.cloudflarestorage.com\n`, secret: r2 });
    return out;
  },
  negatives: (t) => {
    const s = awsSecretLike(t);
    const id = (): string => `AKIA${t.chars(ALPHA.base32Upper, 16)}`;
    return [
      // An access key id with its secret is one finding, aws-access-key's, with the secret as its companion.
      `[default]\naws_access_key_id = ${id()}\naws_secret_access_key = ${awsSecretLike(t)}\nregion = eu-west-1\n`,
      `export AWS_ACCESS_KEY_ID=${id()}\nexport AWS_SECRET_ACCESS_KEY=${awsSecretLike(t)}\n`,
      `const s3 = new AWS.S3({\n  accessKeyId: '${id()}',\n  secretAccessKey: '${awsSecretLike(t)}',\n});\n`,
      `{\n  "AccessKeyId": "${id()}",\n  "SecretAccessKey": "${awsSecretLike(t)}"\n}\n`,
      // AWS's documented example key.
      `aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`,
      `aws_secret_access_key:${'a'.repeat(40)}`,
      `"aws_secret_access_key" =  aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaend`,
      `export AWS_SECRET_ACCESS_KEY=ded7db27a4558e2ea9bbf0bf36ae0e8521618f366c`,
      `secret_key = "${hex(t, 40)}"`,
      `AWS_SECRET_ACCESS_KEY=${'0123456789abcdef'.repeat(3).slice(0, 40)}`,
      `aws_secret_key: OOzkR1+hF+1ABCsIFDJMEUtqmtnZ1234567890`,
      `AWS_SECRET_ACCESS_KEY=\${AWS_SECRET_ACCESS_KEY}`,
      `aws_secret_access_key = os.environ["AWS_SECRET_ACCESS_KEY"]`,
      `secret_key_name = "${s}"`,
      // Longer than any store's secret: part of some other blob.
      `aws_secret_access_key = ${s}${s}${s}${s}`,
      // Another length under a name that is not AWS's alone.
      `secret_key = "${s.slice(0, 38)}"`,
      `SECRET_KEY = 'django-insecure-_du9e^cmago!%(^+=gr@cu@v9-v7ulhbk2s3!w&39w4+n3*k*$'`,
      `======================`,
    ];
  },
};
