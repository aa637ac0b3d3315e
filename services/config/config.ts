import type { CustomConfig } from '../../detectors/custom/custom-detectors.js';
import { readCustomDetectors } from './custom-detectors-config.js';
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { SecretValue } from '../../scanner/secret-value.js';
import { keyBytesFromText, keyedFingerprinter, type Fingerprinter } from '../../scanner/fingerprint.js';
import { KeyRing, parseKey } from '../crypto/secret-box.js';
import { ConfigError, type ConfigProblem } from './config-error.js';
import { parseLivenessConfig, type LivenessConfig } from './liveness-config.js';
import { DEFAULTS, KNOWN_PUSHGATE_VARIABLES, LOG_LEVELS, type LogLevel } from './settings.js';
import { DEFAULT_CHECKPOINT_EVERY } from '../audit/audit-file.js';
import { parseAllowList, REPOSITORY_ALLOW_VARIABLE, type AllowRule } from '../queue/repository-policy.js';

/**
 * The service's configuration, parsed from the environment once at start-up.
 * Every problem is collected and reported together (ConfigError,
 * `CONFIG_INVALID`), so an operator fixes the whole file in one go. Values
 * that are secrets are held as SecretValue or inside KeyRing, so a config
 * object that reaches a log line shows none of them.
 *
 * Every variable, with its default and description, is in settings.ts (the
 * one list: `pushgate serve --help` and `pushgate worker --help` print it).
 */
export { DEFAULTS, LOG_LEVELS, type LogLevel } from './settings.js';

export interface RedisConfig {
  readonly redisUrl: string;
  /** Prefix of every key pushgate writes, so one Redis can hold several deployments (and tests). */
  readonly redisPrefix: string;
}

export interface GithubConfig {
  /** Webhook secrets to accept, current first (GITHUB_WEBHOOK_SECRET, then GITHUB_WEBHOOK_SECRET_PREVIOUS). */
  readonly webhookSecrets: readonly SecretValue[];
  readonly appId: string | undefined;
  /** PEM text of the App's private key (read from the file when the variable named a path). */
  readonly appPrivateKey: SecretValue | undefined;
  /** REST API base URL without a trailing slash. */
  readonly apiUrl: string;
}

export interface ServiceConfig extends RedisConfig {
  readonly host: string;
  readonly port: number;
  /** Seals finding secrets: the current key first, older keys still accepted for opening. */
  readonly keyRing: KeyRing;
  /** PUSHGATE_FINGERPRINT_KEY's fingerprints; unset: keys derived from the encryption keys (services/store/fingerprint-binding.ts). */
  readonly fingerprintKey: Fingerprinter | undefined;
  /** PUSHGATE_ADMIN_TOKEN: bootstraps the first admin token. */
  readonly adminToken: SecretValue | undefined;
  readonly github: GithubConfig;
  readonly liveness: LivenessConfig;
  readonly workerConcurrency: number;
  readonly logLevel: LogLevel;
  /** Largest request body POST /v1/scan accepts, in bytes. */
  readonly scanBodyLimit: number;
  /**
   * PUSHGATE_TRUST_PROXY: which peers may set X-Forwarded-For (fastify's trustProxy): a hop count or
   * proxy addresses and CIDR ranges. false: the peer address is the client (the login throttle keys on it).
   */
  readonly trustProxy: false | number | readonly string[];
  /** PUSHGATE_METRICS_TOKEN: when set, /metrics needs it as a bearer token and shows finding counts too. */
  readonly metricsToken: SecretValue | undefined;
  /** The audit log's copy outside Redis (services/audit/audit-file.ts). */
  readonly audit: AuditConfig;
  /** PUSHGATE_REPOSITORY_ALLOW: what scans may fetch beyond public https and ssh hosts (services/queue/repository-policy.ts). */
  /** PUSHGATE_CONFIG: custom detectors (in the engine beside the built-in ones) and legacy-tier path exclusions. */
  readonly custom: CustomConfig;
  readonly repositoryAllow: readonly AllowRule[];
  /** PUSHGATE_* variables that no part of pushgate reads (probably typos), for a start-up warning. */
  readonly unknownVariables: readonly string[];
}

export interface AuditConfig {
  /** PUSHGATE_AUDIT_FILE: append-only JSON Lines copy of every audit entry. */
  readonly file: string | undefined;
  /** PUSHGATE_AUDIT_SIGNING_KEY: Ed25519 private key (PEM) that signs checkpoints in the file. */
  readonly signingKey: SecretValue | undefined;
  /** PUSHGATE_AUDIT_CHECKPOINT_EVERY: a signed checkpoint after every this many entries. */
  readonly checkpointEvery: number;
}

