import { describe, expect, it } from 'vitest';
import { createEngine } from './engine.js';
import { ALL_DETECTORS } from '../registry.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { makeCrc32Token } from '../builders/crc32-token-examples.js';
import type { Detector, Match } from '../types.js';

const engine = createEngine(ALL_DETECTORS);
const t = new TokenFactory('engine-test');

function ids(matches: Match[]): string[] {
  return matches.map((m) => `${m.detector.id}@${m.start}:${m.line}:${m.column}`);
}

describe('engine', () => {
  it('reports byte offset, 1-based line and byte column', () => {
    const token = makeCrc32Token(t, 'ghp_');
    const text = `line one\nline two\n  token: ${token}\n`;
    const [m, ...rest] = engine.scan(Buffer.from(text));
    expect(rest).toEqual([]);
    expect(m!.secret).toBe(token);
    expect(m!.start).toBe(text.indexOf(token));
    expect(m!.end).toBe(text.indexOf(token) + token.length);
    expect(m!.line).toBe(3);
    expect(m!.column).toBe(10);
  });

  it('counts CRLF lines and byte columns after multi-byte UTF-8 and Latin-1 text', () => {
    const token = makeCrc32Token(t, 'ghp_');
    const utf8 = Buffer.from(`a\r\nb\r\nhéllo→ ${token}\r\n`, 'utf8');
    const [m1] = engine.scan(utf8);
    expect(m1!.line).toBe(3);
    // 'héllo→ ' is 5 + 1 (é is 2 bytes) + 3 (→) + 1 = 10 bytes before the token.
    expect(m1!.column).toBe(11);
    expect(utf8.subarray(m1!.start, m1!.end).toString('latin1')).toBe(token);

    const latin1 = Buffer.concat([Buffer.from([0xe9, 0xe8, 0x0a, 0xff, 0x20]), Buffer.from(token), Buffer.from([0xfe])]);
    const [m2] = engine.scan(latin1);
    expect(m2!.secret).toBe(token);
    expect(m2!.line).toBe(2);
    expect(m2!.column).toBe(3);
  });

  it('finds a token inside a NUL-containing binary blob', () => {
    const token = makeCrc32Token(t, 'gho_');
    const blob = Buffer.concat([Buffer.from(t.bytes(5000)).fill(0, 0, 100), Buffer.from([0]), Buffer.from(token), Buffer.from([0, 1, 2])]);
    const found = engine.scan(blob).filter((m) => m.secret === token);
    expect(found).toHaveLength(1);
    expect(found[0]!.start).toBe(5001);
  });

  it('finds a token in a 200 kB single-line minified file', () => {
    const token = makeCrc32Token(t, 'ghs_');
    const filler = 'var a=function(b){return b+1};'.repeat(7000);
    const text = `${filler.slice(0, 100_000)}"${token}"${filler.slice(100_000)}`;
    const found = engine.scan(Buffer.from(text));
    expect(found.map((m) => m.secret)).toEqual([token]);
    expect(found[0]!.line).toBe(1);
    expect(found[0]!.column).toBe(100_002);
  });

  it('gives the same matches however a stream is chunked, including tokens cut by chunk edges', () => {
    const tokens: string[] = [];
    const parts: string[] = [];
    for (let i = 0; i < 40; i++) {
      const token = makeCrc32Token(t, t.pick(['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_']));
      tokens.push(token);
      parts.push(`${'x'.repeat(t.int(300))}\n${' '.repeat(t.int(5))}key=${token}\r\n`);
    }
    const whole = Buffer.from(parts.join(''));
    const expected = ids(engine.scan(whole));
    expect(expected).toHaveLength(40);
    for (const chunkSize of [1, 7, 64, 333, 4096, whole.length]) {
      const stream = engine.stream();
      const got: Match[] = [];
      for (let off = 0; off < whole.length; off += chunkSize) got.push(...stream.push(whole.subarray(off, off + chunkSize)));
      got.push(...stream.end());
      expect(ids(got), `chunk size ${chunkSize}`).toEqual(expected);
      expect(stream.bytes).toBe(whole.length);
    }
  });

  it('keeps its own copy of what it carries: a caller may reuse one buffer for every chunk', () => {
    const parts: string[] = [];
    for (let i = 0; i < 30; i++) parts.push(`${'y'.repeat(t.int(200))}\ntoken: ${makeCrc32Token(t, 'ghp_')}\n`);
    const whole = Buffer.from(parts.join(''));
    const expected = ids(engine.scan(whole));
    expect(expected).toHaveLength(30);
    for (const chunkSize of [50, 1000, 5000]) {
      // Like fs.readSync into one buffer: each push overwrites the bytes of the previous chunk.
      const reused = Buffer.alloc(chunkSize);
      const stream = engine.stream();
      const got: Match[] = [];
      for (let off = 0; off < whole.length; off += chunkSize) {
        const n = whole.copy(reused, 0, off, off + chunkSize);
        got.push(...stream.push(reused.subarray(0, n)));
        reused.fill(0x78);
      }
      got.push(...stream.end());
      expect(ids(got), `chunk size ${chunkSize}`).toEqual(expected);
    }
  });

  it('is deterministic: same bytes, same matches', () => {
    const text = Buffer.from(`${makeCrc32Token(t, 'ghp_')} ${makeCrc32Token(t, 'ghr_')}`);
    expect(ids(engine.scan(text))).toEqual(ids(engine.scan(text)));
  });

  it('rejects a token embedded in a longer run of its alphabet, and a failed checksum', () => {
    const token = makeCrc32Token(t, 'ghp_');
    expect(engine.scan(Buffer.from(`x${token}`))).toEqual([]);
    expect(engine.scan(Buffer.from(`${token}0`))).toEqual([]);
    const broken = token.slice(0, 10) + (token[10] === 'a' ? 'b' : 'a') + token.slice(11);
    expect(engine.scan(Buffer.from(broken))).toEqual([]);
  });

  it('treats a preceding \\n, \\r or \\t escape as a boundary, but not an escaped backslash followed by a letter', () => {
    const token = makeCrc32Token(t, 'ghp_');
    for (const esc of ['\\n', '\\r', '\\t', '\\\\\\n']) {
      const text = `{"notes": "line one${esc}${token}"}`;
      const found = engine.scan(Buffer.from(text)).filter((m) => m.detector.id === 'github-pat-classic');
      expect(found.map((m) => m.start), esc).toEqual([text.indexOf(token)]);
    }
    for (const plain of ['n', '\\\\n', 'xt']) {
      const found = engine.scan(Buffer.from(`"a${plain}${token}"`)).filter((m) => m.detector.id === 'github-pat-classic');
      expect(found, plain).toEqual([]);
    }
  });
});

