import type { Detector, DetectorMeta } from '../types.js';
import type { DetectorExamples } from '../examples-types.js';
import type { TokenFactory } from '../../test/support/token-factory.js';

const HEX = '0123456789abcdef';

/**
 * LaunchDarkly keys are a 3-letter kind (`api-` access tokens, `sdk-`
 * server-side SDK keys) + a version-4 UUID in lowercase hex. The kind alone
 * is a poor keyword (`x-api-key`, `aws-sdk-core`), so a hit counts only when
 * 8 hex digits and a `-` follow it; the random part is the UUID's 31 random
 * hex digits (the version digit is fixed).
 */
export function launchDarklyDetector(kind: 'api' | 'sdk', meta: Omit<DetectorMeta, 'tier' | 'family' | 'provider'>): Detector {
  return {
    ...meta,
    family: 'launchdarkly-key',
    provider: 'LaunchDarkly',
    tier: 'identifiable',
    keywords: [`${kind}-`],
    requires: { anyOf: '-', over: '0-9a-f', within: 9 },
    pattern: `(?P<secret>${kind}-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12})`,
    alphabet: 'A-Za-z0-9_-',
    window: { before: 0, after: 36 },
    randomPart: {
      alphabet: HEX,
      minLength: 31,
      maxLength: 31,
      of: (secret) => {
        const hex = secret.slice(4).replaceAll('-', '');
        return hex.slice(0, 12) + hex.slice(13);
      },
    },
  };
}

function uuid4(t: TokenFactory): string {
  const h = (n: number): string => t.chars(HEX, n);
  return `${h(8)}-${h(4)}-4${h(3)}-${t.pick(['8', '9', 'a', 'b'])}${h(3)}-${h(12)}`;
}

export function launchDarklyExamples(kind: 'api' | 'sdk', env: string): DetectorExamples {
  const make = (t: TokenFactory): string => `${kind}-${uuid4(t)}`;
  return {
    generate: make,
    positives: (t) => {
      const [a, b, c, d] = [make(t), make(t), make(t), make(t)];
      return [
        { text: `# feature flags\nexport ${env}=${a}\n`, secret: a },
        { text: `{\n  "launchdarkly": {\n    "key": "${b}"\n  }\n}\n`, secret: b },
        { text: `env:\r\n  ${env}: '${c}'\r\n  LOG_LEVEL: debug\r\n`, secret: c },
        { text: `client = ldclient.Config("${d}")`, secret: d },
      ];
    },
    negatives: (t) => {
      const good = make(t);
      return [
        'headers["x-api-key"] = token; require("aws-sdk-core");',
        // Not a version-4 UUID.
        `${env}=${kind}-${t.chars(HEX, 8)}-${t.chars(HEX, 4)}-1${t.chars(HEX, 3)}-a${t.chars(HEX, 3)}-${t.chars(HEX, 12)}`,
        `${env}=${kind}-00000000-0000-4000-8000-000000000000`,
        `${env}=${kind}-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`,
        `${env}=${good.slice(0, -1)} `,
        // Inside a longer name (`px-api-<uuid>` is a Pixie key).
        `PX_API_KEY=px-${good}`,
        `blob=${good}0a`,
      ];
    },
  };
}
