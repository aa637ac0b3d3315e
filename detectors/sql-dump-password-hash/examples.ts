import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { bcryptHash, sha512Crypt } from '../builders/legacy-examples.js';

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const [a, b] = [bcryptHash(t), bcryptHash(t)];
    out.push({
      text: `INSERT INTO \`users\` (\`user_id\`, \`username\`, \`password\`, \`flag\`) VALUES\n(1, 'alice', '${a}', 1),\n(2, 'bob', '${bcryptHash(t)}', 0);\n`,
      secret: a,
    });
    out.push({ text: `INSERT INTO \`users\` VALUES (1,'alice','alice@corp.io',NULL,'${bcryptHash(t)}'),(2,'bob','bob@corp.io',NULL,'${b}');\n`, secret: b });
    const c = sha512Crypt(t);
    out.push({ text: `insert into accounts (id, login, pw_hash) values (7, 'svc', '${c}');\n`, secret: c });
    return out;
  },
  negatives: (t) => [
    `if (Hash::check('secret', '${bcryptHash(t)}')) {`,
    `$user = User::where('password', '${bcryptHash(t)}')->first();`,
    `'password' => '${bcryptHash(t)}', // password`,
    `INSERT INTO users VALUES (1, 'alice', '$2y$10$notahash');`,
  ],
};
