import type { CredentialReach } from '../../liveness/types.js';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Confidence, Severity, Tier } from '../../detectors/types.js';
import type { Fingerprinter } from '../../scanner/fingerprint.js';
import type { Excerpt } from '../../scanner/excerpt.js';
import { SecretValue } from '../../scanner/secret-value.js';
import { LOCATION_KINDS, type Encoding, type Finding, type Location, type LocationKind } from '../../scanner/types.js';
import { type KeyRing, open, seal, sealedKeyId } from '../crypto/secret-box.js';
import { decodeCursor, encodeCursor, listIndex, type SortOrder } from './index-page.js';
import { indexMember, memberId, storeKeys, type StoreKeys } from './keys.js';
import { LuaScript } from './lua-script.js';
import { StoreError } from './store-error.js';

/**
 * The findings store: one Redis hash per secret (fingerprint), a hash of its
 * locations, and sorted-set indexes by status, provider, severity,
 * repository and age. Writes are Lua scripts, so each is all-or-nothing and
 * safe to repeat: a rescan or a retried job adds nothing it already added.
 *
 * The secret itself is stored only sealed (AES-256-GCM, bound to the
 * fingerprint, naming its key); no read method returns it except
 * `revealSecret`, which exists for liveness re-checks.
 */
export type FindingStatus = 'open' | 'live' | 'unknown' | 'revoked' | 'closed' | 'resolved';
/**
 * `closed`: the provider said revoked, twice (services/liveness). `resolved`: a
 * person attested an end (a resolution with a reason), allowed only where no
 * provider check exists (services/triage/resolutions.ts). New statuses go at
 * the end: the status samples store counts in this order.
 */
export const FINDING_STATUSES: readonly FindingStatus[] = ['open', 'live', 'unknown', 'revoked', 'closed', 'resolved'];

export type ResolutionKind = 'false-positive' | 'test-credential' | 'revoked-attested' | 'accepted-risk';
export const RESOLUTION_KINDS: readonly ResolutionKind[] = ['false-positive', 'test-credential', 'revoked-attested', 'accepted-risk'];

/** Why a person ended a finding, as stored on it while it is `resolved`. */
export interface FindingResolution {
  readonly kind: ResolutionKind;
  readonly reason: string;
  /** ISO 8601. */
  readonly at: string;
  /** `token:<id>`, ... */
  readonly by: string;
  /** accepted-risk: when the finding reopens by itself (ISO 8601); null otherwise. */
  readonly expiresAt: string | null;
}
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

export interface StoredLocation {
  readonly repository: string;
  /** Which text holds the secret; locations stored before kinds existed read as `blob`. */
  readonly kind: LocationKind;
  readonly commit: string | null;
  /** The file (`blob`) or the path that holds the secret (`path`); null for other kinds. */
  readonly path: string | null;
  /** Within the text of `kind`. */
  readonly line: number;
  readonly column: number;
  readonly author: string | null;
  readonly email: string | null;
  /** Author date of the commit (ISO 8601), when known. */
  readonly date: string | null;
  /** `tag-*`: the annotated tag object and its name; `ref-name`: the ref (for tags, a ref pointing at it, when known). */
  readonly tag?: string;
  readonly tagName?: string;
  readonly ref?: string;
  /** The secret was found decoded from this encoding. */
  readonly encoding?: Encoding;
}

export interface StoredFinding {
  readonly fingerprint: string;
  readonly detector: string;
  readonly family: string;
  readonly provider: string;
  readonly title: string;
  readonly severity: Severity;
  readonly tier: Tier;
  readonly confidence: Confidence;
  readonly reason: string;
  readonly docs: string;
  readonly revoke: string;
  readonly redacted: string;
  readonly companion: { readonly name: string; readonly redacted: string } | null;
  readonly context: Readonly<Record<string, string>>;
  readonly status: FindingStatus;
  /** Set while the status is `resolved`. */
  readonly resolution: FindingResolution | null;
  /** When pushgate first and last recorded it (ISO 8601). */
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly locationCount: number;
  readonly repositories: readonly string[];
  /** What the secret could reach when its provider last said it was live (liveness/reach.ts); null when never told. */
  readonly reach: CredentialReach | null;
}

export interface FindingDetail extends StoredFinding {
  /** Sorted by repository, date, commit (or tag), kind (files first), path (or ref), line; at most `locationLimit`. */
  readonly locations: readonly StoredLocation[];
  readonly locationsTruncated: boolean;
}

export interface FindingQuery {
  readonly status?: FindingStatus;
  readonly provider?: string;
  readonly repository?: string;
  readonly severity?: Severity;
  /** `desc` (default): newest first seen first. */
  readonly order?: SortOrder;
  readonly limit?: number;
  readonly cursor?: string;
}

export interface FindingPage {
  readonly findings: StoredFinding[];
  /** Pass back as `cursor` for the next page; null when there is none. A page may hold fewer than `limit` items and still have a next one. */
  readonly nextCursor: string | null;
}

export interface AddFindingsResult {
  /** Findings that were new to the store. */
  readonly created: number;
  /** Locations that were new to the store (across all findings). */
  readonly locationsAdded: number;
  readonly findings: ReadonlyArray<{ readonly fingerprint: string; readonly created: boolean; readonly locationsAdded: number }>;
  /** Resolved findings seen in a new place (another file, another commit message), reopened to `open`, with the resolution they had. */
  readonly reopened: ReadonlyArray<{ readonly fingerprint: string; readonly resolution: FindingResolution }>;
}

