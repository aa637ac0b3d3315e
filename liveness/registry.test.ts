import { describe, expect, it } from 'vitest';
import { ALL_DETECTORS } from '../detectors/registry.js';
import { checkById, checkForDetector, LIVENESS_CHECKS } from './registry.js';

const CHECKED_LEGACY_DETECTORS = new Set(['azure-storage-connection-string', 'azure-cosmosdb-connection-string']);

describe('liveness registry', () => {
  it('has at least 60 provider checks with unique ids, each claiming real identifiable detectors (or a legacy one that carries what its check needs)', () => {
    expect(LIVENESS_CHECKS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(LIVENESS_CHECKS.map((c) => c.id)).size).toBe(LIVENESS_CHECKS.length);
    const byId = new Map(ALL_DETECTORS.map((d) => [d.id, d]));
    for (const check of LIVENESS_CHECKS) {
      expect(check.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(checkById(check.id)).toBe(check);
      for (const detector of check.detectors) {
        // Legacy detectors get a check only where their structure names what the check needs (the Azure account in a connection string).
        expect(byId.get(detector)?.tier === 'identifiable' || CHECKED_LEGACY_DETECTORS.has(detector), `${check.id} claims ${detector}`).toBe(true);
        expect(checkForDetector(detector)).toBe(check);
      }
      expect(check.rateLimit.max).toBeGreaterThan(0);
    }
  });
});

describe('the README liveness table', () => {
  it('lists every check by id', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const check of LIVENESS_CHECKS) {
      const row = readme.split('\n').find((l) => l.startsWith(`| \`${check.id}\` |`));
      expect(row, check.id).toBeDefined();
    }
  });
});
