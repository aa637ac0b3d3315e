import type { DetectorExamples } from '../examples-types.js';
import { bech32Encode, convertBits } from '../checksum/bech32.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';

export function makeAgeSecretKey(t: TokenFactory): string {
  return bech32Encode('age-secret-key-', convertBits([...t.bytes(32)], 8, 5, true)!).toUpperCase();
}

export function makeAgeRecipient(t: TokenFactory): string {
  return bech32Encode('age', convertBits([...t.bytes(32)], 8, 5, true)!);
}

export const examples: DetectorExamples = {
  generate: makeAgeSecretKey,
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
