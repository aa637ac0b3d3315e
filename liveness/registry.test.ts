import { describe, expect, it } from 'vitest';
import { ALL_DETECTORS } from '../detectors/registry.js';
import { checkById, checkForDetector, LIVENESS_CHECKS } from './registry.js';

describe('liveness registry', () => {
  it('has at least 15 provider checks with unique ids, each claiming only real identifiable detectors', () => {
    expect(LIVENESS_CHECKS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(LIVENESS_CHECKS.map((c) => c.id)).size).toBe(LIVENESS_CHECKS.length);
    const byId = new Map(ALL_DETECTORS.map((d) => [d.id, d]));
    for (const check of LIVENESS_CHECKS) {
      expect(check.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(checkById(check.id)).toBe(check);
      for (const detector of check.detectors) {
        expect(byId.get(detector)?.tier, `${check.id} claims ${detector}`).toBe('identifiable');
        expect(checkForDetector(detector)).toBe(check);
      }
      expect(check.rateLimit.max).toBeGreaterThan(0);
    }
  });
});