/** What removing a resolution did: applied, or why not. */
export type UnresolveResult =
  | { readonly applied: true; readonly resolution: FindingResolution }
  | { readonly applied: false; readonly status: FindingStatus; readonly resolution: FindingResolution | null }
  | null;

export interface RevealedSecret {
  readonly secret: SecretValue;
  readonly companion?: { readonly name: string; readonly value: SecretValue };
}

/** Liveness bookkeeping kept on a finding (set by services/liveness). */
export interface LivenessFields {
  /** JSON of a FindingOwner, or null. */
  readonly owner: string | null;
  readonly lastCheckedAt: string | null;
  readonly nextCheckAt: string | null;
  readonly unknownStreak: number;
}

export type RecordCheckResult =
  | { readonly applied: true; readonly previous: FindingStatus }
  | { readonly applied: false; readonly current: FindingStatus }
  | null;

/** Checks kept per finding; older ones are dropped (the audit log keeps every verdict). */
export const CHECK_HISTORY_LIMIT = 500;

export interface FindingsStoreOptions {
  readonly redis: Redis;
  readonly prefix: string;
  readonly keyRing: KeyRing;
  readonly clock?: () => Date;
}

/** Locations per script call: bounds one call's run time inside Redis. */
const LOCATION_BATCH = 500;
const MAX_PAGE = 500;
export const DEFAULT_LOCATION_LIMIT = 1000;

/** A writer's tally outlives the jobs it counts for (completed jobs are kept 7 days, failed ones 30). */
const ADD_TALLY_TTL_SECONDS = 31 * 24 * 3600;

/**
 * KEYS: 1 finding, 2 locations, 3 repositories, 4 all, 5 status:open, 6 provider, 7 severity, 8 repository index,
 * 9 status:resolved, 10 resolution expiry, 11 places, 12 (optional) the writer's tally.
 * ARGV: 1 new member, 2 now ms, 3 repository, 4 n field pairs, then the pairs, then location key/json/place triples.
 * Returns {created (0/1), locations added, the resolution a new place ended ('' for none)}: a resolved
 * secret seen in a place it was not seen before (another file, another commit message) is a finding again;
 * the same file in a later commit (a line moved, the file edited) is not a new place.
 */

const UPSERT = new LuaScript(`
local member = redis.call('HGET', KEYS[1], 'member')
local created = 0
local now = tonumber(ARGV[2])
local nfields = tonumber(ARGV[4])
if not member then
  member = ARGV[1]
  local fields = {'member', member, 'status', 'open', 'firstSeen', ARGV[2], 'lastSeen', ARGV[2], 'locationCount', '0'}
  for i = 5, 4 + nfields * 2 do fields[#fields + 1] = ARGV[i] end
  redis.call('HSET', KEYS[1], unpack(fields))
  redis.call('ZADD', KEYS[4], 0, member)
  redis.call('ZADD', KEYS[5], 0, member)
  redis.call('ZADD', KEYS[6], 0, member)
  redis.call('ZADD', KEYS[7], 0, member)
  created = 1
end
local added = 0
local newPlace = 0
for i = 5 + nfields * 2, #ARGV, 3 do
  if redis.call('HSETNX', KEYS[2], ARGV[i], ARGV[i + 1]) == 1 then
    added = added + 1
    newPlace = newPlace + redis.call('SADD', KEYS[11], ARGV[i + 2])
  end
end
local reopened = ''
if added > 0 then
  redis.call('HINCRBY', KEYS[1], 'locationCount', added)
  redis.call('SADD', KEYS[3], ARGV[3])
  redis.call('ZADD', KEYS[8], 0, member)
  if newPlace > 0 and redis.call('HGET', KEYS[1], 'status') == 'resolved' then
    reopened = redis.call('HGET', KEYS[1], 'resolution') or ''
    redis.call('ZREM', KEYS[9], member)
    redis.call('ZADD', KEYS[5], 0, member)
    redis.call('HSET', KEYS[1], 'status', 'open')
    redis.call('HDEL', KEYS[1], 'resolution')
    redis.call('ZREM', KEYS[10], redis.call('HGET', KEYS[1], 'fingerprint'))
  end
end
if now > tonumber(redis.call('HGET', KEYS[1], 'lastSeen')) then
  redis.call('HSET', KEYS[1], 'lastSeen', ARGV[2])
end
if KEYS[12] and (created > 0 or added > 0) then
  redis.call('HINCRBY', KEYS[12], 'created', created)
  redis.call('HINCRBY', KEYS[12], 'locationsAdded', added)
  redis.call('EXPIRE', KEYS[12], ${ADD_TALLY_TTL_SECONDS})
end
return {created, added, reopened}
`);

/**
 * KEYS: 1 finding, 2 resolution expiry, 3.. every status index in FINDING_STATUSES order.
 * ARGV: 1 resolution (JSON), 2 its expiry ms ('' for none), 3 the fingerprint, 4 index (1-based) of `resolved` among KEYS[3..].
 * Returns the previous status, or false when the finding does not exist.
 */
