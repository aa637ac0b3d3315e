import { randomBytes } from 'node:crypto';
import { secretEquals } from '../crypto/constant-time.js';

/**
 * Cross-site request forgery defences for the console:
 * - a synchronizer token per session (per login form before there is a
 *   session), sent back with every state-changing request as the form field
 *   `_csrf` or the header `x-csrf-token`, compared in constant time;
 * - the browser's own word on where a request comes from: `Sec-Fetch-Site`
 *   must be `same-origin` and `Origin` must be ours, whenever they are sent.
 * The session cookie is also SameSite=Strict; each layer holds on its own.
 */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison (over SHA-256 digests, so lengths never leak either). */
export function csrfMatches(expected: string, given: unknown): boolean {
  return secretEquals(expected, given);
}

/** The token a request carries: the header, else the form field. */
export function csrfTokenOf(headers: Readonly<Record<string, string | string[] | undefined>>, body: unknown): unknown {
  const header = headers[CSRF_HEADER];
  if (typeof header === 'string') return header;
  if (body && typeof body === 'object') return (body as Record<string, unknown>)[CSRF_FIELD];
  return undefined;
}

/**
 * Why a state-changing request must be refused as cross-site, or null when
 * nothing says it is. `ownHost` is the Host this request reached us at.
 * `Origin` is compared by host only: behind a TLS-terminating proxy the
 * service sees http while the browser says https; the scheme is covered by
 * Sec-Fetch-Site (http and https of one host are not same-origin).
 */
export function crossSiteReason(headers: Readonly<Record<string, string | string[] | undefined>>, ownHost: string): string | null {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return `Sec-Fetch-Site is ${String(site)}`;
  const origin = headers['origin'];
  if (origin === undefined) return null;
  let host: string | null = null;
  try {
    const u = new URL(String(origin));
    host = u.protocol === 'https:' || u.protocol === 'http:' ? u.host : null;
  } catch {
    host = null;
  }
  return host !== null && withoutDefaultPort(host) === withoutDefaultPort(ownHost.toLowerCase()) ? null : 'Origin is not this console';
}

/** Browsers leave the default port out of Origin; a Host header may name it. */
function withoutDefaultPort(host: string): string {
  return host.replace(/:(80|443)$/, '');
}

/** Whether the browser reached us over https (directly, or through a proxy: its Origin says so). */
export function overHttps(protocol: string, headers: Readonly<Record<string, string | string[] | undefined>>): boolean {
  return protocol === 'https' || String(headers['origin'] ?? '').startsWith('https://');
}
