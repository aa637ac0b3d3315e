import { describe, expect, it } from 'vitest';
import { HOSTILE_TEXT as HOSTILE, UNSAFE_FOR_TERMINAL as UNSAFE_OUTPUT } from '../../test/fixtures/hostile-text.js';
import { terminalLines, terminalSafeJson, terminalText } from './terminal-text.js';

describe('terminalText', () => {
  it('shows control characters and escape sequences as visible escapes', () => {
    expect(terminalText('\x1b[2J')).toBe('\\x1b[2J');
    expect(terminalText('\x1b]0;title\x07')).toBe('\\x1b]0;title\\x07');
    expect(terminalText('a\nb\rc\td\0e\x7f')).toBe('a\\x0ab\\x0dc\\x09d\\x00e\\x7f');
    expect(terminalText('ok\u0085\u009b\u009d')).toBe('ok\\x85\\x9b\\x9d');
  });

  it('escapes the line separators and bidi controls that reorder or break lines', () => {
    expect(terminalText('a\u2028b\u2029c')).toBe('a\\u2028b\\u2029c');
    for (const c of ['\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(terminalText(`x${c}y`)).toBe(`x\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}y`);
    }
  });

  it('escapes lone surrogates and keeps pairs, accents and other scripts', () => {
    expect(terminalText('a\ud800b')).toBe('a\\ud800b');
    expect(terminalText('a\udc00b')).toBe('a\\udc00b');
    expect(terminalText('\udc00\ud800')).toBe('\\udc00\\ud800');
    expect(terminalText('😀 ünïcode 日本語 עברית')).toBe('😀 ünïcode 日本語 עברית');
    expect(terminalText('C:\\path with spaces/*** ~')).toBe('C:\\path with spaces/*** ~');
  });

  it('leaves nothing a terminal acts on, for every hostile sample', () => {
    for (const [what, s] of Object.entries(HOSTILE)) {
      expect({ what, out: UNSAFE_OUTPUT.test(terminalText(s)) }).toEqual({ what, out: false });
    }
  });
});

describe('terminalLines', () => {
  it('keeps the line breaks of our own text and escapes everything else', () => {
    expect(terminalLines('error: unknown option \x1b[2J\nsee --help\n')).toBe('error: unknown option \\x1b[2J\nsee --help\n');
    expect(terminalLines('a\rb')).toBe('a\\x0db');
  });
});

describe('terminalSafeJson', () => {
  it('writes the characters terminalText escapes as JSON escapes: the same document, safe to print', () => {
    const value = { path: `dir/${Object.values(HOSTILE).join('|')}`, lone: 'x\ud800y', del: '\x7f' };
    const json = terminalSafeJson(JSON.stringify(value, null, 2));
    expect(JSON.parse(json)).toEqual(value);
    expect(json.replace(/\n/g, '')).not.toMatch(UNSAFE_OUTPUT);
    expect(json).toContain('\\u202e');
    expect(json).toContain('\\u2028');
    expect(json).toContain('\\u007f');
    expect(json).toContain('\\u009b');
    expect(json.split('\n')).toHaveLength(5);
  });
});
