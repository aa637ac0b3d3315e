import { createHash, createHmac, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ALL_DETECTORS, RANDOM_VALUE_FAMILIES } from '../detectors/registry.js';
import type { Detector, Match } from '../detectors/types.js';
import { FindingAggregator } from './aggregate.js';
import {
  deriveFingerprintKey,
  fingerprinterFromEnv,
  fingerprintKeyId,
  keyBytesFromText,
  keyedFingerprinter,
  unkeyedFingerprinter,
  v1Fingerprint,
} from './fingerprint.js';

const KEY = Buffer.alloc(32, 0x11);
/** What an attacker tries against a leaked fingerprint: a few common passwords. */
const WORDLIST = ['password', 'Password1', 'letmein', 'Winter2024!', 'Summer2024!', 'hunter2', 'changeme'];
const WEAK = 'Summer2024!';

function invert(fingerprint: string, family: string, guess: (family: string, word: string) => string): string | undefined {
  return WORDLIST.find((w) => guess(family, w) === fingerprint);
}

describe('fingerprints', () => {
  it('v1 (unkeyed SHA-256) falls to a wordlist: the reason v2 exists', () => {
    expect(invert(v1Fingerprint('legacy-credential', WEAK), 'legacy-credential', v1Fingerprint)).toBe(WEAK);
  });

  it('keyed-v2 is HMAC-SHA-256 under the key: stable, 32 hex, and nothing to test guesses against without the key', () => {
    const keyed = keyedFingerprinter(KEY);
    const fp = keyed.of('legacy-credential', WEAK);
    expect(fp).toMatch(/^[0-9a-f]{32}$/);
    expect(fp).toBe(createHmac('sha256', KEY).update(`pushgate/v2\0legacy-credential\0${WEAK}`).digest('hex').slice(0, 32));
    expect(keyed.of('legacy-credential', WEAK)).toBe(fp);
    expect(keyed.of('other-family', WEAK)).not.toBe(fp);
    // Every guessing construction without the key misses it.
    expect(invert(fp, 'legacy-credential', v1Fingerprint)).toBeUndefined();
    expect(invert(fp, 'legacy-credential', (f, w) => unkeyedFingerprinter().of(f, w))).toBeUndefined();
    expect(invert(fp, 'legacy-credential', (f, w) => keyedFingerprinter(Buffer.alloc(32, 0x12)).of(f, w))).toBeUndefined();
    // With the key it is found: the key is the secret part, and tells keys apart.
    expect(invert(fp, 'legacy-credential', (f, w) => keyed.of(f, w))).toBe(WEAK);
    expect(keyed.scheme).toBe('keyed-v2');
    expect(keyed.keyId).toBe(fingerprintKeyId(KEY));
    expect(keyed.keyId).toMatch(/^[0-9a-f]{12}$/);
    expect(keyedFingerprinter(Buffer.alloc(32, 0x12)).keyId).not.toBe(keyed.keyId);
    expect(() => keyedFingerprinter(Buffer.alloc(16))).toThrow(expect.objectContaining({ code: 'FINGERPRINT_KEY_INVALID' }));
  });

  it('unkeyed-v2 is scrypt (N=2^13, r=8) for families people choose values in, SHA-256 only for provider-random families', () => {
    const unkeyed = unkeyedFingerprinter();
    expect(unkeyed.scheme).toBe('unkeyed-v2');
    expect(unkeyed.keyId).toBeUndefined();
    expect(RANDOM_VALUE_FAMILIES.has('legacy-credential')).toBe(false);
    expect(unkeyed.of('legacy-credential', WEAK)).toBe(scryptSync(WEAK, 'pushgate/v2\0legacy-credential', 16, { N: 2 ** 13, r: 8, p: 1, maxmem: 32 << 20 }).toString('hex'));
    expect(RANDOM_VALUE_FAMILIES.has('github-token')).toBe(true);
    const token = 'ghp_' + 'x'.repeat(36);
    expect(unkeyed.of('github-token', token)).toBe(createHash('sha256').update(`pushgate/v2\0github-token\0${token}`).digest('hex').slice(0, 32));
    expect(unkeyed.of('github-token', token)).not.toBe(v1Fingerprint('github-token', token));
  });

  it('computes the slow ones off the main thread, in parallel, to the same values', async () => {
    const unkeyed = unkeyedFingerprinter();
    const values = Array.from({ length: 6 }, (_, i) => `pw-${i}-${WEAK}`);
    const agg = new FindingAggregator(unkeyed);
    const legacy = ALL_DETECTORS.find((d) => d.family === 'legacy-credential')!;
    for (const v of values) agg.add(matchOf(legacy, v), { kind: 'blob', path: 'a' });
    await agg.settle();
    const settled = agg.findings().map((f) => f.fingerprint).sort();
    expect(settled).toEqual(values.map((v) => unkeyed.of('legacy-credential', v)).sort());
    // Without settle(), findings() computes them itself: same values.
    const lazy = new FindingAggregator(unkeyed);
    for (const v of values) lazy.add(matchOf(legacy, v), { kind: 'blob', path: 'a' });
    expect(lazy.findings().map((f) => f.fingerprint).sort()).toEqual(settled);
  });

  it('counts a family as provider-random only when no legacy detector shares it', () => {
    for (const d of ALL_DETECTORS) {
      const allIdentifiable = ALL_DETECTORS.every((o) => o.family !== d.family || o.tier === 'identifiable');
      expect(RANDOM_VALUE_FAMILIES.has(d.family), d.family).toBe(allIdentifiable);
    }
  });

  it('decides fast or slow per family, so a value has one fingerprint whichever detector of a mixed family saw it first', () => {
    const mixed = ALL_DETECTORS.filter((d) => d.family === 'sonarqube-token');
    const identifiable = mixed.find((d) => d.tier === 'identifiable')!;
    const legacy = mixed.find((d) => d.tier === 'legacy')!;
    expect(identifiable && legacy).toBeTruthy();
    expect(RANDOM_VALUE_FAMILIES.has('sonarqube-token')).toBe(false);
    const value = 'squ_' + 'a1'.repeat(20);
    const seen = (order: Detector[]) => {
      const agg = new FindingAggregator(unkeyedFingerprinter());
      for (const d of order) agg.add(matchOf(d, value), { kind: 'blob', path: `by-${d.tier}` });
      return agg.findings().map((f) => [f.fingerprint, f.tier, f.locations.length]);
    };
    const a = seen([legacy, identifiable]);
    const b = seen([identifiable, legacy]);
    expect(a).toEqual(b);
    expect(a).toEqual([[scryptSync(value, 'pushgate/v2\0sonarqube-token', 16, { N: 2 ** 13, r: 8, p: 1, maxmem: 32 << 20 }).toString('hex'), 'identifiable', 2]]);
  });

  it('PUSHGATE_FINGERPRINT_KEY selects keyed fingerprints; a malformed key is an error, never a silent fallback', () => {
    expect(fingerprinterFromEnv({}).scheme).toBe('unkeyed-v2');
    expect(fingerprinterFromEnv({ PUSHGATE_FINGERPRINT_KEY: '  ' }).scheme).toBe('unkeyed-v2');
    const hex = fingerprinterFromEnv({ PUSHGATE_FINGERPRINT_KEY: KEY.toString('hex') });
    const b64 = fingerprinterFromEnv({ PUSHGATE_FINGERPRINT_KEY: KEY.toString('base64url') });
    expect([hex.scheme, hex.keyId, b64.keyId]).toEqual(['keyed-v2', fingerprintKeyId(KEY), fingerprintKeyId(KEY)]);
    for (const bad of ['short', KEY.toString('hex').slice(2), 'z'.repeat(64)]) {
      expect(() => fingerprinterFromEnv({ PUSHGATE_FINGERPRINT_KEY: bad })).toThrow(expect.objectContaining({ code: 'FINGERPRINT_KEY_INVALID' }));
    }
    expect(keyBytesFromText(KEY.toString('base64'))).toEqual(KEY);
  });

  it("derives the service's key from an encryption key: deterministic, and neither key is the other", () => {
    const encryption = Buffer.alloc(32, 0x33);
    const derived = deriveFingerprintKey(encryption);
    expect(derived).toHaveLength(32);
    expect(deriveFingerprintKey(encryption)).toEqual(derived);
    expect(derived.equals(encryption)).toBe(false);
    expect(deriveFingerprintKey(Buffer.alloc(32, 0x34)).equals(derived)).toBe(false);
  });
});

function matchOf(detector: Detector, secret: string): Match {
  return { detector, secret, start: 0, end: secret.length, line: 1, column: 1, confidence: 'high', reason: 'test', context: {} };
}
