import type { DetectorExamples } from '../examples-types.js';
import { BECH32_CHARSET, bech32Encode, convertBits } from '../checksum/bech32.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { fitsRandom } from '../builders/random-part.js';

export function makeAgeSecretKey(t: TokenFactory): string {
  return bech32Encode('age-secret-key-', convertBits([...t.bytes(32)], 8, 5, true)!).toUpperCase();
}

export function makeAgeRecipient(t: TokenFactory): string {
  return bech32Encode('age', convertBits([...t.bytes(32)], 8, 5, true)!);
}

export const examples: DetectorExamples = {
  generate: makeAgeSecretKey,
  // 51 data characters as given, a 52nd with zero padding bits, and the bech32 checksum.
  withRandom: (t, random) => {
    const charset = BECH32_CHARSET.toUpperCase();
    if (!fitsRandom(random, charset, 51)) return null;
    const words = [...random].map((c) => charset.indexOf(c));
    return bech32Encode('age-secret-key-', [...words, t.pick([0, 16])]).toUpperCase();
  },
  positives: (t) => {
    const a = makeAgeSecretKey(t);
    const b = makeAgeSecretKey(t);
    const c = makeAgeSecretKey(t);
    const d = makeAgeSecretKey(t);
    return [
      { text: `# created: 2024-03-01T10:12:55Z\n# public key: ${makeAgeRecipient(t)}\n${a}\n`, secret: a },
      { text: `creation_rules:\n  - path_regex: secrets/.*\n    age: ${makeAgeRecipient(t)}\n# SOPS_AGE_KEY=${b}\n`, secret: b },
      { text: `env:\r\n  SOPS_AGE_KEY: "${c}"\r\n`, secret: c },
      // A key file stored as a JSON string: the key follows a `\n` escape.
      { text: `{"age_identity": "# created: 2024-03-01T10:12:55Z\\n${d}\\n"}`, secret: d },
    ];
  },
  negatives: (t) => {
    const good = makeAgeSecretKey(t);
    const last = good.at(-1)!;
    return [
      // One changed checksum character.
      `${good.slice(0, -1)}${last === 'Q' ? 'P' : 'Q'}`,
      // Right alphabet and length, no valid checksum.
      `AGE-SECRET-KEY-1${t.chars('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58)}`,
      `AGE-SECRET-KEY-1${'Q'.repeat(58)}`,
      // A public recipient is not a secret.
      `# public key: ${makeAgeRecipient(t)}`,
      `blob=${t.chars(ALPHA.upperAlnum, 4)}${good}`,
    ];
  },
};
