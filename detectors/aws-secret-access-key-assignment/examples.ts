import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { awsSecretLike, hex } from '../builders/legacy-examples.js';
import { ALPHA } from '../../test/support/token-factory.js';

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const keyId = (): string => `AKIA${t.chars(ALPHA.base32Upper, 16)}`;
    const add = (make: (s: string, id: string) => string, withId = true): void => {
      const s = awsSecretLike(t);
      const id = keyId();
      out.push({ text: make(s, id), secret: s, ...(withId ? { companion: id } : {}) });
    };
    add((s, id) => `[default]\naws_access_key_id = ${id}\naws_secret_access_key = ${s}\nregion = eu-west-1\n`);
    add((s, id) => `export AWS_ACCESS_KEY_ID=${id}\nexport AWS_SECRET_ACCESS_KEY=${s}\n`);
    add((s, id) => `provider "aws" {\n  region     = "us-east-1"\n  access_key = "${id}"\n  secret_key = "${s}"\n}\n`);
    add((s, id) => `const s3 = new AWS.S3({\n  accessKeyId: '${id}',\n  secretAccessKey: '${s}',\n});\n`);
    add((s, id) => `session = boto3.Session(\n    aws_access_key_id="${id}",\n    aws_secret_access_key="${s}",\n)\n`);
    add((s, id) => `{\n  "AccessKeyId": "${id}",\n  "SecretAccessKey": "${s}"\n}\n`);
    add((s, id) => `env:\n  - name: AWS_ACCESS_KEY_ID\n    value: ${id}\n  - name: AWS_SECRET_ACCESS_KEY\n    value: "${s}"\n`);
    add((s, id) => `aws configure set aws_access_key_id ${id}\naws configure set aws_secret_access_key ${s}\n`);
    add((s, id) => `fs.s3a.access.key=${id}\nfs.s3a.secret_access_key=${s}\n`);
    add((s) => `AWS_SECRET_ACCESS_KEY: "${s}"  # rotated 2021-03\n`, false);
    add((s) => `docker run -e AWS_SECRET_ACCESS_KEY=${s} -e AWS_REGION=eu-central-1 app\n`, false);
    // An S3-compatible store's secret (hex) under the AWS name: low confidence.
    const minio = hex(t, 40);
    out.push({ text: `export AWS_SECRET_ACCESS_KEY='${minio}'\nexport AWS_S3_ENDPOINT=https://minio.corp.io\n`, secret: minio });
    return out;
  },
  negatives: (t) => {
    const s = awsSecretLike(t);
    return [
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
      // Longer than 40 characters: part of some other token.
      `aws_secret_access_key = ${s}Zq9`,
      `SECRET_KEY = 'django-insecure-_du9e^cmago!%(^+=gr@cu@v9-v7ulhbk2s3!w&39w4+n3*k*$'`,
      `======================`,
    ];
  },
};
