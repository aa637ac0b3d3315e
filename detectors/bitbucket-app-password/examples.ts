import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { atlassianChecksum } from '../atlassian-access-token/detector.js';
import { fitsRandom } from '../builders/random-part.js';

export function makeBitbucketAppPassword(t: TokenFactory, body: string = t.chars(ALPHA.base62, 24)): string {
  const head = `ATBB${body}`;
  return head + atlassianChecksum(head);
}

const make = (t: TokenFactory): string => makeBitbucketAppPassword(t);

export const examples: DetectorExamples = {
  generate: make,
  withRandom: (t, random) => (fitsRandom(random, ALPHA.base62, 24) ? makeBitbucketAppPassword(t, random) : null),
  positives: (t) => {
    const [a, b, c, d] = [make(t), make(t), make(t), make(t)];
    return [
      { text: `git ls-remote https://deploy-bot:${a}@bitbucket.org/acme/platform.git\n`, secret: a },
      { text: `BITBUCKET_APP_PASSWORD=${b}\n`, secret: b },
      { text: `auth = ("ci-user", "${c}")\r\n`, secret: c },
      { text: `bitbucket:\n  username: release\n  password: '${d}'\n`, secret: d },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    const last = good.at(-1)!;
    return [
      // Checksum off by one digit: fabricated examples look like this.
      `BITBUCKET_APP_PASSWORD=${good.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`,
      `BITBUCKET_APP_PASSWORD=${good.slice(0, 6)}${good[6] === 'Q' ? 'R' : 'Q'}${good.slice(7)}`,
      `BITBUCKET_APP_PASSWORD=${makeBitbucketAppPassword(t, 'X'.repeat(24))}`,
      'BITBUCKET_APP_PASSWORD=ATBB<your-app-password>',
      `blob=${good}Q7`,
      `blob=q7${good}`,
      `BITBUCKET_APP_PASSWORD=${good.slice(0, -1)}`,
    ];
  },
};
