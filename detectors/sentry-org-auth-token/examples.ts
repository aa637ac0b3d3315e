import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { fitsRandom } from '../builders/random-part.js';

export function makeSentryOrgToken(t: TokenFactory, payload?: Record<string, unknown>, random?: string): string {
  const body = payload ?? {
    iat: 1_700_000_000 + t.int(60_000_000) + t.int(1_000_000) / 1_000_000,
    url: 'https://sentry.io',
    region_url: t.pick(['https://us.sentry.io', 'https://de.sentry.io']),
    org: `acme-${t.chars(ALPHA.lowerAlnum, 5)}`,
  };
  // Python's json.dumps separators, as Sentry writes them.
  const json = JSON.stringify(body).replace(/":/g, '": ').replace(/,"/g, ', "');
  const secret = random === undefined ? Buffer.from(t.bytes(32)).toString('base64').replace(/=+$/, '') : random + t.pick([...'AEIMQUYcgkosw048']);
  return `sntrys_${Buffer.from(json).toString('base64')}_${secret}`;
}

export const examples: DetectorExamples = {
  generate: (t) => makeSentryOrgToken(t),
  withRandom: (t, random) => (fitsRandom(random, ALPHA.base64, 42) ? makeSentryOrgToken(t, undefined, random) : null),
  positives: (t) => {
    const a = makeSentryOrgToken(t);
    const b = makeSentryOrgToken(t);
    const c = makeSentryOrgToken(t);
    return [
      { text: `# .sentryclirc\n[auth]\ntoken=${a}\n`, secret: a },
      { text: `      - uses: getsentry/action-release@v1\n        env:\n          SENTRY_AUTH_TOKEN: ${b}\n`, secret: b },
      { text: `SENTRY_AUTH_TOKEN="${c}"\r\n`, secret: c },
    ];
  },
  negatives: (t) => {
    const good = makeSentryOrgToken(t);
    return [
      // A payload without `iat` is refused by Sentry's own parser.
      `SENTRY_AUTH_TOKEN=${makeSentryOrgToken(t, { url: 'https://sentry.io', org: 'acme' })}`,
      // A payload that is not JSON.
      `SENTRY_AUTH_TOKEN=sntrys_eyJ${t.chars(ALPHA.base62, 80)}_${t.chars(ALPHA.base62, 43)}`,
      // The secret part cut short.
      `SENTRY_AUTH_TOKEN=${good.slice(0, -5)}`,
      'SENTRY_AUTH_TOKEN=sntrys_YOUR_TOKEN_HERE',
    ];
  },
};