export interface ConfigNeeds {
  /** Require GITHUB_WEBHOOK_SECRET (the webhook receiver). */
  readonly githubWebhook?: boolean;
  /** Require GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY (posting statuses back to GitHub). */
  readonly githubApp?: boolean;
}

/** Bearer tokens are looked up by SHA-256 (services/auth): only a long random token makes that safe. */
export const MIN_ADMIN_TOKEN_LENGTH = 32;
const MAX_SCAN_BODY_LIMIT = 256 * 1024 * 1024;

class Collector {
  readonly problems: ConfigProblem[] = [];
  constructor(readonly env: NodeJS.ProcessEnv) {}

  /** The trimmed value, or undefined when unset or blank. */
  get(name: string): string | undefined {
    const v = this.env[name];
    if (v === undefined) return undefined;
    const t = v.trim();
    return t === '' ? undefined : t;
  }

  problem(variable: string, message: string): void {
    this.problems.push({ variable, message });
  }
}

/** The Redis settings alone, for commands that only talk to the store (token, audit). */
export function loadRedisConfig(env: NodeJS.ProcessEnv = process.env): RedisConfig {
  const c = new Collector(env);
  const redis = parseRedis(c);
  if (c.problems.length > 0) throw new ConfigError(c.problems);
  return redis;
}

/** The audit file settings alone, for CLI commands that append audit entries (token, store). */
export function loadAuditConfig(env: NodeJS.ProcessEnv = process.env): AuditConfig {
  const c = new Collector(env);
  const audit = parseAudit(c);
  if (c.problems.length > 0) throw new ConfigError(c.problems);
  return audit;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, needs: ConfigNeeds = {}): ServiceConfig {
  const c = new Collector(env);
  const redis = parseRedis(c);
  const host = c.get('PUSHGATE_HOST') ?? DEFAULTS.host;
  const port = parseInteger(c, 'PUSHGATE_PORT', DEFAULTS.port, 0, 65535);
  const keyRing = parseKeyRing(c);
  const fingerprintKey = parseFingerprintKey(c);
  const adminToken = parseAdminToken(c);
  const github = parseGithub(c, needs);
  const liveness = parseLivenessConfig((name) => c.get(name), (variable, message) => c.problem(variable, message));
  const workerConcurrency = parseInteger(c, 'PUSHGATE_WORKER_CONCURRENCY', DEFAULTS.workerConcurrency, 1, 1000);
  const logLevel = parseLogLevel(c);
  const scanBodyLimit = parseSize(c, 'PUSHGATE_SCAN_BODY_LIMIT', DEFAULTS.scanBodyLimit, MAX_SCAN_BODY_LIMIT);
  const trustProxy = parseTrustProxy(c);
  const audit = parseAudit(c);
  const metricsToken = parseLongToken(c, 'PUSHGATE_METRICS_TOKEN');
  const custom = readCustomDetectors(c.get('PUSHGATE_CONFIG'), (message) => c.problem('PUSHGATE_CONFIG', message));
  const allow = parseAllowList(c.get(REPOSITORY_ALLOW_VARIABLE));
  for (const problem of allow.problems) c.problem(REPOSITORY_ALLOW_VARIABLE, `${problem} (entries are absolute path prefixes, URL prefixes or host names)`);
  if (c.problems.length > 0 || !keyRing) throw new ConfigError(c.problems);
  const unknownVariables = Object.keys(env)
    .filter((k) => k.startsWith('PUSHGATE_') && !KNOWN_PUSHGATE_VARIABLES.has(k))
    .sort();
  return { ...redis, host, port, keyRing, fingerprintKey, adminToken, github, liveness, workerConcurrency, logLevel, scanBodyLimit, trustProxy, metricsToken, audit, repositoryAllow: allow.rules, custom, unknownVariables };
}

function parseRedis(c: Collector): RedisConfig {
  const url = c.get('REDIS_URL');
  let redisUrl = '';
  if (!url) c.problem('REDIS_URL', 'required (e.g. redis://127.0.0.1:6379)');
  else {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      c.problem('REDIS_URL', 'not a URL (expected redis://host:port or rediss://host:port)');
    }
    if (parsed && parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') c.problem('REDIS_URL', `scheme must be redis: or rediss:, not ${parsed.protocol}`);
    redisUrl = url;
  }
  const redisPrefix = c.env['PUSHGATE_REDIS_PREFIX'] ?? DEFAULTS.redisPrefix;
  if (!/^[\x21-\x7e]{1,64}$/.test(redisPrefix)) c.problem('PUSHGATE_REDIS_PREFIX', 'must be 1 to 64 printable characters without spaces');
  return { redisUrl, redisPrefix };
}

