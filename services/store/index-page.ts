import type { Redis } from 'ioredis';
import { LuaScript } from './lua-script.js';
import { StoreError } from './store-error.js';

/**
 * Cursor pagination over index sets (see keys.ts): walks the smallest of the
 * given indexes in lexical (= time) order from just after the cursor and keeps
 * members present in all the others. One script call examines at most
 * `budget` members, so a rare filter combination returns a short (even empty)
 * page with a cursor rather than blocking Redis.
 */
export type SortOrder = 'asc' | 'desc';

/**
 * KEYS: the indexes. ARGV: 1 member to start after ('' = from the start), 2 'asc'|'desc', 3 limit, 4 budget.
 * Returns {members, last examined member or '' when the index is exhausted}.
 */
const LIST = new LuaScript(`
local primary = 1
local smallest = redis.call('ZCARD', KEYS[1])
for i = 2, #KEYS do
  local n = redis.call('ZCARD', KEYS[i])
  if n < smallest then primary = i; smallest = n end
end
local last = ARGV[1]
local desc = ARGV[2] == 'desc'
local limit = tonumber(ARGV[3])
local budget = tonumber(ARGV[4])
local out = {}
local examined = 0
local batch = 200
while true do
  local items
  if desc then
    items = redis.call('ZREVRANGEBYLEX', KEYS[primary], last == '' and '+' or ('(' .. last), '-', 'LIMIT', 0, batch)
  else
    items = redis.call('ZRANGEBYLEX', KEYS[primary], last == '' and '-' or ('(' .. last), '+', 'LIMIT', 0, batch)
  end
  for j = 1, #items do
    local m = items[j]
    examined = examined + 1
    last = m
    local keep = true
    for i = 1, #KEYS do
      if i ~= primary and not redis.call('ZSCORE', KEYS[i], m) then keep = false; break end
    end
    if keep then out[#out + 1] = m end
    if #out >= limit or examined >= budget then
      -- More may follow: hand back a cursor unless this was the very last member.
      if j == #items and #items < batch then return {out, ''} end
      return {out, last}
    end
  end
  if #items < batch then return {out, ''} end
end
`);

export interface IndexPage {
  readonly members: string[];
  /** The member to continue after, or null at the end. */
  readonly last: string | null;
}

const BUDGET = 5000;

export async function listIndex(redis: Redis, indexes: readonly string[], after: string, order: SortOrder, limit: number): Promise<IndexPage> {
  const [members, last] = (await LIST.run(redis, indexes, [after, order, limit, BUDGET])) as [string[], string];
  return { members, last: last === '' ? null : last };
}

interface CursorBody {
  readonly k: string;
  readonly o: SortOrder;
  readonly a: string;
}

/** Opaque to clients: base64url JSON naming the listing, the order and the member to continue after. */
export function encodeCursor(kind: string, order: SortOrder, after: string): string {
  const body: CursorBody = { k: kind, o: order, a: after };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, kind: string, order: SortOrder): string {
  let body: Partial<CursorBody>;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorBody>;
  } catch {
    throw new StoreError('CURSOR_INVALID', 'cursor is not one this API returned');
  }
  if (body === null || typeof body !== 'object' || body.k !== kind || typeof body.a !== 'string' || !/^\d{15}:/.test(body.a)) {
    throw new StoreError('CURSOR_INVALID', 'cursor is not one this API returned');
  }
  if (body.o !== order) throw new StoreError('CURSOR_INVALID', `cursor was issued for order=${String(body.o)}; pass the same order`);
  return body.a;
}
