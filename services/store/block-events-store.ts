import type { Redis } from 'ioredis';
import type { BlockEvent } from '../../hooks/block-event.js';
import { decodeCursor, encodeCursor, listIndex, type SortOrder } from './index-page.js';
import { indexMember, memberId, storeKeys, type StoreKeys } from './keys.js';
import { LuaScript } from './lua-script.js';

/**
 * Block events the hooks send (POST /v1/events/push-blocked), kept whole and
 * indexed by time of receipt, repository and pusher. Keyed by the event's own
 * id, so a hook that re-sends an event (its spool survived a crash before it
 * saw our answer) stores it once.
 */
export interface StoredBlockEvent {
  readonly event: BlockEvent;
  readonly receivedAt: string;
  /** Id of the token that delivered it. */
  readonly receivedBy: string;
}

export interface BlockEventQuery {
  readonly repository?: string;
  readonly pusher?: string;
  readonly order?: SortOrder;
  readonly limit?: number;
  readonly cursor?: string;
}

export interface BlockEventPage {
  readonly events: StoredBlockEvent[];
  readonly nextCursor: string | null;
}

/**
 * KEYS: 1 event, 2 all, 3 repository index, 4 pusher index (or '' placeholder key when none).
 * ARGV: 1 JSON, 2 member, 3 has pusher (1/0). Returns 1 when stored, 0 when it was already there.
 */
const RECORD = new LuaScript(`
if redis.call('SET', KEYS[1], ARGV[1], 'NX') == false then return 0 end
redis.call('ZADD', KEYS[2], 0, ARGV[2])
redis.call('ZADD', KEYS[3], 0, ARGV[2])
if ARGV[3] == '1' then redis.call('ZADD', KEYS[4], 0, ARGV[2]) end
return 1
`);

export class BlockEventsStore {
  readonly keys: StoreKeys;
  private readonly redis: Redis;
  private readonly clock: () => Date;

  constructor(options: { redis: Redis; prefix: string; clock?: () => Date }) {
    this.redis = options.redis;
    this.keys = storeKeys(options.prefix);
    this.clock = options.clock ?? (() => new Date());
  }

  /** Stores the event unless one with its id is already stored. */
  async record(event: BlockEvent, receivedBy: string): Promise<{ readonly created: boolean; readonly stored: StoredBlockEvent }> {
    const now = this.clock();
    const stored: StoredBlockEvent = { event, receivedAt: now.toISOString(), receivedBy };
    const k = this.keys;
    const pusher = event.pusher?.name;
    const created =
      (await RECORD.run(
        this.redis,
        [k.blockEvent(event.id), k.blockEventsAll, k.blockEventsByRepository(event.repository), k.blockEventsByPusher(pusher ?? '')],
        [JSON.stringify(stored), indexMember(now.getTime(), event.id), pusher ? '1' : '0'],
      )) === 1;
    if (created) return { created, stored };
    return { created, stored: (await this.get(event.id)) ?? stored };
  }

  async get(id: string): Promise<StoredBlockEvent | null> {
    const json = await this.redis.get(this.keys.blockEvent(id));
    return json ? (JSON.parse(json) as StoredBlockEvent) : null;
  }

  async list(query: BlockEventQuery = {}): Promise<BlockEventPage> {
    const k = this.keys;
    const indexes: string[] = [];
    if (query.repository) indexes.push(k.blockEventsByRepository(query.repository));
    if (query.pusher) indexes.push(k.blockEventsByPusher(query.pusher));
    if (indexes.length === 0) indexes.push(k.blockEventsAll);
    const order = query.order ?? 'desc';
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 500);
    const after = query.cursor ? decodeCursor(query.cursor, 'block-events', order) : '';
    const page = await listIndex(this.redis, indexes, after, order, limit);
    const ids = page.members.map(memberId);
    const values = ids.length > 0 ? await this.redis.mget(...ids.map((id) => k.blockEvent(id))) : [];
    return {
      events: values.filter((v): v is string => v !== null).map((v) => JSON.parse(v) as StoredBlockEvent),
      nextCursor: page.last ? encodeCursor('block-events', order, page.last) : null,
    };
  }

  async count(): Promise<number> {
    return this.redis.zcard(this.keys.blockEventsAll);
  }
}