const RESOLVE = new LuaScript(`
local member = redis.call('HGET', KEYS[1], 'member')
if not member then return false end
local previous = redis.call('HGET', KEYS[1], 'status')
for i = 3, #KEYS do redis.call('ZREM', KEYS[i], member) end
redis.call('ZADD', KEYS[2 + tonumber(ARGV[4])], 0, member)
redis.call('HSET', KEYS[1], 'status', 'resolved', 'resolution', ARGV[1])
if ARGV[2] ~= '' then redis.call('ZADD', KEYS[2], tonumber(ARGV[2]), ARGV[3]) else redis.call('ZREM', KEYS[2], ARGV[3]) end
return previous
`);

/**
 * KEYS: 1 finding, 2 resolution expiry, 3 status:resolved, 4 status:open.
 * ARGV: 1 the fingerprint, 2 the resolution (JSON) expected, or '' for any.
 * Returns {1, resolution} when removed (the finding is `open` again), {0, status, resolution} when the
 * finding is not resolved or not with the expected resolution, false when there is no finding.
 */
const UNRESOLVE = new LuaScript(`
local member = redis.call('HGET', KEYS[1], 'member')
if not member then return false end
local status = redis.call('HGET', KEYS[1], 'status')
local resolution = redis.call('HGET', KEYS[1], 'resolution') or ''
if status ~= 'resolved' or (ARGV[2] ~= '' and resolution ~= ARGV[2]) then return {0, status, resolution} end
redis.call('ZREM', KEYS[3], member)
redis.call('ZADD', KEYS[4], 0, member)
redis.call('HSET', KEYS[1], 'status', 'open')
redis.call('HDEL', KEYS[1], 'resolution')
redis.call('ZREM', KEYS[2], ARGV[1])
return {1, resolution}
`);

/**
 * KEYS: 1 finding, 2.. every status index in FINDING_STATUSES order.
 * ARGV: 1 new status, 2 index (1-based) of the new status's key among KEYS[2..].
 * Returns the previous status, or false when the finding does not exist.
 */
const SET_STATUS = new LuaScript(`
local member = redis.call('HGET', KEYS[1], 'member')
if not member then return false end
local previous = redis.call('HGET', KEYS[1], 'status')
for i = 2, #KEYS do redis.call('ZREM', KEYS[i], member) end
redis.call('ZADD', KEYS[1 + tonumber(ARGV[2])], 0, member)
redis.call('HSET', KEYS[1], 'status', ARGV[1])
return previous
`);

/**
 * KEYS: 1 finding, 2 checks list, 3.. every status index in FINDING_STATUSES order.
 * ARGV: 1 expected status, 2 new status, 3 index (1-based) of the new status's key among KEYS[3..],
 * 4 check record (JSON), 5 history length kept, 6.. field/value pairs to set.
 * Returns {1, previous} when applied, {0, current} when the status was not the expected one, false when there is no finding.
 */
const RECORD_CHECK = new LuaScript(`
local member = redis.call('HGET', KEYS[1], 'member')
if not member then return false end
local current = redis.call('HGET', KEYS[1], 'status')
if current ~= ARGV[1] then return {0, current} end
if ARGV[2] ~= current then
  for i = 3, #KEYS do redis.call('ZREM', KEYS[i], member) end
  redis.call('ZADD', KEYS[2 + tonumber(ARGV[3])], 0, member)
  redis.call('HSET', KEYS[1], 'status', ARGV[2])
end
redis.call('LPUSH', KEYS[2], ARGV[4])
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[5]) - 1)
if #ARGV >= 6 then redis.call('HSET', KEYS[1], unpack(ARGV, 6)) end
return {1, current}
`);

/** KEYS: 1 resolution expiry. ARGV: 1 fingerprint, 2 now ms. Removes the entry only if it is due (a new one is not). */
const FORGET_EXPIRY = new LuaScript(`
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if score and tonumber(score) <= tonumber(ARGV[2]) then return redis.call('ZREM', KEYS[1], ARGV[1]) end
return 0
`);

/** KEYS: 1 finding. ARGV: 1 field, 2 expected value, 3 new value. Compare-and-set, for re-sealing under a new key. */
const COMPARE_AND_SET = new LuaScript(`
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
  return 1
end
return 0
`);

/**
 * Moves one finding to a new fingerprint, atomically: its keys are renamed,
 * its members in every index replaced, its sealed values (bound to the
 * fingerprint) replaced by ones sealed for the new one.
 * KEYS: 1..18 old/new pairs (finding, locations, repositories, checks, rerun flag, triage, triage comments, paths, places),
 * 19.. every index the finding may be in.
 * ARGV: 1 new member, 2 secret sealed for the new fingerprint, 3 companion sealed for it or '', 4 excerpt sealed for it or ''.
 * Returns 1 moved, 0 no such finding, -1 the new fingerprint is taken.
 */
const MOVE_FINGERPRINT = new LuaScript(`
local member = redis.call('HGET', KEYS[1], 'member')
if not member then return 0 end
if redis.call('EXISTS', KEYS[2]) == 1 then return -1 end
for i = 1, 17, 2 do
  if redis.call('EXISTS', KEYS[i]) == 1 then redis.call('RENAME', KEYS[i], KEYS[i + 1]) end
end
redis.call('HSET', KEYS[2], 'member', ARGV[1], 'secret', ARGV[2])
if ARGV[3] ~= '' then redis.call('HSET', KEYS[2], 'companionSecret', ARGV[3]) end
if ARGV[4] ~= '' then redis.call('HSET', KEYS[2], 'excerpt', ARGV[4]) end
for i = 19, #KEYS do
  if redis.call('ZREM', KEYS[i], member) == 1 then redis.call('ZADD', KEYS[i], 0, ARGV[1]) end
end
return 1
`);

