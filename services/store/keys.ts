/**
 * Every Redis key pushgate's store, auth and audit write, in one place. All
 * start with the configured prefix (PUSHGATE_REDIS_PREFIX, `pushgate:` by
 * default). Index sets are sorted sets whose members all have score 0 and
 * read `<first seen, 15-digit ms>:<id>`, so ZRANGEBYLEX pages through them in
 * time order with an exact cursor even when many entries share a millisecond.
 */
export interface StoreKeys {
  readonly prefix: string;
  finding(fingerprint: string): string;
  findingLocations(fingerprint: string): string;
  findingRepositories(fingerprint: string): string;
  /** The paths a finding was seen at (files and path locations), for the console's search. */
  findingPaths(fingerprint: string): string;
  /** The places (repository and file, or other object) a finding was seen at: a new one reopens a resolved finding. */
  findingPlaces(fingerprint: string): string;
  /** Liveness checks of a finding, newest first (JSON records). */
  findingChecks(fingerprint: string): string;
  /** A reusable verdict for one credential (hash of check id and secret parts), kept briefly. */
  livenessCache(credentialHash: string): string;
  /** Set when a check was requested while one was running: run again right after it. */
  livenessRerun(fingerprint: string): string;
  /** Held while a finding's secret is being revoked (one revocation at a time). */
  revocationLock(fingerprint: string): string;
  /** Held while one credential is being checked. */
  livenessLock(credentialHash: string): string;
  /** Assignee and notes of a finding (services/triage). */
  triage(fingerprint: string): string;
  triageComments(fingerprint: string): string;
  /** Which fingerprint key the findings are keyed by (services/store/fingerprint-binding.ts). */
  readonly fingerprintBinding: string;
  readonly findingsAll: string;
  findingsByStatus(status: string): string;
  findingsByProvider(provider: string): string;
  findingsBySeverity(severity: string): string;
  findingsByRepository(repository: string): string;
  /** Fingerprints of accepted risks, scored by when they expire (ms): the expiry sweep reopens them. */
  readonly resolutionExpiry: string;
  /** What one writer (a scan job, across its attempts) added: hash of `created`, `locationsAdded`. */
  addTally(writer: string): string;
  blockEvent(id: string): string;
  readonly blockEventsAll: string;
  blockEventsByRepository(repository: string): string;
  blockEventsByPusher(pusher: string): string;
  /** Token metadata by SHA-256 of the token. */
  tokenByHash(hash: string): string;
  /** Token id -> SHA-256 of the token (listing, revocation by id). */
  readonly tokens: string;
  /** Which token hash the PUSHGATE_ADMIN_TOKEN bootstrap installed. */
  readonly tokenBootstrap: string;
  readonly auditStream: string;
  readonly auditHead: string;
}

export function storeKeys(prefix: string): StoreKeys {
  return {
    prefix,
    finding: (fp) => `${prefix}finding:${fp}`,
    findingLocations: (fp) => `${prefix}finding:${fp}:locations`,
    findingRepositories: (fp) => `${prefix}finding:${fp}:repositories`,
    findingPaths: (fp) => `${prefix}finding:${fp}:paths`,
    findingPlaces: (fp) => `${prefix}finding:${fp}:places`,
    findingChecks: (fp) => `${prefix}finding:${fp}:checks`,
    livenessCache: (h) => `${prefix}liveness:cache:${h}`,
    livenessLock: (h) => `${prefix}liveness:lock:${h}`,
    livenessRerun: (fp) => `${prefix}liveness:rerun:${fp}`,
    revocationLock: (fp) => `${prefix}revocation:lock:${fp}`,
    triage: (fp) => `${prefix}triage:${fp}`,
    triageComments: (fp) => `${prefix}triage:${fp}:comments`,
    fingerprintBinding: `${prefix}fingerprints`,
    findingsAll: `${prefix}findings:all`,
    findingsByStatus: (s) => `${prefix}findings:status:${s}`,
    findingsByProvider: (p) => `${prefix}findings:provider:${p.toLowerCase()}`,
    findingsBySeverity: (s) => `${prefix}findings:severity:${s}`,
    findingsByRepository: (r) => `${prefix}findings:repository:${r}`,
    resolutionExpiry: `${prefix}findings:resolution-expiry`,
    addTally: (w) => `${prefix}add-tally:${w}`,
    blockEvent: (id) => `${prefix}block-event:${id}`,
    blockEventsAll: `${prefix}block-events:all`,
    blockEventsByRepository: (r) => `${prefix}block-events:repository:${r}`,
    blockEventsByPusher: (p) => `${prefix}block-events:pusher:${p}`,
    tokenByHash: (h) => `${prefix}token:${h}`,
    tokens: `${prefix}tokens`,
    tokenBootstrap: `${prefix}tokens:bootstrap`,
    auditStream: `${prefix}audit`,
    auditHead: `${prefix}audit:head`,
  };
}

/** `<ms, 15 digits>:<id>`: sorts by time, then id, as plain bytes. */
export function indexMember(timeMs: number, id: string): string {
  return `${String(Math.max(0, Math.floor(timeMs))).padStart(15, '0')}:${id}`;
}

export function memberId(member: string): string {
  return member.slice(member.indexOf(':') + 1);
}
