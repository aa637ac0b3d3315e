import { describe, expect, it } from 'vitest';
import { compilePattern } from './re2-pattern.js';
import { ALL_DETECTORS } from '../registry.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { examplesOf } from '../../test/support/detector-examples.js';

/**
 * The engine asks RE2 only to confirm where a match of the exact twin lies
 * (a search without groups) and takes the groups from the twin. These pin
 * the two halves: `confirm` says yes only for RE2's own match bounds and
 * honours the context byte before the match, and `twinMatch` gives what
 * RE2's matchAll gives for the same match.
 */
/** The reference for offset 0: RE2's leftmost match in `text` (fast paths off: plain exec) starts at 0 and is `n` long. */
function unanchoredAtStart(id: string, source: string, text: string, n: number): boolean {
  const first = compilePattern(`${id}/reference`, source, { fastPaths: false }).matchAll(text)[0];
  return first !== undefined && first.index === 0 && first.text.length === n;
}

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

  it('answers with one character of context (anchored search) as the unanchored search from the same offset does', async () => {
    // For every detector, at every place its exact twin matches in its own examples and negatives, with
    // the true length and one off either way: confirm(text, 0 or 1, n) takes the anchored path; the
    // reference is RE2's unanchored search (for offset 1, the same text behind one more character from
    // offset 2, the same neighbour; for offset 0, the leftmost match of the plain pattern).
    let compared = 0;
    const disagreements: string[] = [];
    for (const d of ALL_DETECTORS) {
      const pattern = compilePattern(d.id, d.pattern);
      const exact = pattern.exact;
      if (exact === null) continue;
      const ex = await examplesOf(d.id);
      const t = new TokenFactory(`confirm-${d.id}`);
      const texts = [...ex.positives(t).map((p) => p.text), ...ex.negatives(t), ` ${ex.generate?.(t) ?? ''}-`];
      for (const text of texts) {
        exact.lastIndex = 0;
        for (let m = exact.exec(text); m !== null; m = exact.exec(text)) {
          if (m[0].length === 0) exact.lastIndex++;
          // With a neighbour (offset 1), and at the text's start (offset 0, an edge for `\b` and `^`).
          const subs: Array<[string, number]> = [[text.slice(m.index, m.index + m[0].length + 1), 0]];
          if (m.index > 0) subs.push([text.slice(m.index - 1, m.index + m[0].length + 1), 1]);
          for (const [sub, at] of subs) {
            for (const n of [m[0].length - 1, m[0].length, m[0].length + 1]) {
              const anchored = pattern.confirm(sub, at, n);
              // Offset 2 takes the unanchored search; `^` cannot match there, as it cannot at offset 1.
              const unanchored = at === 1 ? pattern.confirm(`#${sub}`, 2, n) : unanchoredAtStart(d.id, d.pattern, sub, n);
              compared++;
              if (anchored !== unanchored) disagreements.push(`${d.id}: ${n} at ${m.index}+${at}: anchored ${anchored}, unanchored ${unanchored}`);
            }
          }
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(compared).toBeGreaterThan(3 * ALL_DETECTORS.length);
  }, 120_000);
});