function parseInteger(c: Collector, name: string, fallback: number, min: number, max: number): number {
  const v = c.get(name);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
    c.problem(name, `must be a whole number from ${min} to ${max}`);
    return fallback;
  }
  return Number(v);
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2 };

/** Bytes, or with a binary unit: `512k`, `4mb`, `2MiB`. */
export function parseSizeText(text: string): number | undefined {
  const m = /^(\d+)\s*([a-z]*)$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = SIZE_UNITS[m[2]!.toLowerCase()];
  return unit === undefined ? undefined : Number(m[1]) * unit;
}

function parseSize(c: Collector, name: string, fallback: number, max: number): number {
  const v = c.get(name);
  if (v === undefined) return fallback;
  const n = parseSizeText(v);
  if (n === undefined || n < 1 || n > max) {
    c.problem(name, `must be a size from 1 byte to ${max / 1024 / 1024} MiB (e.g. 1048576, 512k, 4m)`);
    return fallback;
  }
  return n;
}

function parseKeyRing(c: Collector): KeyRing | undefined {
  const current = c.get('PUSHGATE_ENCRYPTION_KEY');
  const previous = c.get('PUSHGATE_ENCRYPTION_KEYS_PREVIOUS');
  const keys: Buffer[] = [];
  let ok = true;
  if (!current) {
    c.problem('PUSHGATE_ENCRYPTION_KEY', 'required: 32 random bytes as 64 hex digits or base64 (e.g. `openssl rand -base64 32`)');
    ok = false;
  } else {
    try {
      keys.push(parseKey(current));
    } catch {
      c.problem('PUSHGATE_ENCRYPTION_KEY', 'must be 32 bytes written as 64 hex digits or base64');
      ok = false;
    }
  }
  if (previous) {
    for (const [i, part] of previous.split(',').entries()) {
      try {
        keys.push(parseKey(part));
      } catch {
        c.problem('PUSHGATE_ENCRYPTION_KEYS_PREVIOUS', `key ${i + 1} of the list must be 32 bytes written as 64 hex digits or base64`);
        ok = false;
      }
    }
  }
  return ok ? new KeyRing(keys) : undefined;
}

function parseFingerprintKey(c: Collector): Fingerprinter | undefined {
  const v = c.get('PUSHGATE_FINGERPRINT_KEY');
  if (v === undefined) return undefined;
  const key = keyBytesFromText(v);
  if (!key) {
    c.problem('PUSHGATE_FINGERPRINT_KEY', 'must be 32 bytes written as 64 hex digits or base64 (e.g. `openssl rand -base64 32`)');
    return undefined;
  }
  return keyedFingerprinter(key);
}

function parseAdminToken(c: Collector): SecretValue | undefined {
  return parseLongToken(c, 'PUSHGATE_ADMIN_TOKEN');
}

function parseLongToken(c: Collector, name: string): SecretValue | undefined {
  const v = c.get(name);
  if (v === undefined) return undefined;
  if (v.length < MIN_ADMIN_TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(v)) {
    c.problem(name, `must be at least ${MIN_ADMIN_TOKEN_LENGTH} printable characters without spaces (e.g. \`openssl rand -hex 32\`)`);
    return undefined;
  }
  return new SecretValue(v);
}

