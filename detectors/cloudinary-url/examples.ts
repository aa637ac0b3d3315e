import type { DetectorExamples } from '../examples-types.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';

const DIGITS = '0123456789';
const cloud = (t: TokenFactory): string => t.pick([`d${t.chars('abcdefghijklmnopqrstuvwxyz0123456789', 8)}`, 'acme-media', 'shop_assets']);
const make = (t: TokenFactory): string =>
  `cloudinary://${t.chars('123456789', 1)}${t.chars(DIGITS, 14)}:${t.chars(ALPHA.base64url, 27)}@${cloud(t)}`;

export const examples: DetectorExamples = {
  generate: make,
  positives: (t) => {
    const [a, b, c, d] = [make(t), make(t), make(t), make(t)];
    return [
      { text: `# media uploads\nCLOUDINARY_URL=${a}\n`, secret: a },
      { text: `{\n  "cloudinary": {\n    "url": "${b}"\n  }\n}\n`, secret: b },
      { text: `env:\r\n  CLOUDINARY_URL: '${c}'\r\n  LOG_LEVEL: debug\r\n`, secret: c },
      { text: `os.environ.setdefault("CLOUDINARY_URL", "${d}")`, secret: d },
    ];
  },
  negatives: (t) => [
    'CLOUDINARY_URL=cloudinary://<api_key>:<api_secret>@<cloud_name>',
    'CLOUDINARY_URL=cloudinary://123456789012345:abcdefghijklmnopqrstuvwxyz1@demo',
    `CLOUDINARY_URL=cloudinary://${t.chars(DIGITS, 15)}:${'x'.repeat(27)}@demo`,
    // One character short of the secret.
    `CLOUDINARY_URL=cloudinary://${t.chars(DIGITS, 15)}:${t.chars(ALPHA.base64url, 26)}@demo`,
    // The API key alone.
    `CLOUDINARY_URL=cloudinary://${t.chars(DIGITS, 15)}@demo`,
  ],
};