/** Two test detectors, one per tier, for engine semantics that do not depend on a real format. */
const legacyKeyValue: Detector = {
  id: 'test-legacy-key-value',
  family: 'test',
  provider: 'Test',
  title: 'test',
  severity: 'low',
  tier: 'legacy',
  docs: 'https://example.com/',
  revoke: 'n/a',
  keywords: ['key='],
  pattern: String.raw`key=(?P<secret>[a-z_]{6,})`,
  alphabet: 'a-z_',
  window: { before: 0, after: 40 },
};
const identifiableTok: Detector = {
  ...legacyKeyValue,
  id: 'test-identifiable-tok',
  tier: 'identifiable',
  keywords: ['tok_'],
  pattern: String.raw`(?P<secret>tok_[a-z]{8})`,
  window: { before: 0, after: 12 },
};
const userPassword: Detector = {
  ...legacyKeyValue,
  id: 'test-user-password',
  keywords: ['@'],
  pattern: String.raw`(?P<user>[a-z]+):(?P<secret>[a-z]+)@`,
  alphabet: '',
  window: { before: 30, after: 1 },
};

describe('engine semantics', () => {
  it('drops a legacy match whose secret overlaps an identifiable one, in a scan and in a stream', () => {
    const engine2 = createEngine([legacyKeyValue, identifiableTok]);
    const text = Buffer.from(`${'filler line\n'.repeat(20)}key=tok_abcdefgh\nkey=plain_value\n${'x'.repeat(50)}\n`);
    const got = (ms: Match[]): string[] => ms.map((m) => `${m.detector.id}:${m.secret}`);
    const expected = ['test-identifiable-tok:tok_abcdefgh', 'test-legacy-key-value:plain_value'];
    expect(got(engine2.scan(text))).toEqual(expected);
    // Legacy alone still finds it: the drop is the identifiable match's doing.
    expect(got(createEngine([legacyKeyValue]).scan(text))).toEqual(['test-legacy-key-value:tok_abcdefgh', 'test-legacy-key-value:plain_value']);
    for (const size of [1, 5, 17, 64]) {
      const s = engine2.stream();
      const out: Match[] = [];
      for (let at = 0; at < text.length; at += size) out.push(...s.push(text.subarray(at, at + size)));
      out.push(...s.end());
      expect(got(out), `chunk ${size}`).toEqual(expected);
    }
  });

  it('places the secret exactly when its value also occurs earlier in the match', () => {
    const text = 'see admin:admin@ and bob:bo@';
    const found = createEngine([userPassword]).scan(Buffer.from(text));
    expect(found.map((m) => [m.secret, m.start, m.end])).toEqual([
      ['admin', 10, 15],
      ['bo', 25, 27],
    ]);
    expect(found[0]!.context).toEqual({ user: 'admin' });
  });
});
