import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createEngine } from '../engine/engine.js';
import { ALL_DETECTORS } from '../registry.js';
import { customConfig, expandTemplate, globToRegExp, type CustomConfig } from './custom-detectors.js';

const SAMPLE = resolve(import.meta.dirname, '../../docs/custom-detectors.example.yaml');
const sample = (): Record<string, unknown> => parse(readFileSync(SAMPLE, 'utf8')) as Record<string, unknown>;

/** One detector of the sample, changed. */
function withDetector(change: (d: Record<string, unknown>) => void): unknown {
  const data = sample();
  const first = { ...(data['detectors'] as Array<Record<string, unknown>>)[0]! };
  change(first);
  return { detectors: [first] };
}

function codeOf(data: unknown): string {
  try {
    customConfig(data, ALL_DETECTORS);
  } catch (err) {
    return (err as { code: string }).code;
  }
  return 'accepted';
}

describe('custom detectors', () => {
  it('load the sample config, whose detectors find their positives and none of their negatives through the full engine (conformance)', () => {
    const config: CustomConfig = customConfig(sample(), ALL_DETECTORS);
    expect(config.detectors.map((d) => [d.id, d.tier])).toEqual([
      ['acme-api-key', 'identifiable'],
      ['acme-internal-session', 'legacy'],
    ]);
    // As the conformance test does for built-in detectors: the full engine, every detector at once.
    const engine = createEngine([...ALL_DETECTORS, ...config.detectors]);
    const raw = sample()['detectors'] as Array<{ id: string; examples: { positive: string[]; negative?: string[] } }>;
    for (const d of raw) {
      let n = 0;
      const random = (m: number): number => (n = (n * 1103515245 + 12345) % 2 ** 31) % m;
      for (const p of d.examples.positive) {
        const found = engine.scan(Buffer.from(expandTemplate(p, random, d.id))).map((m) => m.detector.id);
        expect([d.id, p, found.includes(d.id)]).toEqual([d.id, p, true]);
      }
      for (const q of d.examples.negative ?? []) {
        const found = engine.scan(Buffer.from(expandTemplate(q, random, d.id))).map((m) => m.detector.id);
        expect([d.id, q, found.includes(d.id)]).toEqual([d.id, q, false]);
      }
    }
    expect(config.legacyExcluded('test/fixtures/a/b.env')).toBe(true);
    expect(config.legacyExcluded('src/__snapshots__/x.snap')).toBe(true);
    expect(config.legacyExcluded('src/app.ts')).toBe(false);
  });

  it('refuses bad detectors with one code each', () => {
    expect(codeOf(withDetector((d) => (d['pattern'] = 'acme_(?P<secret>[a-z]{3')))).toBe('CUSTOM_PATTERN_INVALID');
    expect(codeOf(withDetector((d) => (d['pattern'] = 'acme_live_[0-9A-Za-z]{36}')))).toBe('CUSTOM_PATTERN_INVALID');
    expect(codeOf(withDetector((d) => (d['keywords'] = ['ac'])))).toBe('CUSTOM_KEYWORD_TOO_SHORT');
    expect(codeOf(withDetector((d) => (d['id'] = 'github-pat-classic')))).toBe('CUSTOM_DETECTOR_ID_TAKEN');
    expect(codeOf(withDetector((d) => (d['tier'] = 'blocking')))).toBe('CUSTOM_DETECTOR_INVALID');
    expect(codeOf(withDetector((d) => (d['colour'] = 'red')))).toBe('CUSTOM_DETECTOR_INVALID');
    expect(codeOf(withDetector((d) => (d['examples'] = { positive: ['ACME_KEY=acme_live_{base62:36}'] })))).toBe('CUSTOM_EXAMPLE_FAILED');
    expect(codeOf(withDetector((d) => (d['examples'] = { positive: ['acme_live_{crc32-base62}'], negative: ['x acme_live_{crc32-base62}'] })))).toBe('CUSTOM_EXAMPLE_FAILED');
    expect(codeOf(withDetector((d) => (d['examples'] = { positive: ['{nope:3}'] })))).toBe('CUSTOM_DETECTOR_INVALID');
    const one = (sample()['detectors'] as unknown[])[0];
    expect(codeOf({ detectors: [one, one] })).toBe('CUSTOM_DETECTOR_DUPLICATE');
    expect(codeOf({ detectors: 'all' })).toBe('CUSTOM_CONFIG_INVALID');
    expect(codeOf({ exclude: { identifiable: { paths: ['**'] } } })).toBe('CUSTOM_CONFIG_INVALID');
    expect(codeOf({ rules: [] })).toBe('CUSTOM_CONFIG_INVALID');
    expect(codeOf(null)).toBe('accepted');
  });

  it('matches path globs as documented', () => {
    expect(['a/test/fixtures/x', 'test/fixtures/x/y.json'].map((p) => globToRegExp('test/fixtures/**').test(p))).toEqual([false, true]);
    expect(['x.snap', 'a/b/x.snap', 'x.snapshot'].map((p) => globToRegExp('*.snap').test(p))).toEqual([true, true, false]);
    expect(['vendor/a.js', 'vendor/a/b.js'].map((p) => globToRegExp('vendor/*.js').test(p))).toEqual([true, false]);
  });
});
