import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Engine } from '../../detectors/engine/engine.js';
import { SecretValue } from '../../scanner/secret-value.js';
import type { ServiceConfig } from '../config/config.js';
import { KeyRing } from '../crypto/secret-box.js';
import { LuaScript } from '../store/lua-script.js';
import type { AuditLog } from './audit-log.js';
import { canonicalJson, type JsonValue } from './canonical-json.js';

/**
 * Config changes in the audit log: at start-up a process summarises its
 * config without secrets (secret settings appear as `[secret]`, the
 * encryption keys by their public key ids, a Redis password is dropped, and
 * any string the detectors flag is withheld too), hashes the summary, and
 * appends `config.loaded` when the hash differs from the last one recorded
 * for this kind of process in this deployment, naming the settings that
 * changed. Changing only the
 * value of a secret setting is therefore not visible here (the admin token
 * and key rotations are audited on their own).
 */
export type ConfigSummary = { readonly [key: string]: JsonValue };

/** KEYS: 1 last-config hash. ARGV: 1 new hash, 2 new summary. Returns false when unchanged, else {old hash, old summary}. */
const SWAP = new LuaScript(`
local old = redis.call('HGET', KEYS[1], 'hash')
if old == ARGV[1] then return false end
local summary = redis.call('HGET', KEYS[1], 'summary')
redis.call('HSET', KEYS[1], 'hash', ARGV[1], 'summary', ARGV[2])
return {old or '', summary or ''}
`);

export function configSummary(config: ServiceConfig, engine?: Engine): ConfigSummary {
  return summarize(config, '', engine) as ConfigSummary;
}

function summarize(value: unknown, path: string, engine: Engine | undefined): JsonValue {
  if (value instanceof SecretValue) return '[secret]';
  if (value instanceof KeyRing) return { current: value.current.id, all: value.ids };
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
      if (path === 'redisUrl') return withoutPassword(value);
      return engine && engine.scan(Buffer.from(value, 'utf8')).length > 0 ? '[secret]' : value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'boolean':
      return value;
    case 'object': {
      if (Array.isArray(value)) return value.map((v, i) => summarize(v, `${path}[${i}]`, engine));
      if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return `[${value.constructor?.name ?? 'object'}]`;
      const out: Record<string, JsonValue> = {};
      for (const [k, v] of Object.entries(value)) if (typeof v !== 'function') out[k] = summarize(v, path ? `${path}.${k}` : k, engine);
      return out;
    }
    default:
      return null;
  }
}

function withoutPassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '';
    return u.toString();
  } catch {
    return '[unparsable]';
  }
}

/** Dotted paths whose values differ between two summaries. */
export function changedSettings(before: JsonValue | undefined, after: JsonValue, path = ''): string[] {
  const isObject = (v: JsonValue | undefined): v is { readonly [key: string]: JsonValue | undefined } => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => changedSettings(before[k], after[k] ?? null, path ? `${path}.${k}` : k));
  }
  return canonicalJson(before ?? null) === canonicalJson(after) ? [] : [path || '(all)'];
}

export interface ConfigAuditDeps {
  readonly config: ServiceConfig;
  readonly redis: Redis;
  readonly audit: AuditLog;
  readonly engine?: Engine;
  /** Which kind of process loaded it (`api`, `worker`). */
  readonly process: string;
}

/** Appends `config.loaded` when this config differs from the last one recorded; returns whether it did. */
export async function recordConfigLoaded(deps: ConfigAuditDeps): Promise<{ readonly changed: boolean; readonly hash: string }> {
  const summary = configSummary(deps.config, deps.engine);
  const text = canonicalJson(summary);
  const hash = createHash('sha256').update(text).digest('hex');
  // One record per kind of process: the API and the workers may well be configured differently.
  const key = `${deps.config.redisPrefix}config:last:${deps.process}`;
  const swapped = (await SWAP.run(deps.redis, [key], [hash, text])) as [string, string] | null;
  if (!swapped) return { changed: false, hash };
  const [previousHash, previousText] = swapped;
  let previous: JsonValue | undefined;
  try {
    previous = previousText ? (JSON.parse(previousText) as JsonValue) : undefined;
  } catch {
    previous = undefined;
  }
  await deps.audit.append({
    action: 'config.loaded',
    actor: { kind: 'system', id: deps.process },
    target: { type: 'config', id: deps.process },
    data: { hash, previous: previousHash || null, changed: previous === undefined ? ['(first record)'] : changedSettings(previous, summary), config: summary },
  });
  return { changed: true, hash };
}
