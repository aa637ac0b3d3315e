import { describe, expect, it } from 'vitest';
import { glsaChecksum } from './checksum.js';

describe('glsaChecksum', () => {
  it("matches Grafana's own test vector", () => {
    // From grafana/grafana pkg/components/satokengen/tokengen_test.go (TestApiKeyValidation),
    // stored in parts so this file holds no complete token.
    const prefix = ['gl', 'sa_'].join('');
    const secret = 'iNValIdinValiDinvalidinvalidinva';
    expect(glsaChecksum(prefix + secret)).toBe('5b582697');
  });
});
