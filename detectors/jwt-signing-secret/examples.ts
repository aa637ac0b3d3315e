import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { alnumPassword, base62, fairPassword, randomPassword } from '../builders/legacy-examples.js';

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const add = (make: (p: string) => string, p: string): void => {
      out.push({ text: make(p), secret: p });
    };
    add((p) => `JWT:\n  secret: "${p}"\n  exp: "50m"\n`, fairPassword(t));
    add((p) => `JWT:\n  Secret: '${p}'\n  exp: '50m'\n`, fairPassword(t));
    add((p) => `oauthproviders:\n  jwtsecret: "${p}"\n`, `7\`D'}/vYR)T;W\\5]${randomPassword(t, 24)}`);
    add((p) => `oauthproviders:\n  jwtsecret: '${p}'\n`, `7\`D"}/vYR)T;W\\5]${randomPassword(t, 24)}`);
    add((p) => `JWT_SECRET=${p}\nPORT=3000\n`, base62(t, 48));
    add((p) => `jwt.secret=${p}\n`, alnumPassword(t, 32));
    add((p) => `module.exports = {\n  jwtSecret: '${p}',\n  port: 8080,\n};\n`, randomPassword(t, 20));
    return out;
  },
  negatives: () => [
    `JWT_SECRET=\${JWT_SECRET}`,
    `jwtSecret: process.env.JWT_SECRET,`,
    `JWT_SECRET=changeme`,
    `jwt_secret: "secret"`,
    `JWT_SECRET=your-jwt-secret-here # change me`,
    `const token = jwt.sign(payload, secret);`,
    `import jwt from 'jsonwebtoken';`,
    `JWT_SECRET_LENGTH=64`,
    `jwt_secret_file: /run/secrets/jwt_secret`,
    `"jwtSecret": "mysecret123"`,
    `jwt:\n  secret: "kel!dor vim'`,
  ],
};
