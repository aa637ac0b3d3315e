import { parseBaseUrls } from '../../liveness/base-urls.js';
import { parseDuration } from '../../liveness/duration.js';
import { SecretValue } from '../../scanner/secret-value.js';
import { LIVENESS_DEFAULTS } from './settings.js';

/**
 * Liveness settings of the service (described in settings.ts).
 * Parsed with the rest of the config; problems are reported together.
 */
export interface LivenessConfig {
  /** PUSHGATE_LIVENESS=off turns checks off (findings then stay `open`). */
  readonly enabled: boolean;
  readonly baseUrls: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** Checks each provider's queue runs at once. */
  readonly concurrency: number;
  /** How often a live finding is checked again. */
  readonly recheckLiveMs: number;
  /** First wait after an unknown verdict; doubles per unknown in a row, up to recheckUnknownMaxMs. */
  readonly recheckUnknownMs: number;
  readonly recheckUnknownMaxMs: number;
  /** A finding is closed by a second `revoked` verdict this long after the first. */
  readonly confirmRevokedMs: number;
  /** How long a verdict is reused for the same credential. */
  readonly cacheMs: number;
  readonly webhookUrls: readonly string[];
  readonly webhookSecret: SecretValue | undefined;
}

export { LIVENESS_DEFAULTS, LIVENESS_VARIABLES } from './settings.js';

type Get = (name: string) => string | undefined;
type Problem = (variable: string, message: string) => void;

export function parseLivenessConfig(get: Get, problem: Problem): LivenessConfig {
  const toggle = (get('PUSHGATE_LIVENESS') ?? 'on').toLowerCase();
  if (!['on', 'off', 'true', 'false', '1', '0'].includes(toggle)) problem('PUSHGATE_LIVENESS', 'must be on or off');
  const enabled = !['off', 'false', '0'].includes(toggle);

  const urls = parseBaseUrls(get('PUSHGATE_LIVENESS_BASE_URLS'));
  for (const p of urls.problems) problem('PUSHGATE_LIVENESS_BASE_URLS', p);

  const duration = (name: string, fallback: number, min = 0): number => {
    const v = get(name);
    if (v === undefined) return fallback;
    const ms = parseDuration(v);
    if (ms === undefined || ms < min) {
      problem(name, `must be a duration of at least ${min} ms (e.g. 500ms, 30s, 15m, 6h, 1d)`);
      return fallback;
    }
    return ms;
  };

  const concurrencyText = get('PUSHGATE_LIVENESS_CONCURRENCY');
  let concurrency: number = LIVENESS_DEFAULTS.concurrency;
  if (concurrencyText !== undefined) {
    if (!/^\d+$/.test(concurrencyText) || Number(concurrencyText) < 1 || Number(concurrencyText) > 256) problem('PUSHGATE_LIVENESS_CONCURRENCY', 'must be a whole number from 1 to 256');
    else concurrency = Number(concurrencyText);
  }

  const webhookUrls = (get('PUSHGATE_LIVENESS_WEBHOOK_URLS') ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  for (const u of webhookUrls) {
    try {
      const parsed = new URL(u);
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') problem('PUSHGATE_LIVENESS_WEBHOOK_URLS', `${parsed.origin} is not http(s)`);
    } catch {
      problem('PUSHGATE_LIVENESS_WEBHOOK_URLS', 'every entry must be an http(s) URL');
    }
  }
  const secretText = get('PUSHGATE_LIVENESS_WEBHOOK_SECRET');
  if (webhookUrls.length > 0 && (!secretText || secretText.length < 16)) {
    problem('PUSHGATE_LIVENESS_WEBHOOK_SECRET', 'required with PUSHGATE_LIVENESS_WEBHOOK_URLS: at least 16 characters (receivers verify the HMAC with it)');
  }

  return {
    enabled,
    baseUrls: urls.baseUrls,
    timeoutMs: duration('PUSHGATE_LIVENESS_TIMEOUT', LIVENESS_DEFAULTS.timeoutMs, 1),
    concurrency,
    recheckLiveMs: duration('PUSHGATE_LIVENESS_RECHECK_LIVE', LIVENESS_DEFAULTS.recheckLiveMs, 1),
    recheckUnknownMs: duration('PUSHGATE_LIVENESS_RECHECK_UNKNOWN', LIVENESS_DEFAULTS.recheckUnknownMs, 1),
    recheckUnknownMaxMs: duration('PUSHGATE_LIVENESS_RECHECK_UNKNOWN_MAX', LIVENESS_DEFAULTS.recheckUnknownMaxMs, 1),
    confirmRevokedMs: duration('PUSHGATE_LIVENESS_CONFIRM_REVOKED', LIVENESS_DEFAULTS.confirmRevokedMs, 0),
    cacheMs: duration('PUSHGATE_LIVENESS_CACHE', LIVENESS_DEFAULTS.cacheMs, 0),
    webhookUrls,
    webhookSecret: secretText ? new SecretValue(secretText) : undefined,
  };
}
