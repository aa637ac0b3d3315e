import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adoLegacyPatKind, base32Decode, base32Encode, buildAdoLegacyPat } from './azure-devops-legacy-pat.js';
import { crc32 } from './crc32.js';
import { TokenFactory } from '../../test/support/token-factory.js';

const corpus = join(import.meta.dirname, '../../../shared/corpus/noseyparker-examples.jsonl');

describe('Azure DevOps legacy PAT checksum', () => {
  it('uses the standard CRC-32 (check value of "123456789")', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
  });

  it('decodes and encodes base32 like RFC 4648 (section 10 test vectors, unpadded, lower case)', () => {
    const vectors: Array<[string, string]> = [
      ['', ''],
      ['f', 'my'],
      ['fo', 'mzxq'],
      ['foo', 'mzxw6'],
      ['foob', 'mzxw6yq'],
      ['fooba', 'mzxw6ytb'],
      ['foobar', 'mzxw6ytboi'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(base32Encode(Uint8Array.from(Buffer.from(plain)))).toBe(encoded);
      expect(Buffer.from(base32Decode(encoded)!).toString()).toBe(plain);
      expect(Buffer.from(base32Decode(encoded.toUpperCase())!).toString()).toBe(plain);
    }
    expect(base32Decode('mzxw6ytb0i')).toBeNull();
  });

  it('validates built tokens of both kinds and rejects any changed character that changes the bytes', () => {
    const t = new TokenFactory('ado-legacy');
    for (const kind of ['user PAT', 'application secret'] as const) {
      const pat = buildAdoLegacyPat(t.bytes(32), kind);
      expect(pat).toMatch(/^[a-z2-7]{52}$/);
      expect(adoLegacyPatKind(pat)).toBe(kind);
      // The last character carries 4 unused bits, so only the first 51 are all significant.
      for (let at = 0; at < 51; at++) {
        const changed = pat.slice(0, at) + (pat[at] === 'a' ? 'b' : 'a') + pat.slice(at + 1);
        expect(adoLegacyPatKind(changed)).toBeNull();
      }
    }
  });

  it('rejects input that is not 52 base32 characters (security-utilities AdoLegacyPatTests)', () => {
    expect(adoLegacyPatKind('=22222222222222222222222222')).toBeNull();
    expect(adoLegacyPatKind('='.repeat(52))).toBeNull();
    expect(adoLegacyPatKind('a'.repeat(51))).toBeNull();
  });

  it.skipIf(!existsSync(corpus))('rejects the Nosey Parker corpus examples, which carry no valid checksum', () => {
    const tokens = readFileSync(corpus, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { rule_id: string; text: string })
      .filter((e) => e.rule_id === 'np.azure.3')
      .flatMap((e) => e.text.match(/[a-z2-7]{52}/g) ?? []);
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.filter((tok) => adoLegacyPatKind(tok) !== null)).toEqual([]);
  });
});