export interface RekeyResult {
  /** Findings now under a new fingerprint, old to new. */
  readonly moved: ReadonlyArray<{ readonly from: string; readonly to: string }>;
  /** Findings already keyed by the target. */
  readonly unchanged: number;
  /** Findings whose new fingerprint another finding already holds (left as they are, for a person to look at). */
  readonly conflicts: readonly string[];
}

function parseReach(json: string): CredentialReach | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as CredentialReach;
  } catch {
    return null;
  }
}

const SUMMARY_FIELDS = [
  'detector',
  'family',
  'provider',
  'title',
  'severity',
  'tier',
  'confidence',
  'reason',
  'docs',
  'revoke',
  'redacted',
  'companionName',
  'companionRedacted',
  'context',
  'status',
  'resolution',
  'firstSeen',
  'lastSeen',
  'locationCount',
  'reach',
] as const;

export class FindingsStore {
  readonly keys: StoreKeys;
  private readonly redis: Redis;
  private readonly keyRing: KeyRing;
  private readonly clock: () => Date;

  constructor(options: FindingsStoreOptions) {
    this.redis = options.redis;
    this.keys = storeKeys(options.prefix);
    this.keyRing = options.keyRing;
    this.clock = options.clock ?? (() => new Date());
  }

  /**
   * Records findings seen in `repository`. Idempotent: a location already
   * stored (same repository, commit, path, line, column) is not added again,
   * a finding already stored keeps its first-seen time, status and sealed
   * secret. Each call of the underlying script is atomic; a finding with more
   * than 500 locations is written in several calls, each complete in itself,
   * so a crash between them leaves a consistent record that a retry completes.
   */
  /**
   * Stores findings and their locations (idempotent). With `writer`, what is
   * new is also counted under that name in the same script, so a job that ran
   * twice (a crash after storing, a retry) can still say what it added: see addedBy().
   */
  async addFindings(repository: string, findings: readonly Finding[], options: { readonly writer?: string } = {}): Promise<AddFindingsResult> {
    const now = this.clock().getTime();
    const results: Array<{ fingerprint: string; created: boolean; locationsAdded: number }> = [];
    const reopened: Array<{ fingerprint: string; resolution: FindingResolution }> = [];
    for (const finding of findings) {
      const fp = finding.fingerprint;
      const fields = this.recordFields(finding);
      const k = this.keys;
      const scriptKeys = [
        k.finding(fp),
        k.findingLocations(fp),
        k.findingRepositories(fp),
        k.findingsAll,
        k.findingsByStatus('open'),
        k.findingsByProvider(finding.provider),
        k.findingsBySeverity(finding.severity),
        k.findingsByRepository(repository),
        k.findingsByStatus('resolved'),
        k.resolutionExpiry,
        k.findingPlaces(fp),
        ...(options.writer ? [k.addTally(options.writer)] : []),
      ];
      const locationPairs = finding.locations.map((l) => [...locationEntry(repository, l), placeOf(repository, l)]);
      let created = false;
      let added = 0;
      // At least one call even without locations, so the finding itself is recorded.
      for (let i = 0; i === 0 || i < locationPairs.length; i += LOCATION_BATCH) {
        const batch = locationPairs.slice(i, i + LOCATION_BATCH).flat();
        const reply = (await UPSERT.run(this.redis, scriptKeys, [
          indexMember(now, fp),
          now,
          repository,
          fields.length / 2,
          ...fields,
          ...batch,
        ])) as [number, number, string];
        if (reply[0] === 1) created = true;
        added += reply[1];
        const ended = parseResolution(reply[2]);
        if (ended) reopened.push({ fingerprint: fp, resolution: ended });
      }
      results.push({ fingerprint: fp, created, locationsAdded: added });
      // The search index of paths: not part of the atomic write (a retry adds the same members again).
      const paths = [...new Set(finding.locations.map((l) => l.path).filter((p): p is string => typeof p === 'string' && p !== ''))];
      if (paths.length > 0) await this.redis.sadd(k.findingPaths(fp), ...paths);
    }
    return {
      created: results.filter((r) => r.created).length,
      locationsAdded: results.reduce((n, r) => n + r.locationsAdded, 0),
      findings: results,
      reopened,
    };
  }

  /**
   * The paths each finding was seen at, for search. A finding stored before
   * the path index existed has its index filled from its locations the first
   * time it is asked for.
   */
  async pathsOf(findings: ReadonlyArray<Pick<StoredFinding, 'fingerprint' | 'locationCount'>>): Promise<string[][]> {
    if (findings.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const f of findings) pipeline.smembers(this.keys.findingPaths(f.fingerprint));
    const replies = (await pipeline.exec()) ?? [];
    const out: string[][] = [];
    for (const [i, f] of findings.entries()) {
      const [err, members] = replies[i] ?? [];
      if (err) throw err;
      let paths = members as string[];
      if (paths.length === 0 && f.locationCount > 0) {
        paths = [...new Set((await this.redis.hvals(this.keys.findingLocations(f.fingerprint))).map((j) => parseLocation(j).path).filter((p): p is string => !!p))];
        if (paths.length > 0) await this.redis.sadd(this.keys.findingPaths(f.fingerprint), ...paths);
      }
      out.push(paths);
    }
    return out;
  }

