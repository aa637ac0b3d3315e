import type { DetectorExamples } from '../examples-types.js';
import { crc32TokenExamples, makeCrc32Token } from '../builders/crc32-token-examples.js';

const base = crc32TokenExamples('npm_', 'NPM_TOKEN');

export const examples: DetectorExamples = {
  generate: base.generate!,
  withRandom: base.withRandom!,
  positives: (t) => {
    const npmrc = makeCrc32Token(t, 'npm_');
    const actions = makeCrc32Token(t, 'npm_');
    return [
      ...base.positives(t),
      {
        text: `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${npmrc}\nalways-auth=true\n`,
        secret: npmrc,
      },
      {
        text: `      - run: npm publish --access public\n        env:\n          NODE_AUTH_TOKEN: ${actions}\n`,
        secret: actions,
      },
    ];
  },
  negatives: (t) => [
    ...base.negatives(t),
    // The pre-2021 UUID format carries no prefix: not this detector's to claim.
    `//registry.npmjs.org/:_authToken=0f4e6c1d-8a2b-4c3d-9e5f-6a7b8c9d0e1f`,
    `//registry.npmjs.org/:_authToken=\${NPM_TOKEN}`,
  ],
};
