import { DEFAULT_CHECKPOINT_EVERY } from '../audit/audit-file.js';

/**
 * Every environment variable a pushgate process reads: the one list. The
 * parsers (config.ts, liveness-config.ts, and the CLI, hook and build code
 * that reads its own few) validate the values; this schema says what each
 * is for, its default, whether it is a secret and who reads it. The
 * unknown-`PUSHGATE_*` warning, `pushgate serve --help` and `pushgate worker
 * --help` are derived from it, and settings.test.ts fails when the sources
 * read a `PUSHGATE_*`, `REDIS_URL` or `GITHUB_*` variable it does not list.
 *
 * Not listed: git's own variables (GIT_DIR, GIT_PUSH_OPTION_*, GIT_QUARANTINE_PATH,
 * which git sets for hooks) and the system's (PATH, HOME, USER).
 */
export type SettingReader = 'serve' | 'worker' | 'cli' | 'hook' | 'build';

export interface Setting {
  readonly name: string;
  /** One line: what it does. */
  readonly description: string;
  /** Its value when unset, as text; `required`, or `unset` when leaving it unset turns the feature off. */
  readonly default: string;
  /** The value must never be printed or logged (services hold it as SecretValue). */
  readonly secret: boolean;
  /** The processes it changes: `serve` and `worker`, `cli` (scan, token, audit, store), `hook`, `build` (npm install). */
  readonly readBy: readonly SettingReader[];
  /** Set by the git host or web server for the hook (who pushed, to which repository), not by the operator. */
  readonly setBy?: 'git-host';
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Defaults of the service settings (config.ts applies them). */
export const DEFAULTS = {
  host: '127.0.0.1',
  port: 8080,
  redisPrefix: 'pushgate:',
  githubApiUrl: 'https://api.github.com',
  workerConcurrency: 4,
  logLevel: 'info',
  scanBodyLimit: 1024 * 1024,
} as const;

/** Defaults of the liveness settings (liveness-config.ts applies them), in milliseconds. */
export const LIVENESS_DEFAULTS = {
  timeoutMs: 10_000,
  concurrency: 8,
  recheckLiveMs: 6 * 3_600_000,
  recheckUnknownMs: 15 * 60_000,
  recheckUnknownMaxMs: 24 * 3_600_000,
  confirmRevokedMs: 3_600_000,
  cacheMs: 60_000,
} as const;

/** The pre-receive hook's time budget when PUSHGATE_HOOK_TIMEOUT_MS is unset (hooks/pre-receive.ts DEFAULT_TIME_BUDGET_MS; a test keeps them equal). */
const HOOK_TIMEOUT_MS = 4000;

const SERVICE = ['serve', 'worker'] as const;
const STORE = ['serve', 'worker', 'cli'] as const;

function setting(name: string, readBy: readonly SettingReader[], defaultText: string, description: string, options: { secret?: boolean; setBy?: 'git-host' } = {}): Setting {
  return { name, description, default: defaultText, secret: options.secret ?? false, readBy, ...(options.setBy ? { setBy: options.setBy } : {}) };
}

const secret = { secret: true };

export const SETTINGS: readonly Setting[] = [
  // The store
  setting('REDIS_URL', STORE, 'required', 'Redis to use: redis://[user:password@]host:port[/db], or rediss:// for TLS; every API and worker process uses the same one', secret),
  setting('PUSHGATE_REDIS_PREFIX', STORE, DEFAULTS.redisPrefix, 'prefix of every Redis key pushgate writes, so one Redis can hold several deployments'),
  setting('PUSHGATE_ENCRYPTION_KEY', STORE, 'required', 'seals finding secrets at rest: 32 random bytes as 64 hex digits or base64 (openssl rand -base64 32)', secret),
  setting('PUSHGATE_ENCRYPTION_KEYS_PREVIOUS', STORE, 'unset', 'older encryption keys, comma-separated, still accepted for opening (rotation; then `pushgate store reseal`)', secret),
  setting('PUSHGATE_FINGERPRINT_KEY', [...STORE, 'hook'], 'unset', 'key of the HMAC fingerprints (32 bytes, hex or base64); unset: derived from the encryption key in the service, unkeyed in the CLI and hooks', secret),
  // The API
  setting('PUSHGATE_HOST', ['serve'], DEFAULTS.host, 'address the API listens on (0.0.0.0 in a container)'),
  setting('PUSHGATE_PORT', ['serve'], String(DEFAULTS.port), 'port the API listens on (0: any free port)'),
  setting('PUSHGATE_ADMIN_TOKEN', ['serve'], 'unset', 'installs an admin API token at start-up (at least 32 characters); unset: `pushgate token create --role admin`', secret),
  setting('PUSHGATE_TRUST_PROXY', ['serve'], 'false', 'proxies allowed to set X-Forwarded-For: their number (1 to 16) or their addresses and CIDR ranges, comma-separated'),
  setting('PUSHGATE_METRICS_TOKEN', ['serve'], 'unset', 'bearer token /metrics then requires (at least 32 characters); it then also shows finding counts', secret),
  setting('PUSHGATE_SCAN_BODY_LIMIT', ['serve'], sizeText(DEFAULTS.scanBodyLimit), 'largest body POST /v1/scan accepts: bytes or with a unit (512k, 4m), at most 256m'),
  setting('GITHUB_WEBHOOK_SECRET', ['serve'], 'unset', 'secret of GitHub webhook deliveries; set: POST /webhooks/github receives them', secret),
  setting('GITHUB_WEBHOOK_SECRET_PREVIOUS', ['serve'], 'unset', 'the previous webhook secret, still accepted while it is rotated on GitHub', secret),
  // The workers
  setting('PUSHGATE_WORKER_CONCURRENCY', ['worker'], String(DEFAULTS.workerConcurrency), 'scan jobs each queue runs at once in one worker process (1 to 1000)'),
  setting('PUSHGATE_WORK_DIR', ['worker'], '<tmp>/pushgate-work', 'where a worker keeps bare mirrors of the repositories it scans (one per machine, never shared)'),
  setting('PUSHGATE_REPOSITORY_ALLOW', SERVICE, 'unset', 'what scans may fetch beyond public https and ssh hosts: path prefixes, URL prefixes or host names, comma-separated'),
  setting('GIT_SSH_COMMAND', ['worker'], 'ssh -o BatchMode=yes', 'ssh command git clones ssh repositories with (e.g. to choose a key); pushgate adds the address it checked'),
  setting('GITHUB_APP_ID', ['worker'], 'unset', 'numeric id of the GitHub App that reports push scans as commit statuses (with GITHUB_APP_PRIVATE_KEY)'),
  setting('GITHUB_APP_PRIVATE_KEY', ['worker'], 'unset', "the GitHub App's private key: PEM text (\\n escapes allowed) or a path to a PEM file", secret),
  setting('GITHUB_API_URL', ['worker'], DEFAULTS.githubApiUrl, 'GitHub REST API base (GitHub Enterprise Server: https://HOST/api/v3)'),
  // Liveness checks
  setting('PUSHGATE_LIVENESS', SERVICE, 'on', 'off: no liveness checks (findings then stay open)'),
  setting('PUSHGATE_LIVENESS_BASE_URLS', ['worker', 'cli'], 'unset', 'provider API base URLs instead of the public ones, id=url pairs, comma-separated (only these may be private addresses)'),
  setting('PUSHGATE_LIVENESS_TIMEOUT', ['worker', 'cli'], durationText(LIVENESS_DEFAULTS.timeoutMs), 'longest a provider call may take (durations: 500ms, 30s, 15m, 6h, 1d)'),
  setting('PUSHGATE_LIVENESS_CONCURRENCY', ['worker'], String(LIVENESS_DEFAULTS.concurrency), "checks each provider's queue runs at once in one worker process (1 to 256)"),
  setting('PUSHGATE_LIVENESS_RECHECK_LIVE', ['worker'], durationText(LIVENESS_DEFAULTS.recheckLiveMs), 'how often a live finding is checked again'),
  setting('PUSHGATE_LIVENESS_RECHECK_UNKNOWN', ['worker'], durationText(LIVENESS_DEFAULTS.recheckUnknownMs), 'first re-check after an unknown verdict; doubles with each unknown in a row'),
  setting('PUSHGATE_LIVENESS_RECHECK_UNKNOWN_MAX', ['worker'], durationText(LIVENESS_DEFAULTS.recheckUnknownMaxMs), 'longest wait between re-checks of an unknown finding'),
  setting('PUSHGATE_LIVENESS_CONFIRM_REVOKED', ['worker'], durationText(LIVENESS_DEFAULTS.confirmRevokedMs), 'a finding closes on a second revoked verdict this long after the first'),
  setting('PUSHGATE_LIVENESS_CACHE', ['worker'], durationText(LIVENESS_DEFAULTS.cacheMs), 'how long a verdict is reused for the same credential (0: no cache)'),
  setting('PUSHGATE_LIVENESS_WEBHOOK_URLS', SERVICE, 'unset', 'URLs, comma-separated, that get a signed POST for every liveness status change'),
  setting('PUSHGATE_LIVENESS_WEBHOOK_SECRET', ['worker'], 'unset', 'HMAC key of those POSTs (X-Pushgate-Signature-256), at least 16 characters; required with the URLs', secret),
  // Audit log
  setting('PUSHGATE_AUDIT_FILE', STORE, 'unset', "absolute path of this process's append-only JSON Lines copy of the audit log"),
  setting('PUSHGATE_AUDIT_SIGNING_KEY', STORE, 'unset', 'Ed25519 private key (PEM text or a path) that signs checkpoints in PUSHGATE_AUDIT_FILE', secret),
  setting('PUSHGATE_AUDIT_CHECKPOINT_EVERY', STORE, String(DEFAULT_CHECKPOINT_EVERY), 'a signed checkpoint after every this many audit entries'),
  // Every process
  setting('PUSHGATE_LOG_LEVEL', SERVICE, DEFAULTS.logLevel, `log level of the JSON log lines on stdout: ${LOG_LEVELS.join(', ')}`),
  setting('PUSHGATE_DEBUG', [...SERVICE, 'cli', 'hook'], 'unset', '1: errors print their stack trace (as --debug does)'),
  setting('PUSHGATE_NATIVE', [...SERVICE, 'cli', 'hook'], 'unset', '0: the JavaScript keyword prefilter instead of the native addon'),
  setting('PUSHGATE_CONFIG', [...SERVICE, 'cli', 'hook'], 'unset', 'custom-detector config file (YAML or JSON): custom detectors and legacy-tier path exclusions; for scan, --config overrides it'),
  setting('PUSHGATE_ENGINE_THREADS', ['cli'], '1 with 3 cores or more, else 0', 'engine threads of `scan --history` (0: scan on the main thread; at most 256)'),
  // The hooks
  setting('PUSHGATE_SERVER', ['hook'], 'unset', 'pushgate service URL the hooks send block events to (spooled, sent in the background)'),
  setting('PUSHGATE_TOKEN', ['hook'], 'unset', 'API token (role ingest) the hooks send block events with', secret),
  setting('PUSHGATE_STATE_DIR', ['hook'], '<git dir>/pushgate', "the hook's local event log and spool of undelivered events"),
  setting('PUSHGATE_HOOK_TIMEOUT_MS', ['hook'], String(HOOK_TIMEOUT_MS), 'time budget of the pre-receive hook in milliseconds (capped at 600000); a push it cannot scan in time is rejected'),
  setting('GITHUB_USER_LOGIN', ['hook'], 'unset', 'the pusher, in block events (GitHub Enterprise Server)', { setBy: 'git-host' }),
  setting('GITHUB_REPO_NAME', ['hook'], 'unset', 'the repository, in block events (GitHub Enterprise Server)', { setBy: 'git-host' }),
  setting('GL_USERNAME', ['hook'], 'unset', 'the pusher, in block events (GitLab)', { setBy: 'git-host' }),
  setting('GL_PROJECT_PATH', ['hook'], 'unset', 'the repository, in block events (GitLab)', { setBy: 'git-host' }),
  setting('GITEA_PUSHER_NAME', ['hook'], 'unset', 'the pusher, in block events (Gitea, Forgejo)', { setBy: 'git-host' }),
  setting('GITEA_REPO_USER_NAME', ['hook'], 'unset', "the repository's owner, in block events (Gitea, Forgejo)", { setBy: 'git-host' }),
  setting('GITEA_REPO_NAME', ['hook'], 'unset', 'the repository, in block events (Gitea, Forgejo)', { setBy: 'git-host' }),
  setting('REMOTE_USER', ['hook'], 'unset', 'the pusher, in block events, when git is served over HTTP by a web server', { setBy: 'git-host' }),
  // Building
  setting('PUSHGATE_REQUIRE_NATIVE', ['build'], 'unset', '1: npm install fails when the native prefilter cannot be built (CI, benchmarks)'),
];

/** The settings a process reads, in schema order. */
export function settingsFor(reader: SettingReader): readonly Setting[] {
  return SETTINGS.filter((s) => s.readBy.includes(reader));
}

/** Every PUSHGATE_* variable some part of pushgate reads; loadConfig warns about others (probably typos). */
export const KNOWN_PUSHGATE_VARIABLES: ReadonlySet<string> = new Set(SETTINGS.map((s) => s.name).filter((n) => n.startsWith('PUSHGATE_')));

/** The liveness settings (liveness-config.ts parses them). */
export const LIVENESS_VARIABLES: readonly string[] = SETTINGS.map((s) => s.name).filter((n) => n === 'PUSHGATE_LIVENESS' || n.startsWith('PUSHGATE_LIVENESS_'));

/** `1m` for 1048576: the largest binary unit parseSizeText reads back exactly. */
function sizeText(bytes: number): string {
  if (bytes % 1024 ** 2 === 0) return `${bytes / 1024 ** 2}m`;
  if (bytes % 1024 === 0) return `${bytes / 1024}k`;
  return String(bytes);
}

/** `6h` for 21600000: the largest unit parseDuration (liveness/duration.ts) reads back exactly. */
function durationText(ms: number): string {
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) {
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}
