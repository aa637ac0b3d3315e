import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { BlockEvent } from '../../hooks/block-event.js';
import { useTestRedis } from '../../test/support/redis.js';
import { BlockEventsStore } from './block-events-store.js';

const redis = useTestRedis();

function event(repository: string, pusher: string | null): BlockEvent {
  return {
    id: randomUUID(),
    time: new Date().toISOString(),
    hook: 'pre-receive',
    repository,
    pusher: pusher ? { name: pusher, source: 'GL_USERNAME' } : null,
    refs: [{ ref: 'refs/heads/main', oldOid: '1'.repeat(40), newOid: '2'.repeat(40) }],
    reason: 'secrets',
    findings: [],
  };
}

describe('block events store', () => {
  it('stores each event once and lists by repository and pusher', async () => {
    let now = Date.UTC(2024, 5, 1);
    const s = new BlockEventsStore({ redis: redis.client(), prefix: redis.prefix(), clock: () => new Date((now += 1000)) });
    const e1 = event('acme/a', 'ada');
    const e2 = event('acme/b', 'ada');
    const e3 = event('acme/a', 'bob');
    const e4 = event('acme/a', null);
    for (const e of [e1, e2, e3, e4]) expect((await s.record(e, 'tok_x')).created).toBe(true);
    const again = await s.record(e1, 'tok_y');
    expect(again.created).toBe(false);
    expect(again.stored.receivedBy).toBe('tok_x');
    expect(await s.count()).toBe(4);
    const ids = async (q: Parameters<BlockEventsStore['list']>[0]): Promise<string[]> => (await s.list(q)).events.map((e) => e.event.id);
    expect(await ids({})).toEqual([e4.id, e3.id, e2.id, e1.id]);
    expect(await ids({ repository: 'acme/a' })).toEqual([e4.id, e3.id, e1.id]);
    expect(await ids({ pusher: 'ada' })).toEqual([e2.id, e1.id]);
    expect(await ids({ pusher: 'ada', repository: 'acme/a' })).toEqual([e1.id]);
    const page1 = await s.list({ limit: 3, order: 'asc' });
    expect(page1.events.map((e) => e.event.id)).toEqual([e1.id, e2.id, e3.id]);
    const page2 = await s.list({ limit: 3, order: 'asc', cursor: page1.nextCursor! });
    expect(page2).toMatchObject({ nextCursor: null });
    expect(page2.events.map((e) => e.event.id)).toEqual([e4.id]);
    expect((await s.get(e3.id))!.event).toEqual(e3);
  });
});
