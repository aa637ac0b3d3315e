import { describe, expect, it } from 'vitest';
import { compilePattern } from '../engine/re2-pattern.js';
import { caseless, caselessAny } from './ascii-caseless.js';

describe('caseless', () => {
  it('spells letters as two-case classes and escapes metacharacters', () => {
    expect(caseless('Key=sb://')).toBe('[Kk][Ee][Yy]=[Ss][Bb]://');
    expect(caseless('api-key.x')).toBe('[Aa][Pp][Ii]\\-[Kk][Ee][Yy]\\.[Xx]');
  });

  it('matches every ASCII case mix and nothing Unicode-folded', () => {
    const re = compilePattern('caseless-test', `^${caselessAny(['secret', 'api_key'])}$`);
    for (const s of ['secret', 'SECRET', 'SeCrEt', 'api_key', 'API_KEY']) expect(re.matchAll(s)).toHaveLength(1);
    // U+017F LATIN SMALL LETTER LONG S folds to `s` under (?i); the ASCII spelling does not.
    for (const s of ['\u017fecret', 'apikey', 'secrets']) expect(re.matchAll(s)).toHaveLength(0);
  });
});
