import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { RE2 as RE2Class } from 're2-wasm';
import { jsTwin, translate, trim } from './js-fast-reject.js';
import { TokenFactory } from '../../test/support/token-factory.js';

const { RE2 } = createRequire(import.meta.url)('re2-wasm') as { RE2: typeof RE2Class };

describe('jsTwin', () => {
  it('gives up on constructs whose meaning differs between RE2 and JavaScript', () => {
    for (const source of ['(?i)abc', 'a(?s:.)b', String.raw`\pL+`, String.raw`\p{Greek}`, String.raw`abc\z`, String.raw`\Qa.b\E`, String.raw`\C`, '[[:alpha:]]+', '[]a]', '[^]a]', String.raw`\x{141}`, 'a{,3}', String.raw`\1`, 'é|😀']) {
      expect(translate(source), source).toBeNull();
    }
  });

  it("spells out RE2's meaning of \\s and dot, and drops group names", () => {
    expect(translate(String.raw`(?P<secret>a\sb.c)`)).toBe(String.raw`(?:a[\t\n\f\r ]b[^\n]c)`);
    expect(translate(String.raw`[^\s@]+\S`)).toBe(String.raw`[^\t\n\f\r @]+[^\t\n\f\r ]`);
    // Inside a class \S is the ranges around RE2's four spaces (\v is not one of them).
    expect(translate(String.raw`[\s\S]*?x[^\S]`)).toBe(String.raw`[\t\n\f\r \x00-\x08\x0b\x0e-\x1f\x21-\uffff]*?x[^\x00-\x08\x0b\x0e-\x1f\x21-\uffff]`);
  });

  it('spells RE2\'s braced byte escapes as two-digit ones', () => {
    expect(translate(String.raw`\x{fe}\x{0}[\x00-\x{ff}]`)).toBe(String.raw`\xfe\x00[\x00-\xff]`);
  });

  it('trims ends that cannot change whether there is a match, and a class run before a literal', () => {
    expect(trim('(?:x)?(?:--?)?[a-z]*key[ \t]*=(?:[ \t]+)?')).toBe('key[ \t]*=');
    expect(trim(String.raw`(?:[A-Za-z][A-Za-z0-9+.\-]+)://(?:[^@]*)@`)).toBe('://[^@]*@');
    // A leading group is kept: it is what makes the search selective.
    expect(trim(String.raw`\b(?:pwd|password)=[^;]+`)).toBe(String.raw`\b(?:pwd|password)=[^;]+`);
    // Top-level alternation: left as is.
    expect(trim('a*b|c')).toBe('a*b|c');
  });

  it('never misses where RE2 matches (random latin1 texts, including \\v, \\r, U+00A0 and U+0085)', () => {
    const t = new TokenFactory('js-twin');
    const patterns = [
      String.raw`(?P<user>[^\s:@]*):(?P<secret>[^\s@]+)@(?P<host>[a-z.]+)`,
      String.raw`key(?:[ \t]*=|:)\s*(?P<secret>.{3,12})x`,
      String.raw`\b(?:ab|ba)[^\sx]{2,}\b`,
      String.raw`^a.b$`,
      String.raw`(?:--?)?[\w.$>-]*tok[\w.-]*(?:\\?["'\]]){0,2}[ \t]*=[ \t]*(?P<secret>[0-9a-f]*[0-9][0-9a-f]*)(?:[\s"']|$)`,
      String.raw`a[\s\S]{1,4}?b[\S\x{e9}][^\S\x{0b}]`,
    ];
    const alphabet = 'abkeytox:@=. \t\r\n\v\f\u00a0\u0085\u00e9-_"\'0123456789\\/';
    for (const source of patterns) {
      const twin = jsTwin(source);
      expect(twin, source).not.toBeNull();
      const re = new RE2(source, 'u');
      let agree = 0;
      for (let i = 0; i < 4000; i++) {
        const text = t.chars(alphabet, 1 + t.int(24));
        const r = re.test(text);
        if (r) expect(twin!.test(text), `${source} on ${JSON.stringify(text)}`).toBe(true);
        else agree++;
      }
      expect(agree).toBeGreaterThan(0);
    }
  });

  it('cannot backtrack catastrophically: V8 falls back to its linear engine', () => {
    const twin = jsTwin('(?:x+x+)+y');
    expect(twin).not.toBeNull();
    const started = performance.now();
    expect(twin!.test('x'.repeat(30_000))).toBe(false);
    // Backtracking would take longer than the age of the universe; the fallback takes milliseconds.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
