import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';

const host = (t: TokenFactory): string =>
  t.pick([`o${100000 + t.int(900000)}.ingest.sentry.io`, `o${100000 + t.int(900000)}.ingest.us.sentry.io`, 'sentry.io', 'app.getsentry.com']);

const make = (t: TokenFactory): string =>
  `https://${t.chars(ALPHA.hexLower, 32)}:${t.chars(ALPHA.hexLower, 32)}@${host(t)}/${1 + t.int(9_999_999)}`;

export const examples: DetectorExamples = {
  generate: make,
  positives: (t) => {
    const [a, b, c, d] = [make(t), make(t), make(t), make(t)];
    return [
      { text: `# error reporting\nSENTRY_DSN=${a}\n`, secret: a },
      { text: `{\n  "sentry": {\n    "dsn": "${b}"\n  }\n}\n`, secret: b },
      { text: `RAVEN_CONFIG = {\r\n    'dsn': '${c}',\r\n}\r\n`, secret: c },
      { text: `sentry_sdk.init(dsn="${d}", traces_sample_rate=0.2)`, secret: d },
    ];
  },
  negatives: (t) => [
    // A current DSN: the public key only.
    `SENTRY_DSN=https://${t.chars(ALPHA.hexLower, 32)}@o12345.ingest.sentry.io/67890`,
    // Documentation links.
    'See https://docs.sentry.io/platforms/python/ and https://sentry.io/for/python/ for setup.',
    // Self-hosted host: left to the URL-credential detector.
    `SENTRY_DSN=https://${t.chars(ALPHA.hexLower, 32)}:${t.chars(ALPHA.hexLower, 32)}@sentry.internal.example.net/4`,
    // Placeholder keys.
    `SENTRY_DSN=https://${'0'.repeat(32)}:${'0'.repeat(32)}@sentry.io/1`,
    `SENTRY_DSN=https://<public>:<secret>@sentry.io/<project>`,
    // One character short.
    `SENTRY_DSN=https://${t.chars(ALPHA.hexLower, 32)}:${t.chars(ALPHA.hexLower, 31)}@sentry.io/1`,
  ],
};
