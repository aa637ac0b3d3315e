import { describe, expect, it } from 'vitest';
import { useTestRedis } from '../../test/support/redis.js';
import { DeliveryGuard, PENDING_CLAIM_SECONDS } from './delivery-guard.js';

const redis = useTestRedis();

describe('DeliveryGuard', () => {
  it('claims a delivery once: pending for a minute, then done for the TTL; a released claim can be taken again', async () => {
    const client = redis.client();
    const guard = new DeliveryGuard({ redis: client, prefix: redis.prefix(), ttlSeconds: 3600 });
    const results = await Promise.all(Array.from({ length: 10 }, () => guard.claim('d-1')));
    expect(results.filter(Boolean)).toHaveLength(1);
    // A process that died before confirming holds the claim for at most the pending minute.
    const pendingTtl = await client.ttl(guard.key('d-1'));
    expect(pendingTtl).toBeGreaterThan(0);
    expect(pendingTtl).toBeLessThanOrEqual(PENDING_CLAIM_SECONDS);
    await guard.confirm('d-1');
    expect(await client.ttl(guard.key('d-1'))).toBeGreaterThan(3500);
    expect(await guard.claim('d-1')).toBe(false);
    await guard.release('d-1');
    expect(await guard.claim('d-1')).toBe(true);
    expect(await guard.claim('d-2')).toBe(true);
  });
});