  /** What addFindings added under `writer`, over all its calls. */
  async addedBy(writer: string): Promise<{ created: number; locationsAdded: number }> {
    const [created, locationsAdded] = await this.redis.hmget(this.keys.addTally(writer), 'created', 'locationsAdded');
    return { created: Number(created ?? 0), locationsAdded: Number(locationsAdded ?? 0) };
  }

  private recordFields(f: Finding): string[] {
    const fields: Array<[string, string]> = [
      ['fingerprint', f.fingerprint],
      ['detector', f.detector],
      ['family', f.family],
      ['provider', f.provider],
      ['title', f.title],
      ['severity', f.severity],
      ['tier', f.tier],
      ['confidence', f.confidence],
      ['reason', f.reason],
      ['docs', f.docs],
      ['revoke', f.revoke],
      ['redacted', f.secret.redacted],
      ['context', JSON.stringify(f.context)],
      // The one place a secret is revealed on the write path: to be sealed.
      ['secret', seal(this.keyRing, f.secret.reveal(), f.fingerprint)],
    ];
    if (f.excerpt) {
      // Masked already, but lines of code next to a secret are still not for everyone's eyes: sealed like the secret.
      fields.push(['excerpt', seal(this.keyRing, JSON.stringify(f.excerpt), `${f.fingerprint}\0excerpt`)]);
    }
    if (f.companion) {
      fields.push(['companionName', f.companion.name]);
      fields.push(['companionRedacted', f.companion.value.redacted]);
      fields.push(['companionSecret', seal(this.keyRing, f.companion.value.reveal(), `${f.fingerprint}\0companion`)]);
    }
    return fields.flat();
  }

  async get(fingerprint: string, options: { locationLimit?: number } = {}): Promise<FindingDetail | null> {
    const limit = options.locationLimit ?? DEFAULT_LOCATION_LIMIT;
    const [summary] = await this.summaries([fingerprint]);
    if (!summary) return null;
    if (limit <= 0) return { ...summary, locations: [], locationsTruncated: summary.locationCount > 0 };
    const raw = await this.redis.hvals(this.keys.findingLocations(fingerprint));
    const locations = raw.map(parseLocation).sort(compareLocations);
    return { ...summary, locations: locations.slice(0, limit), locationsTruncated: locations.length > limit };
  }

  async list(query: FindingQuery = {}): Promise<FindingPage> {
    const k = this.keys;
    const indexes: string[] = [];
    if (query.status) indexes.push(k.findingsByStatus(query.status));
    if (query.provider) indexes.push(k.findingsByProvider(query.provider));
    if (query.severity) indexes.push(k.findingsBySeverity(query.severity));
    if (query.repository) indexes.push(k.findingsByRepository(query.repository));
    if (indexes.length === 0) indexes.push(k.findingsAll);
    const order = query.order ?? 'desc';
    const limit = Math.min(Math.max(query.limit ?? 50, 1), MAX_PAGE);
    const after = query.cursor ? decodeCursor(query.cursor, 'findings', order) : '';
    const page = await listIndex(this.redis, indexes, after, order, limit);
    const findings = await this.summaries(page.members.map(memberId));
    return {
      findings: findings.filter((f): f is StoredFinding => f !== null),
      nextCursor: page.last ? encodeCursor('findings', order, page.last) : null,
    };
  }

  private async summaries(fingerprints: readonly string[]): Promise<Array<StoredFinding | null>> {
    if (fingerprints.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const fp of fingerprints) {
      pipeline.hmget(this.keys.finding(fp), ...SUMMARY_FIELDS);
      pipeline.smembers(this.keys.findingRepositories(fp));
    }
    const replies = (await pipeline.exec()) ?? [];
    return fingerprints.map((fp, i) => {
      const [err1, values] = replies[i * 2] ?? [];
      const [err2, repositories] = replies[i * 2 + 1] ?? [];
      if (err1 || err2) throw err1 ?? err2;
      const v = values as Array<string | null>;
      if (v[0] === null || v[0] === undefined) return null;
      const get = (name: (typeof SUMMARY_FIELDS)[number]): string => v[SUMMARY_FIELDS.indexOf(name)] ?? '';
      const companionName = v[SUMMARY_FIELDS.indexOf('companionName')];
      return {
        fingerprint: fp,
        detector: get('detector'),
        family: get('family'),
        provider: get('provider'),
        title: get('title'),
        severity: get('severity') as Severity,
        tier: get('tier') as Tier,
        confidence: get('confidence') as Confidence,
        reason: get('reason'),
        docs: get('docs'),
        revoke: get('revoke'),
        redacted: get('redacted'),
        companion: companionName ? { name: companionName, redacted: get('companionRedacted') } : null,
        context: JSON.parse(get('context') || '{}') as Record<string, string>,
        status: get('status') as FindingStatus,
        resolution: parseResolution(get('resolution')),
        firstSeen: new Date(Number(get('firstSeen'))).toISOString(),
        lastSeen: new Date(Number(get('lastSeen'))).toISOString(),
        locationCount: Number(get('locationCount')),
        repositories: (repositories as string[]).sort(),
        reach: parseReach(get('reach')),
      };
    });
  }

