import { describe, expect, it } from 'vitest';
import { createEngine } from './engine.js';
import type { Detector, Requirement } from '../types.js';

/**
 * `Detector.requires`: a byte pre-check after the keyword that decides
 * whether RE2 runs at all. These tests use a deliberately wrong requirement
 * to show it gates RE2, and the real shape of one to show it keeps matches.
 */
const base: Detector = {
  id: 'test-url-password',
  family: 'test',
  provider: 'Test',
  title: 'test',
  severity: 'low',
  tier: 'legacy',
  docs: 'https://example.com/',
  revoke: 'n/a',
  keywords: ['://'],
  pattern: String.raw`(?P<scheme>[a-z]+)://(?P<user>[^\s:@/]+):(?P<secret>[^\s@/]+)@(?P<host>[a-z.]+)`,
  alphabet: '',
  window: { before: 16, after: 60 },
};

const TEXT = 'see url = "https://alice:s3cretpw9@db.example.com/app" and https://example.com/a@b\n';

function secrets(requires: Requirement | undefined, text = TEXT): string[] {
  const detector: Detector = requires ? { ...base, requires } : base;
  return createEngine([detector])
    .scan(Buffer.from(text, 'latin1'))
    .map((m) => m.secret);
}

describe('requires', () => {
  it('runs RE2 only when the requirement holds', () => {
    expect(secrets(undefined)).toEqual(['s3cretpw9']);
    expect(secrets({ anyOf: '@', over: '^ \t\r\n/"', within: 60 })).toEqual(['s3cretpw9']);
    // Not a real requirement of the pattern: the match is never tried.
    expect(secrets({ anyOf: '#', within: 60 })).toEqual([]);
  });

  it('stops at the first byte outside `over`; a leading ^ negates a set', () => {
    expect(secrets({ anyOf: '@', over: 'a-z', within: 60 })).toEqual([]);
    expect(secrets({ anyOf: '@', over: 'a-z0-9:', within: 60 })).toEqual(['s3cretpw9']);
    expect(secrets({ anyOf: '@', over: '^:', within: 60 })).toEqual([]);
    // An empty `over`: the byte right after the keyword must be in anyOf.
    expect(secrets({ anyOf: 'a', over: '', within: 60 })).toEqual(['s3cretpw9']);
    expect(secrets({ anyOf: 'b', over: '', within: 60 })).toEqual([]);
  });

  it('looks `within` bytes after the keyword, never past the window', () => {
    // The `@` is the 16th byte after `://`.
    expect(secrets({ anyOf: '@', within: 15 })).toEqual([]);
    expect(secrets({ anyOf: '@', within: 16 })).toEqual(['s3cretpw9']);
    const farAt = `x https://u:${'p'.repeat(70)}@h.io`;
    // The pattern cannot reach that `@` inside a 60-byte window, so a larger `within` changes nothing.
    expect(secrets({ anyOf: '@', within: 1000 }, farAt)).toEqual([]);
    expect(secrets({ anyOf: '@', within: 1000 }, `x https://u:pw1@h.io at the end`)).toEqual(['pw1']);
  });

  it('gives the same matches through stream() in small chunks as through scan()', () => {
    const detector: Detector = { ...base, requires: { anyOf: '@', over: '^ \t\r\n/"', within: 60 } };
    const engine = createEngine([detector]);
    const text = Buffer.from(`${'filler https://x.org/y '.repeat(40)}${TEXT}`.repeat(30), 'latin1');
    const whole = engine.scan(text).map((m) => `${m.start}:${m.secret}`);
    const s = engine.stream();
    const streamed: string[] = [];
    for (let at = 0; at < text.length; at += 37) streamed.push(...s.push(text.subarray(at, at + 37)).map((m) => `${m.start}:${m.secret}`));
    streamed.push(...s.end().map((m) => `${m.start}:${m.secret}`));
    expect(whole).toHaveLength(30);
    expect(streamed).toEqual(whole);
  });
});
