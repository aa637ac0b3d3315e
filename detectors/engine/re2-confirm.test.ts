import { describe, expect, it } from 'vitest';
import { compilePattern } from './re2-pattern.js';
import { ALL_DETECTORS } from '../registry.js';
import { TokenFactory } from '../../test/support/token-factory.js';

/**
 * The engine asks RE2 only to confirm where a match of the exact twin lies
 * (a search without groups) and takes the groups from the twin. These pin
 * the two halves: `confirm` says yes only for RE2's own match bounds and
 * honours the context byte before the match, and `twinMatch` gives what
 * RE2's matchAll gives for the same match.
 */
describe('RE2 confirmation of exact-twin matches', () => {
  const pattern = compilePattern('test-confirm', String.raw`\b(?P<key>api|tok)_(?P<secret>[A-Z0-9]{8})\b`);

  it('confirms exactly the bounds RE2 finds', () => {
    const text = 'x = tok_ABCD1234;';
    expect(pattern.confirm(text, 4, 12)).toBe(true);
    expect(pattern.confirm(text, 4, 11)).toBe(false);
    expect(pattern.confirm(text, 5, 11)).toBe(false);
    expect(pattern.confirm(text, 0, 12)).toBe(false);
  });

  it('sees the byte before the match as context, as in the whole window', () => {
    // `\b` before `tok` is false after a word character: RE2 finds no match starting at 1.
    expect(pattern.confirm('xtok_ABCD1234 ', 1, 12)).toBe(false);
    expect(pattern.confirm(' tok_ABCD1234 ', 1, 12)).toBe(true);
    // At the text's start there is no byte before: `\b` holds, as at a window's edge.
    expect(pattern.confirm('tok_ABCD1234 ', 0, 12)).toBe(true);
  });

  it("gives the twin's match with the groups and secret offset RE2's matchAll gives", () => {
    const text = 'a api_ZZZZ9999 b tok_ABCD1234';
    const exact = pattern.exact!;
    expect(exact).not.toBeNull();
    const fromRe2 = pattern.matchAll(text);
    const fromTwin = [];
    exact.lastIndex = 0;
    for (let m = exact.exec(text); m !== null; m = exact.exec(text)) fromTwin.push(pattern.twinMatch(m));
    expect(fromRe2).toHaveLength(2);
    expect(fromTwin).toEqual(fromRe2);
    expect(fromTwin[1]).toMatchObject({ index: 17, text: 'tok_ABCD1234', groups: { key: 'tok', secret: 'ABCD1234' }, secretOffset: 4 });
  });
});

describe('exact twins of the key-assignment detectors (with the run-start guard)', () => {
  // Pieces that make keys, runs of key characters, operators, quotes and values collide often.
  const PIECES = ['token', 'secret', 'Pass', 'pwd', 'api_key', 'ENV ', ';', '=', ' = ', ':', ': ', '=>', '"', "'", '\\', '\\"', 'a', 'x1', 'Z9', '$', '>', '-', '--', '.', '_', '\n', ' ', '\t', '/', '+', '9', 'value', '<', ',', '?', '(', ')', '!', '@', 'é'];

  for (const id of ['generic-secret-assignment', 'password-assignment']) {
    it(`${id}: the guarded twin walks the same matches, groups and offsets as RE2`, () => {
      const detector = ALL_DETECTORS.find((d) => d.id === id)!;
      const fast = compilePattern(id, detector.pattern);
      const reference = compilePattern(id, detector.pattern, { fastPaths: false });
      expect(fast.exact!.source).toContain('(?<![');
      const t = new TokenFactory(`run-start-guard-${id}`);
      const differences: string[] = [];
      let matched = 0;
      for (let i = 0; i < 6000; i++) {
        let text = '';
        for (let n = 2 + t.int(40); n > 0; n--) text += t.pick(PIECES);
        const want = reference.matchAll(text);
        const got = [];
        const exact = fast.exact!;
        exact.lastIndex = 0;
        for (let m = exact.exec(text); m !== null; m = exact.exec(text)) got.push(fast.twinMatch(m));
        if (want.length > 0) matched++;
        if (JSON.stringify(got) !== JSON.stringify(want)) differences.push(JSON.stringify(text));
      }
      expect(differences.slice(0, 5)).toEqual([]);
      // The texts must exercise matches, not only misses.
      expect(matched).toBeGreaterThan(300);
    });
  }

  it('leaves the twin unguarded when a match could end on a key character', () => {
    // `[\w.$>-]` and the end class share `.`: a later search could start inside a run.
    const twin = compilePattern('unguarded', String.raw`(?:\\?["'])?(?P<key>(?:--?)?[\w.$>-]*tok[\w.-]*)=(?P<secret>[0-9]+)(?:[\s.]|$)`).exact!;
    expect(twin.source).not.toContain('(?<![');
  });
});
