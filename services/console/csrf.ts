import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

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
  if (typeof given !== 'string' || given === '' || expected === '') return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
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
 * nothing says it is. `ownOrigin` is `scheme://host[:port]` as this request
 * reached us.
 */
export function crossSiteReason(headers: Readonly<Record<string, string | string[] | undefined>>, ownOrigin: string): string | null {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return `Sec-Fetch-Site is ${String(site)}`;
  const origin = headers['origin'];
  if (origin !== undefined && origin !== ownOrigin) return 'Origin is not this console';
  return null;
}
