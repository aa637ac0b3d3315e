import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { alnumPassword, b64, base62, randomPassword, uuid } from '../builders/legacy-examples.js';

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const add = (text: string, secret: string): void => {
      out.push({ text, secret });
    };
    const legacyToken = uuid(t);
    add(`//registry.npmjs.org/:_authToken=${legacyToken}\n`, legacyToken);
    // An Artifactory access token with no identifiable prefix (`AKCp` API keys are jfrog's own detector's).
    const artifactory = base62(t, 64);
    add(`registry=https://acme.jfrog.io/artifactory/api/npm/npm/\n//acme.jfrog.io/artifactory/api/npm/npm/:_authToken=${artifactory}\nalways-auth=true\n`, artifactory);
    const auth = b64(`deploy:${randomPassword(t)}`);
    add(`_auth = ${auth}\nemail = ci@acme.io\nalways-auth = true\n`, auth);
    const pw = b64(alnumPassword(t));
    add(`//nexus.corp.io/repository/npm-private/:username=ci\n//nexus.corp.io/repository/npm-private/:_password=${pw}\n`, pw);
    const quoted = b64(`builder:${alnumPassword(t, 18)}`);
    add(`//npm.pkg.github.com/:_auth="${quoted}"\n`, quoted);
    const yarnToken = base62(t, 40);
    add(`npmRegistries:\n  "https://npm.corp.io":\n    npmAuthToken: "${yarnToken}"\n`, yarnToken);
    const ident = `ci-bot:${alnumPassword(t)}`;
    add(`npmScopes:\n  acme:\n    npmAuthIdent: "${ident}"\n`, ident);
    const inCi = uuid(t);
    add(`- run: echo "//registry.npmjs.org/:_authToken=${inCi}" > ~/.npmrc\n`, inCi);
    return out;
  },
  negatives: () => [
    `//registry.npmjs.org/:_authToken=\${NPM_TOKEN}`,
    `//registry.npmjs.org/:_authToken=$NPM_TOKEN`,
    `//npm.pkg.github.com/:_authToken=\${{ secrets.GITHUB_TOKEN }}`,
    `"//localhost:1337/:_password = "+new Buffer("feast").toString("base64")`,
    `_auth=${b64('user:password')}`,
    `_auth=${b64('nocolonhere')}`,
    `_authToken=<your-token>`,
    `_authToken=xxxxxxxxxxxxxxxxxxxxxxxx`,
    `npmAuthToken: "\${NPM_AUTH_TOKEN:-}"`,
    `const _auth = require('./auth');`,
    `//registry.npmjs.org/:_authToken=npm-token-goes-here`,
    // UUID-shaped stand-ins.
    `//registry.npmjs.org/:_authToken=00000000-0000-0000-0000-000000000000`,
    `//registry.npmjs.org/:_authToken=12345678-1234-1234-1234-123456789012`,
  ],
};