  /** Moves a finding to `status` (and between status indexes) atomically. Returns the previous status, or null when there is no such finding. */
  async setStatus(fingerprint: string, status: FindingStatus): Promise<{ previous: FindingStatus } | null> {
    const index = FINDING_STATUSES.indexOf(status);
    if (index < 0) throw new StoreError('STATUS_INVALID', `unknown status ${JSON.stringify(status)}`);
    const keys = [this.keys.finding(fingerprint), ...FINDING_STATUSES.map((s) => this.keys.findingsByStatus(s))];
    const previous = (await SET_STATUS.run(this.redis, keys, [status, index + 1])) as string | null;
    return previous ? { previous: previous as FindingStatus } : null;
  }

  /**
   * Records a liveness check on a finding and moves it to `next`, atomically
   * and only if its status is still `expected` (a concurrent change makes the
   * caller re-read and decide again).
   */
  async recordCheck(
    fingerprint: string,
    expected: FindingStatus,
    next: FindingStatus,
    recordJson: string,
    fields: Readonly<Record<string, string>>,
  ): Promise<RecordCheckResult> {
    const index = FINDING_STATUSES.indexOf(next);
    if (index < 0) throw new StoreError('STATUS_INVALID', `unknown status ${JSON.stringify(next)}`);
    const keys = [this.keys.finding(fingerprint), this.keys.findingChecks(fingerprint), ...FINDING_STATUSES.map((s) => this.keys.findingsByStatus(s))];
    const reply = (await RECORD_CHECK.run(this.redis, keys, [expected, next, index + 1, recordJson, CHECK_HISTORY_LIMIT, ...Object.entries(fields).flat()])) as
      | [number, string]
      | null;
    if (!reply) return null;
    return reply[0] === 1 ? { applied: true, previous: reply[1] as FindingStatus } : { applied: false, current: reply[1] as FindingStatus };
  }

  /**
   * Resolves the finding (status `resolved`, out of the queue) with a person's
   * reason; an accepted risk is also entered for the expiry sweep. Whether a
   * resolution is allowed is the caller's decision (services/triage/resolutions.ts).
   * Returns the previous status, or null when there is no such finding.
   */
  async resolve(fingerprint: string, resolution: FindingResolution): Promise<{ previous: FindingStatus } | null> {
    const keys = [this.keys.finding(fingerprint), this.keys.resolutionExpiry, ...FINDING_STATUSES.map((s) => this.keys.findingsByStatus(s))];
    const expiry = resolution.expiresAt === null ? '' : String(Date.parse(resolution.expiresAt));
    const previous = (await RESOLVE.run(this.redis, keys, [resolutionJson(resolution), expiry, fingerprint, FINDING_STATUSES.indexOf('resolved') + 1])) as string | null;
    return previous ? { previous: previous as FindingStatus } : null;
  }

  /**
   * Removes a finding's resolution (status `open` again), only if it still has
   * `expected` when given (the expiry sweep must not end a resolution someone
   * replaced meanwhile).
   */
  async unresolve(fingerprint: string, expected?: FindingResolution): Promise<UnresolveResult> {
    const k = this.keys;
    const reply = (await UNRESOLVE.run(
      this.redis,
      [k.finding(fingerprint), k.resolutionExpiry, k.findingsByStatus('resolved'), k.findingsByStatus('open')],
      [fingerprint, expected ? resolutionJson(expected) : ''],
    )) as [number, string, string?] | null;
    if (!reply) return null;
    if (reply[0] === 1) return { applied: true, resolution: parseResolution(reply[1])! };
    return { applied: false, status: reply[1] as FindingStatus, resolution: parseResolution(reply[2] ?? '') };
  }

  /** Accepted risks whose expiry is at or before `nowMs`, oldest first (at most `limit`). */
  async expiredResolutions(nowMs: number, limit = 500): Promise<string[]> {
    return this.redis.zrangebyscore(this.keys.resolutionExpiry, '-inf', nowMs, 'LIMIT', 0, limit);
  }

  /** Drops an expiry entry that came due but no resolution holds (true when dropped). */
  async forgetExpiry(fingerprint: string, nowMs: number): Promise<boolean> {
    return (await FORGET_EXPIRY.run(this.redis, [this.keys.resolutionExpiry], [fingerprint, nowMs])) === 1;
  }

  /** Liveness check records (JSON), newest first. */
  async checkRecords(fingerprint: string, limit = CHECK_HISTORY_LIMIT): Promise<string[]> {
    return this.redis.lrange(this.keys.findingChecks(fingerprint), 0, Math.max(0, limit - 1));
  }

  async livenessFields(fingerprint: string): Promise<LivenessFields | null> {
    const [member, owner, lastCheckedAt, nextCheckAt, unknownStreak] = await this.redis.hmget(
      this.keys.finding(fingerprint),
      'member',
      'owner',
      'lastCheckedAt',
      'nextCheckAt',
      'unknownStreak',
    );
    if (!member) return null;
    return { owner: owner ?? null, lastCheckedAt: lastCheckedAt ?? null, nextCheckAt: nextCheckAt || null, unknownStreak: Number(unknownStreak ?? 0) };
  }

