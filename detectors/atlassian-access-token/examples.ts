import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { atlassianChecksum } from './detector.js';
import { fitsRandom } from '../builders/random-part.js';

export function makeAtlassianAccessToken(t: TokenFactory, body: string = t.chars(ALPHA.base64url, 171)): string {
  const head = `ATCTT3xFfGN0${body}=`;
  return head + atlassianChecksum(head);
}

const make = (t: TokenFactory): string => makeAtlassianAccessToken(t);

export const examples: DetectorExamples = {
  generate: make,
  withRandom: (t, random) => (fitsRandom(random, ALPHA.base64url, 171) ? makeAtlassianAccessToken(t, random) : null),
  positives: (t) => {
    const [a, b, c, d] = [make(t), make(t), make(t), make(t)];
    return [
      { text: `export BITBUCKET_ACCESS_TOKEN=${a}\n`, secret: a },
      { text: `git clone https://x-token-auth:${b}@bitbucket.org/acme/platform.git\n`, secret: b },
      { text: `pipelines:\r\n  default:\r\n    - step:\r\n        script:\r\n          - curl -H "Authorization: Bearer ${c}" https://api.bitbucket.org/2.0/user\r\n`, secret: c },
      { text: `{"atlassian": {"admin_api_key": "${d}"}}`, secret: d },
    ];
  },
  negatives: (t) => {
    const good = make(t);
    const last = good.at(-1)!;
    return [
      // One checksum digit changed, as in fabricated examples.
      `BITBUCKET_ACCESS_TOKEN=${good.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`,
      // A body character changed.
      `BITBUCKET_ACCESS_TOKEN=${good.slice(0, 20)}${good[20] === 'Q' ? 'R' : 'Q'}${good.slice(21)}`,
      // Lower-case tail.
      `BITBUCKET_ACCESS_TOKEN=${good.slice(0, -8)}${good.slice(-8).toLowerCase().replace(/[0-9]/g, 'a')}`,
      // A constant body with its valid checksum is a placeholder.
      `BITBUCKET_ACCESS_TOKEN=${makeAtlassianAccessToken(t, 'x'.repeat(171))}`,
      'BITBUCKET_ACCESS_TOKEN=ATCTT3xFfGN0...',
      `blob=${good}QQ`,
      `blob=Qq${good}`,
    ];
  },
};
