import type { LivenessVerdict } from '../types.js';
import type { LivenessResponse } from './liveness-http.js';

/**
 * Shared readings of provider responses. A check decides `live` and
 * `revoked` itself, from the documented answers of its provider; everything
 * it does not recognise goes through `unexpectedResponse`, which only ever
 * says `unknown`.
 */

/** Longest wait we honour from Retry-After; a longer one is capped (the job is retried later anyway). */
const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(0, at - nowMs), MAX_RETRY_AFTER_MS);
}

export function isHtml(res: LivenessResponse): boolean {
  return res.contentType.includes('text/html') || /^\s*<(!doctype|html)/i.test(res.text.slice(0, 200));
}

/** The verdict for any response a check does not recognise as live or revoked. */
export function unexpectedResponse(res: LivenessResponse, nowMs: number = Date.now()): LivenessVerdict {
  const httpStatus = res.status;
  if (res.status === 429 || (res.status === 503 && res.headers['retry-after'])) {
    const retryAfterMs = parseRetryAfter(res.headers['retry-after'], nowMs);
    return { outcome: 'unknown', reason: 'rate limited by the provider', httpStatus, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }
  if (isHtml(res)) return { outcome: 'unknown', reason: `HTML page instead of an API answer (status ${res.status}; proxy or firewall?)`, httpStatus };
  if (res.status >= 500) return { outcome: 'unknown', reason: `provider error (status ${res.status})`, httpStatus };
  if (res.status >= 300 && res.status < 400) return { outcome: 'unknown', reason: `redirect (status ${res.status}) not followed`, httpStatus };
  return { outcome: 'unknown', reason: `unexpected answer (status ${res.status})`, httpStatus };
}

/** A JSON object body, or null. */
export function jsonObject(res: LivenessResponse): Record<string, unknown> | null {
  if (isHtml(res)) return null;
  const value = res.json();
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** A string field of a JSON object, or undefined. */
export function stringField(object: Record<string, unknown> | null | undefined, name: string): string | undefined {
  const value = object?.[name];
  return typeof value === 'string' && value.length > 0 ? value : typeof value === 'number' ? String(value) : undefined;
}

/** A nested object field, or null. */
export function objectField(object: Record<string, unknown> | null | undefined, name: string): Record<string, unknown> | null {
  const value = object?.[name];
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** Comma- or space-separated scope header (`x-oauth-scopes: repo, gist`) as a list. */
export function scopeList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Drops undefined fields, so verdicts and owners serialize without holes. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