  /** Sets liveness bookkeeping fields without a check (e.g. nextCheckAt when a check is queued). */
  async setLivenessFields(fingerprint: string, fields: Readonly<Record<string, string>>): Promise<void> {
    if (Object.keys(fields).length > 0) await this.redis.hset(this.keys.finding(fingerprint), fields);
  }

  /**
   * The lines around the secret as stored with the finding (masked when cut),
   * or null when none was stored (findings stored before excerpts, or found
   * where no text is kept). Callers mask it again before showing it.
   */
  async excerpt(fingerprint: string): Promise<Excerpt | null> {
    const sealed = await this.redis.hget(this.keys.finding(fingerprint), 'excerpt');
    if (!sealed) return null;
    const e = JSON.parse(open(this.keyRing, sealed, `${fingerprint}\0excerpt`)) as Partial<Excerpt>;
    return typeof e.text === 'string' && typeof e.firstLine === 'number' ? { firstLine: e.firstLine, text: e.text } : null;
  }

  /** The secret in clear, for liveness checks only. Never return it from an API or put it in a job payload. */
  async revealSecret(fingerprint: string): Promise<RevealedSecret | null> {
    const [sealed, companionName, companionSealed] = await this.redis.hmget(this.keys.finding(fingerprint), 'secret', 'companionName', 'companionSecret');
    if (!sealed) return null;
    const secret = new SecretValue(open(this.keyRing, sealed, fingerprint));
    if (companionName && companionSealed) {
      return { secret, companion: { name: companionName, value: new SecretValue(open(this.keyRing, companionSealed, `${fingerprint}\0companion`)) } };
    }
    return { secret };
  }

  async countByStatus(): Promise<Record<FindingStatus, number>> {
    const pipeline = this.redis.pipeline();
    for (const s of FINDING_STATUSES) pipeline.zcard(this.keys.findingsByStatus(s));
    const replies = (await pipeline.exec()) ?? [];
    const out = {} as Record<FindingStatus, number>;
    FINDING_STATUSES.forEach((s, i) => {
      const [err, n] = replies[i] ?? [];
      if (err) throw err;
      out[s] = Number(n);
    });
    return out;
  }

  /**
   * Re-seals every secret not sealed with the key ring's current key (after
   * PUSHGATE_ENCRYPTION_KEY rotated). Safe to run while the service writes:
   * each value is replaced only if it did not change meanwhile.
   */
  async resealSecrets(): Promise<{ readonly resealed: number; readonly total: number }> {
    const current = this.keyRing.current.id;
    let resealed = 0;
    let total = 0;
    let after = '';
    for (;;) {
      const members = await this.redis.zrangebylex(this.keys.findingsAll, after ? `(${after}` : '-', '+', 'LIMIT', 0, 500);
      if (members.length === 0) break;
      after = members[members.length - 1]!;
      for (const member of members) {
        const fp = memberId(member);
        const key = this.keys.finding(fp);
        const [sealed, companionSealed, excerptSealed] = await this.redis.hmget(key, 'secret', 'companionSecret', 'excerpt');
        total++;
        let changed = false;
        for (const [field, value, context] of [
          ['secret', sealed, fp],
          ['companionSecret', companionSealed, `${fp}\0companion`],
          ['excerpt', excerptSealed, `${fp}\0excerpt`],
        ] as const) {
          if (!value || sealedKeyId(value) === current) continue;
          const fresh = seal(this.keyRing, open(this.keyRing, value, context), context);
          if ((await COMPARE_AND_SET.run(this.redis, [key], [field, value, fresh])) === 1) changed = true;
        }
        if (changed) resealed++;
      }
    }
    return { resealed, total };
  }

