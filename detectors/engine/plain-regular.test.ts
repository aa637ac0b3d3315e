import { describe, expect, it } from 'vitest';
import { plainRegular } from './plain-regular.js';
import { compilePattern } from './re2-pattern.js';
import { ALL_DETECTORS } from '../registry.js';
import { examplesOf } from '../../test/support/detector-examples.js';
import { TokenFactory } from '../../test/support/token-factory.js';

/**
 * For a pattern in the syntax RE2 and JavaScript read alike (plain-regular.ts)
 * the engine takes the exact twin's matches without RE2 confirming them. These
 * check which syntax qualifies, and that for every such detector the twin
 * walks exactly RE2's matches (start, length, groups) over its own examples
 * cut, glued and mixed with bytes that make near-misses, latin1 bytes
 * included.
 */
describe('plainRegular', () => {
  it('takes literals, escaped punctuation, plain classes, groups, alternation and greedy counts', () => {
    for (const source of [
      '(?P<secret>npm_[A-Za-z0-9]{36})',
      '(?P<secret>(?:AKIA|ASIA)[A-Z2-7]{16})',
      '(?P<secret>glc_eyJ[A-Za-z0-9+/]{29,600}={0,2})',
      '(?P<secret>hooks\\.slack\\.com/services/T[A-Z0-9]+)',
      '(?P<secret>[^-][a-z-]?x*y+)',
      '(?P<secret>[-a-z]{2,}|[0-9-]{3})',
      '(?P<secret>ab(?:-[a-z]{2})?(?:_[0-9]){3})',
    ]) {
      expect(plainRegular(source), source).toBe(true);
    }
  });

  it('refuses what the two engines read or match differently, or might', () => {
    for (const source of [
      '\\b(?P<secret>npm_[a-z]{4})',
      '(?P<secret>npm_.{4})',
      '(?P<secret>npm_[\\w]{4})',
      '(?P<secret>npm_\\s)',
      '(?P<secret>npm_\\d{4})',
      '^(?P<secret>npm_)',
      '(?P<secret>npm_)$',
      '(?i)(?P<secret>npm_)',
      '(?P<secret>npm_[a-z]{4}?)',
      '(?P<secret>npm_[a-z]*?)',
      '(?P<secret>npm_(x))',
      '(?P<secret>npm_[[:alpha:]])',
      '(?P<secret>npm_[a-z-_])',
      '(?P<secret>npm_[z-a])',
      '(?P<secret>npm_\\x41)',
      '(?P<secret>npm_[a-z]',
      '(?P<secret>npm_))',
      '(?P<secret>npm_{)',
      '(?P<secret>(?:|a)*b)',
      '(?P<secret>(?:a-)+b)',
      '(?P<secret>(?:a-){2,}b)',
      '(?P<secret>(?:a-){1,3}b)',
    ]) {
      expect(plainRegular(source), source).toBe(false);
    }
  });

  it('covers most of the catalogue', () => {
    expect(ALL_DETECTORS.filter((d) => plainRegular(d.pattern)).length).toBeGreaterThan(200);
  });
});

describe('exact twins of plain-regular patterns', () => {
  const PIECES = ['"', "'", ' ', '\n', '=', ':', '_', '-', '.', '/', '+', '=', '==', 'x', 'Z', '7', 'é', '\u00ff', '\\n', '%3D'];

  it('walk the same matches, groups and offsets as RE2 for every such detector', async () => {
    const t = new TokenFactory('plain-regular');
    const differences: string[] = [];
    let matches = 0;
    for (const d of ALL_DETECTORS.filter((x) => plainRegular(x.pattern))) {
      const fast = compilePattern(d.id, d.pattern);
      const reference = compilePattern(`${d.id}/reference`, d.pattern, { fastPaths: false });
      expect(fast.twinIsRe2, d.id).toBe(true);
      const ex = await examplesOf(d.id);
      const samples = [...ex.positives(t).map((p) => p.text), ...ex.negatives(t)];
      for (let round = 0; round < 40; round++) {
        let text = '';
        for (let n = 1 + t.int(6); n > 0; n--) {
          const sample = t.pick(samples);
          const from = t.int(3) === 0 ? t.int(sample.length) : 0;
          const to = t.int(3) === 0 ? from + t.int(sample.length - from + 1) : sample.length;
          text += sample.slice(from, to) + t.pick(PIECES);
        }
        const want = reference.matchAll(text);
        const got = [];
        const exact = fast.exact!;
        exact.lastIndex = 0;
        for (let m = exact.exec(text); m !== null; m = exact.exec(text)) {
          got.push(fast.twinMatch(m));
          if (m[0].length === 0) exact.lastIndex = m.index + 1;
        }
        matches += want.length;
        if (JSON.stringify(got) !== JSON.stringify(want)) differences.push(`${d.id}: ${JSON.stringify(got.map((m) => [m.index, m.text.length]))} vs ${JSON.stringify(want.map((m) => [m.index, m.text.length]))}`);
      }
    }
    expect(differences).toEqual([]);
    expect(matches).toBeGreaterThan(1000);
  });
});
