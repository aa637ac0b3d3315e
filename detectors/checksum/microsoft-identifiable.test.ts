import { describe, expect, it } from 'vitest';
import { asciiSeed } from './marvin32.js';
import {
  buildIdentifiableKey,
  identifiableKeyKind,
  signatureOffset,
  type IdentifiableKeyShape,
} from './microsoft-identifiable.js';
import type { IdentifiableKeySpec } from '../builders/microsoft-identifiable-key.js';
import { spec as storage } from '../azure-storage-account-key/detector.js';
import { spec as cosmos } from '../azure-cosmos-db-key/detector.js';
import { spec as batch } from '../azure-batch-key/detector.js';
import { spec as mlClassic } from '../azure-ml-classic-key/detector.js';
import { spec as apim } from '../azure-apim-key/detector.js';
import { spec as serviceBus } from '../azure-service-bus-key/detector.js';
import { spec as eventHubs } from '../azure-event-hubs-key/detector.js';
import { spec as relay } from '../azure-relay-key/detector.js';
import { spec as iot } from '../azure-iot-key/detector.js';
import { spec as eventGrid } from '../azure-event-grid-key/detector.js';
import { spec as functions } from '../azure-functions-key/detector.js';
import { spec as searchQuery } from '../azure-search-query-key/detector.js';
import { spec as acr } from '../azure-container-registry-key/detector.js';
import { spec as redis } from '../azure-cache-for-redis-key/detector.js';
import { TokenFactory } from '../../test/support/token-factory.js';

/**
 * Fixed example keys published by microsoft/security-utilities: a repeated
 * character for the random part, then the signature and the checksum that
 * Microsoft's generator computed. Stored as (fill, signature, tail) and joined
 * at test time, so this file holds no key-shaped text.
 *  - rust: src/security_utilities_rust/src/microsoft_security_utilities_core/identifiable_scans.rs (his_v1_scan_bytes)
 *  - dotnet: src/Tests.Microsoft.Security.Utilities.Core/SecretMaskerTests.cs
 *    (SecretMasker_PlaceholderTestSecretsAreMasked; the .NET masker validates their checksums)
 */
interface PublishedKey {
  readonly source: 'rust' | 'dotnet';
  readonly fill: string;
  readonly spec: IdentifiableKeySpec;
  readonly tail: string;
  /** The seed name Microsoft's generator used (which sub-kind the key is). */
  readonly seed: string;
}
const PUBLISHED: readonly PublishedKey[] = [
  { source: 'rust', fill: 'a', spec: relay, tail: 'D7h+qo=', seed: 'Send0000' },
  { source: 'rust', fill: 'a', spec: eventHubs, tail: 'G2s/8w=', seed: 'Send0000' },
  { source: 'rust', fill: 'a', spec: serviceBus, tail: 'HpHeAI=', seed: 'Send0000' },
  { source: 'rust', fill: 'a', spec: iot, tail: 'Oumzco=', seed: 'IoTHub00' },
  { source: 'rust', fill: 'b', spec: eventGrid, tail: 'LiQbng=', seed: 'Default0' },
  { source: 'rust', fill: 'a', spec: searchQuery, tail: 'CjhzCu', seed: 'Query000' },
  { source: 'rust', fill: 'd', spec: acr, tail: 'CUDxQE', seed: 'ACRDflt0' },
  { source: 'dotnet', fill: 'e', spec: acr, tail: 'CTB7t/', seed: 'ACRDflt0' },
  { source: 'dotnet', fill: 'd', spec: functions, tail: '182vhA==', seed: 'System00' },
  { source: 'rust', fill: 'a', spec: storage, tail: '5mnCaw==', seed: 'Default0' },
  { source: 'rust', fill: 'a', spec: cosmos, tail: 'OpqrYA==', seed: 'Encryp00' },
  { source: 'rust', fill: 'a', spec: batch, tail: '13FZVQ==', seed: 'AbAcct00' },
  { source: 'rust', fill: 'a', spec: mlClassic, tail: 'FNqWyA==', seed: 'Classic0' },
  { source: 'rust', fill: 'a', spec: apim, tail: 'HbKhsQ==', seed: 'Tenant00' },
];

function publishedKey(p: PublishedKey): string {
  return p.fill.repeat(signatureOffset(p.spec.shape)) + p.spec.shape.signature + p.tail;
}

/** The random bytes Microsoft's example generator starts from: the fill character repeated over the whole encoded length. */
function fillBytes(fill: string, shape: IdentifiableKeyShape): Uint8Array {
  const encodedLength = 4 * Math.ceil(shape.bytes / 3);
  return Uint8Array.from(Buffer.from(fill.repeat(encodedLength), 'base64')).subarray(0, shape.bytes);
}

describe('identifiable keys (HIS v1)', () => {
  it('accepts every published example key under the seed Microsoft used', () => {
    const wrong = PUBLISHED.filter((p) => {
      const kind = identifiableKeyKind(publishedKey(p), p.spec.shape, p.spec.seeds);
      return kind?.seed !== asciiSeed(p.seed);
    }).map((p) => `${p.spec.shape.signature}/${p.tail}`);
    expect(wrong).toEqual([]);
  });

  it('rebuilds every published example key from its fill bytes (signature alignment and checksum placement)', () => {
    for (const p of PUBLISHED) {
      expect(buildIdentifiableKey(fillBytes(p.fill, p.spec.shape), p.spec.shape, asciiSeed(p.seed))).toBe(publishedKey(p));
    }
  });

  it('rejects a published key with any one checksum character changed', () => {
    for (const p of PUBLISHED) {
      const key = publishedKey(p);
      const start = signatureOffset(p.spec.shape) + 4;
      for (let at = start; at < start + 6; at++) {
        const changed = key.slice(0, at) + (key[at] === 'Q' ? 'R' : 'Q') + key.slice(at + 1);
        // Unused low bits of the last character may absorb the change; the decoded bytes must differ for it to count.
        if (Buffer.from(changed, 'base64').equals(Buffer.from(key, 'base64'))) continue;
        expect(identifiableKeyKind(changed, p.spec.shape, p.spec.seeds)).toBeNull();
      }
    }
  });

  it('rejects a valid key without its signature in place, in the wrong alphabet, or of the wrong length', () => {
    const key = publishedKey(PUBLISHED[9]!); // storage
    const { shape, seeds } = storage;
    expect(identifiableKeyKind(key.replace('+ASt', '+ASu'), shape, seeds)).toBeNull();
    expect(identifiableKeyKind(key.replace(/\+/g, '-'), shape, seeds)).toBeNull();
    expect(identifiableKeyKind(key.slice(4), shape, seeds)).toBeNull();
    // Padding is optional: percent-encoded URLs drop it.
    expect(identifiableKeyKind(key.replace(/=+$/, ''), shape, seeds)).not.toBeNull();
  });

  it('round-trips random keys of every shape and seed, and only under the right seed', () => {
    const t = new TokenFactory('his-v1');
    for (const spec of [storage, cosmos, serviceBus, functions, searchQuery, acr, apim, iot, redis]) {
      for (const s of spec.seeds) {
        const key = buildIdentifiableKey(t.bytes(spec.shape.bytes), spec.shape, s.seed);
        expect(key.slice(signatureOffset(spec.shape), signatureOffset(spec.shape) + 4)).toBe(spec.shape.signature);
        expect(identifiableKeyKind(key, spec.shape, spec.seeds)).toBe(s);
        expect(identifiableKeyKind(key, spec.shape, [{ seed: asciiSeed('Foreign0'), kind: 'x' }])).toBeNull();
      }
    }
  });
});