  /**
   * Re-fingerprints every finding with `target` (after an upgrade from unkeyed
   * v1 fingerprints, or to move to another key), from the secret itself:
   * opened, fingerprinted, sealed again for the new fingerprint. Idempotent, so
   * an interrupted run is simply run again. Run it with the service stopped: a
   * process still bound to the old key would store new findings under it.
   */
  async rekeyFingerprints(target: Fingerprinter): Promise<RekeyResult> {
    const k = this.keys;
    const moved: Array<{ from: string; to: string }> = [];
    const conflicts: string[] = [];
    // A moved finding's new member can sort after the cursor and come round again.
    const movedTo = new Set<string>();
    let unchanged = 0;
    let after = '';
    for (;;) {
      const members = await this.redis.zrangebylex(k.findingsAll, after ? `(${after}` : '-', '+', 'LIMIT', 0, 500);
      if (members.length === 0) break;
      after = members[members.length - 1]!;
      for (const member of members) {
        const from = memberId(member);
        if (movedTo.has(from)) continue;
        const [family, provider, severity, sealed, companionSealed, excerptSealed] = await this.redis.hmget(
          k.finding(from),
          'family',
          'provider',
          'severity',
          'secret',
          'companionSecret',
          'excerpt',
        );
        if (!family || !sealed) continue;
        const secret = open(this.keyRing, sealed, from);
        const to = target.of(family, secret);
        if (to === from) {
          unchanged++;
          continue;
        }
        const companion = companionSealed ? seal(this.keyRing, open(this.keyRing, companionSealed, `${from}\0companion`), `${to}\0companion`) : '';
        const excerpt = excerptSealed ? seal(this.keyRing, open(this.keyRing, excerptSealed, `${from}\0excerpt`), `${to}\0excerpt`) : '';
        const repositories = await this.redis.smembers(k.findingRepositories(from));
        const pairs = [k.finding, k.findingLocations, k.findingRepositories, k.findingChecks, k.livenessRerun, k.triage, k.triageComments, k.findingPaths, k.findingPlaces].flatMap((key) => [
          key(from),
          key(to),
        ]);
        const indexes = [
          k.findingsAll,
          ...FINDING_STATUSES.map((s) => k.findingsByStatus(s)),
          ...(provider ? [k.findingsByProvider(provider)] : []),
          ...(severity ? [k.findingsBySeverity(severity)] : []),
          ...repositories.map((r) => k.findingsByRepository(r)),
        ];
        const newMember = `${member.slice(0, member.indexOf(':') + 1)}${to}`;
        const outcome = await MOVE_FINGERPRINT.run(this.redis, [...pairs, ...indexes], [newMember, seal(this.keyRing, secret, to), companion, excerpt]);
        if (outcome === 1) {
          moved.push({ from, to });
          movedTo.add(to);
          // The expiry sweep finds accepted risks by fingerprint.
          const expiry = await this.redis.zscore(k.resolutionExpiry, from);
          if (expiry !== null) await this.redis.multi().zadd(k.resolutionExpiry, expiry, to).zrem(k.resolutionExpiry, from).exec();
        }
        else if (outcome === -1) conflicts.push(from);
      }
    }
    return { moved, unchanged, conflicts };
  }
}

/** One spelling of a resolution (fixed key order), so the store can compare it as a string. */
function resolutionJson(r: FindingResolution): string {
  return JSON.stringify({ kind: r.kind, reason: r.reason, at: r.at, by: r.by, expiresAt: r.expiresAt });
}

/** A stored resolution (JSON), or null for none or one this version cannot read. */
function parseResolution(json: string | null | undefined): FindingResolution | null {
  if (!json) return null;
  try {
    const r = JSON.parse(json) as Partial<FindingResolution>;
    if (typeof r.kind !== 'string' || !RESOLUTION_KINDS.includes(r.kind) || typeof r.reason !== 'string') return null;
    return { kind: r.kind, reason: r.reason, at: String(r.at ?? ''), by: String(r.by ?? ''), expiresAt: typeof r.expiresAt === 'string' ? r.expiresAt : null };
  } catch {
    return null;
  }
}

/**
 * Where a secret stands, for deciding whether a resolved finding is seen
 * somewhere new: a file or a path by repository and path (a later commit of
 * the same file is the same place), any other text by its object.
 */
function placeOf(repository: string, l: Location): string {
  const where = l.kind === 'blob' || l.kind === 'path' ? (l.path ?? '') : l.kind === 'ref-name' ? (l.ref ?? '') : (l.commit ?? l.tag ?? '');
  return `${repository}\0${l.kind === 'path' ? 'blob' : l.kind}\0${where}`;
}

function locationEntry(repository: string, l: Location): [string, string] {
  const stored: StoredLocation = {
    repository,
    kind: l.kind,
    commit: l.commit ?? null,
    path: l.path ?? null,
    line: l.line,
    column: l.column,
    author: l.author ?? null,
    email: l.email ?? null,
    date: l.date ?? null,
    ...(l.tag ? { tag: l.tag } : {}),
    ...(l.tagName ? { tagName: l.tagName } : {}),
    ...(l.ref ? { ref: l.ref } : {}),
    ...(l.encoding ? { encoding: l.encoding } : {}),
  };
  return [locationId(stored), JSON.stringify(stored)];
}

/**
 * The key that makes adding a location idempotent. A file keeps the key it
 * had before location kinds existed, so rescanning a repository adds none of
 * its stored locations again; other kinds are keyed by their object (commit,
 * tag object or ref name) and position. A ref pointing at a tag does not
 * count: the tag object is the place.
 */
function locationId(l: StoredLocation): string {
  const key =
    l.kind === 'blob'
      ? `${l.repository}\0${l.commit ?? ''}\0${l.path ?? ''}\0${l.line}\0${l.column}`
      : `${l.repository}\0${l.kind}\0${l.commit ?? ''}\0${l.tag ?? ''}\0${l.kind === 'ref-name' ? (l.ref ?? '') : ''}\0${l.path ?? ''}\0${l.line}\0${l.column}`;
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

function parseLocation(json: string): StoredLocation {
  const l = JSON.parse(json) as Omit<StoredLocation, 'kind'> & { kind?: LocationKind };
  return { ...l, kind: l.kind ?? 'blob' };
}

function compareLocations(a: StoredLocation, b: StoredLocation): number {
  return (
    cmp(a.repository, b.repository) ||
    cmp(a.date ?? '', b.date ?? '') ||
    cmp(a.commit ?? a.tag ?? '', b.commit ?? b.tag ?? '') ||
    LOCATION_KINDS.indexOf(a.kind) - LOCATION_KINDS.indexOf(b.kind) ||
    cmp(a.path ?? a.ref ?? '', b.path ?? b.ref ?? '') ||
    a.line - b.line ||
    a.column - b.column
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
