import { describe, expect, it } from 'vitest';
import { mayMatchAtHits, startsAtOwnKeywords } from './engine.js';
import { buildPrefilter, type KeywordSpec } from './prefilter.js';
import { compilePattern } from './re2-pattern.js';
import { ALL_DETECTORS } from '../registry.js';
import { examplesOf } from '../../test/support/detector-examples.js';
import { TokenFactory } from '../../test/support/token-factory.js';

/**
 * The engine tries a hit-anchored detector's twin only at the detector's
 * keyword hits inside a window (mayMatchAtHits) instead of searching the whole
 * window (mayMatch). These check that both give the same answer on every
 * window of random texts built from the detector's own examples, keywords in
 * mixed case, assignment pieces and other detectors' keywords.
 */
const FOREIGN = ['://', 'password', 'AKIA', 'machine', '_auth'];
const PIECES = [' = ', '=', ': ', '"', "'", '\n', ' ', '_', '.', '-', 'x', 'Q7', '9f', '/', '+', 'value', '<', ',', ';', '(', ')', '$', '>'];

function mixedCase(t: TokenFactory, s: string): string {
  return [...s].map((c) => (t.int(3) === 0 ? c.toUpperCase() : c)).join('');
}

describe('hit-anchored mayMatch', () => {
  const anchored = ALL_DETECTORS.filter((d) => startsAtOwnKeywords(d, compilePattern(d.id, d.pattern).leadingLiterals));

  it('applies to the generic secret detector and the AWS key detector', () => {
    const ids = anchored.map((d) => d.id);
    expect(ids).toContain('generic-secret-assignment');
    expect(ids).toContain('aws-access-key');
    // A twin starting with `pass`, which is not a keyword (`password`, `_pass`, ...), must not be anchored.
    expect(ids).not.toContain('password-assignment');
  });

  for (const d of anchored) {
    it(`${d.id}: answers as mayMatch does on every window`, async () => {
      const pattern = compilePattern(d.id, d.pattern);
      const t = new TokenFactory(`hit-anchored-${d.id}`);
      const ex = await examplesOf(d.id);
      const samples = [...ex.positives(t).map((p) => p.text), ...ex.negatives(t)];
      const keywords: KeywordSpec[] = d.keywords.map((text) => ({ text, ignoreCase: d.keywordsIgnoreCase === true }));
      for (const text of FOREIGN) if (!d.keywords.includes(text)) keywords.push({ text, ignoreCase: false });
      const own = Uint8Array.from(keywords, (_, k) => (k < d.keywords.length ? 1 : 0));
      const keywordLength = keywords.map((k) => k.text.length);
      const prefilter = buildPrefilter(keywords, 'dfa');
      const differences: string[] = [];
      let windows = 0;
      let yes = 0;
      for (let round = 0; round < 300; round++) {
        let text = '';
        for (let n = 1 + t.int(30); n > 0; n--) {
          const r = t.int(10);
          if (r < 3) text += d.keywordsIgnoreCase === true ? mixedCase(t, t.pick(d.keywords)) : t.pick(d.keywords);
          else if (r < 4) text += t.pick(FOREIGN);
          else if (r < 6) text += t.pick(samples).slice(0, 1 + t.int(120));
          else text += t.pick(PIECES);
        }
        const region = Buffer.from(text, 'latin1');
        const hits: number[] = [];
        prefilter.scan(region, 0, region.length, (kw, start) => hits.push(kw, start));
        const packed = Uint32Array.from(hits);
        for (let h = 0; h < hits.length; h += 2) {
          if (own[hits[h]!] !== 1) continue;
          const start = hits[h + 1]!;
          const from = Math.max(0, start - d.window.before);
          const to = Math.min(region.length, start + keywordLength[hits[h]!]! + d.window.after);
          const window = region.toString('latin1', from, to);
          const want = pattern.mayMatch(window);
          const got = mayMatchAtHits(pattern, window, from, to, { hits: packed, count: hits.length, h, own, keywordLength });
          windows++;
          if (want) yes++;
          if (got !== want) differences.push(`${JSON.stringify(text)} at ${start}: ${got}, mayMatch ${want}`);
        }
      }
      expect(differences.slice(0, 5)).toEqual([]);
      expect(windows).toBeGreaterThan(300);
      expect(yes).toBeGreaterThan(0);
    });
  }
});