/** Names proxy-addr (fastify's trustProxy) knows for address ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function parseTrustProxy(c: Collector): false | number | readonly string[] {
  const v = c.get('PUSHGATE_TRUST_PROXY');
  if (v === undefined || v === 'false' || v === 'off') return false;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops >= 1 && hops <= 16) return hops;
  }
  const entries = v.split(',').map((e) => e.trim()).filter((e) => e !== '');
  const bad = entries.filter((e) => !PROXY_RANGE_NAMES.has(e) && !isAddressOrRange(e));
  if (v === 'true' || entries.length === 0 || bad.length > 0) {
    c.problem(
      'PUSHGATE_TRUST_PROXY',
      'must be the number of proxies in front (1 to 16) or the proxies\' addresses and CIDR ranges, comma-separated (loopback, linklocal and uniquelocal name ranges); trusting every sender would let any client choose its own address',
    );
    return false;
  }
  return entries;
}

function isAddressOrRange(text: string): boolean {
  const [address, bits, extra] = text.split('/');
  if (extra !== undefined || !address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

function parseLogLevel(c: Collector): LogLevel {
  const v = c.get('PUSHGATE_LOG_LEVEL');
  if (v === undefined) return DEFAULTS.logLevel;
  const level = v.toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(level)) {
    c.problem('PUSHGATE_LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
    return DEFAULTS.logLevel;
  }
  return level;
}

function parseGithub(c: Collector, needs: ConfigNeeds): GithubConfig {
  const secret = c.get('GITHUB_WEBHOOK_SECRET');
  const previous = c.get('GITHUB_WEBHOOK_SECRET_PREVIOUS');
  const webhookSecrets: SecretValue[] = [];
  if (secret) webhookSecrets.push(new SecretValue(secret));
  else if (needs.githubWebhook) c.problem('GITHUB_WEBHOOK_SECRET', 'required to receive GitHub webhooks');
  if (previous) {
    if (!secret) c.problem('GITHUB_WEBHOOK_SECRET_PREVIOUS', 'set without GITHUB_WEBHOOK_SECRET (the previous secret only makes sense beside a current one)');
    else webhookSecrets.push(new SecretValue(previous));
  }

  const appId = c.get('GITHUB_APP_ID');
  if (appId !== undefined && !/^[1-9]\d{0,19}$/.test(appId)) c.problem('GITHUB_APP_ID', 'must be the numeric App ID');
  const keyText = c.get('GITHUB_APP_PRIVATE_KEY');
  let appPrivateKey: SecretValue | undefined;
  if (keyText !== undefined) appPrivateKey = parsePrivateKey(c, keyText);
  if (needs.githubApp || appId !== undefined || keyText !== undefined) {
    if (appId === undefined) c.problem('GITHUB_APP_ID', needs.githubApp ? 'required' : 'required when GITHUB_APP_PRIVATE_KEY is set');
    if (keyText === undefined) c.problem('GITHUB_APP_PRIVATE_KEY', needs.githubApp ? 'required (PEM text or a path to a PEM file)' : 'required when GITHUB_APP_ID is set');
  }

  let apiUrl: string = DEFAULTS.githubApiUrl;
  const api = c.get('GITHUB_API_URL');
  if (api !== undefined) {
    try {
      const u = new URL(api);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('scheme');
      apiUrl = api.replace(/\/+$/, '');
    } catch {
      c.problem('GITHUB_API_URL', 'must be an http(s) URL (e.g. https://github.example.com/api/v3)');
    }
  }
  return { webhookSecrets, appId, appPrivateKey, apiUrl };
}

/** PEM text (literal `\n` escapes allowed, as env files often hold it) or a path to a PEM file. */
function parsePrivateKey(c: Collector, text: string, variable = 'GITHUB_APP_PRIVATE_KEY'): SecretValue | undefined {
  let pem: string;
  if (text.includes('-----BEGIN')) pem = text.replace(/\\n/g, '\n');
  else {
    try {
      pem = readFileSync(text, 'utf8');
    } catch {
      c.problem(variable, 'is neither PEM text nor a readable file path');
      return undefined;
    }
  }
  try {
    createPrivateKey(pem);
  } catch {
    c.problem(variable, 'is not a valid PEM private key');
    return undefined;
  }
  return new SecretValue(pem);
}

function parseAudit(c: Collector): AuditConfig {
  const file = c.get('PUSHGATE_AUDIT_FILE');
  const keyText = c.get('PUSHGATE_AUDIT_SIGNING_KEY');
  let signingKey: SecretValue | undefined;
  if (keyText !== undefined) {
    signingKey = parsePrivateKey(c, keyText, 'PUSHGATE_AUDIT_SIGNING_KEY');
    if (signingKey && createPrivateKey(signingKey.reveal()).asymmetricKeyType !== 'ed25519') {
      c.problem('PUSHGATE_AUDIT_SIGNING_KEY', 'must be an Ed25519 private key (openssl genpkey -algorithm ed25519)');
      signingKey = undefined;
    }
    if (!file) c.problem('PUSHGATE_AUDIT_SIGNING_KEY', 'signs checkpoints in PUSHGATE_AUDIT_FILE: set that too');
  }
  if (file !== undefined && (!file.startsWith('/') || file.includes(','))) {
    c.problem('PUSHGATE_AUDIT_FILE', 'must be one absolute path (each process writes one file; `pushgate audit verify` takes a comma-separated list)');
  }
  const checkpointEvery = parseInteger(c, 'PUSHGATE_AUDIT_CHECKPOINT_EVERY', DEFAULT_CHECKPOINT_EVERY, 1, 1_000_000);
  return { file, signingKey, checkpointEvery };
}
