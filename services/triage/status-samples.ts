import type { Redis } from 'ioredis';
import { FINDING_STATUSES, type FindingsStore, type FindingStatus } from '../store/findings-store.js';
import { LuaScript } from '../store/lua-script.js';

/**
 * A time series of how many findings are in each status, for the console's
 * chart. A sample is the count of every status index, taken inside Redis in
 * one script (so it is consistent), and kept in a sorted set scored by the
 * minute it was taken in: at most one sample per minute, the latest one of
 * the minute wins. Samples older than RETENTION_DAYS are dropped.
 *
 * Call `recordStatusSample` whenever findings change status (liveness
 * verdicts) and when the queue is shown; it is cheap (a few ZCARDs).
 */
export interface StatusSample {
  /** Milliseconds since the epoch, when the sample was taken. */
  readonly at: number;
  readonly counts: Readonly<Record<FindingStatus, number>>;
}

export const RETENTION_DAYS = 90;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * KEYS: 1 samples, 2.. status indexes in FINDING_STATUSES order. ARGV: 1 now ms, 2 minute bucket ms, 3 oldest kept ms.
 * Returns the counts, in KEYS order.
 */
const RECORD = new LuaScript(`
local counts = {}
for i = 2, #KEYS do counts[#counts + 1] = redis.call('ZCARD', KEYS[i]) end
local bucket = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], bucket, bucket)
redis.call('ZADD', KEYS[1], bucket, ARGV[1] .. ':' .. table.concat(counts, ','))
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[3])
return counts
`);

export interface StatusSampleDeps {
  readonly redis: Redis;
  readonly findings: FindingsStore;
  readonly clock?: () => Date;
}

function samplesKey(findings: FindingsStore): string {
  return `${findings.keys.prefix}findings:status-samples`;
}

export async function recordStatusSample(deps: StatusSampleDeps): Promise<StatusSample> {
  const now = (deps.clock ?? (() => new Date()))().getTime();
  const keys = [samplesKey(deps.findings), ...FINDING_STATUSES.map((s) => deps.findings.keys.findingsByStatus(s))];
  const counts = (await RECORD.run(deps.redis, keys, [now, Math.floor(now / MINUTE) * MINUTE, now - RETENTION_DAYS * DAY])) as number[];
  return { at: now, counts: countsOf(counts) };
}

/** Samples taken from `sinceMs` on, oldest first. */
export async function readStatusSamples(deps: StatusSampleDeps, sinceMs: number): Promise<StatusSample[]> {
  const members = await deps.redis.zrangebyscore(samplesKey(deps.findings), Math.floor(sinceMs / MINUTE) * MINUTE, '+inf');
  const out: StatusSample[] = [];
  for (const m of members) {
    const [at, list] = m.split(':');
    const counts = (list ?? '').split(',').map(Number);
    // Samples taken before a status existed have fewer counts: the missing ones were zero.
    if (counts.length > 0 && counts.length <= FINDING_STATUSES.length && counts.every(Number.isFinite)) out.push({ at: Number(at), counts: countsOf(counts) });
  }
  return out;
}

function countsOf(values: readonly number[]): Record<FindingStatus, number> {
  const out = {} as Record<FindingStatus, number>;
  FINDING_STATUSES.forEach((s, i) => (out[s] = Number(values[i] ?? 0)));
  return out;
}
