import { describe, expect, it } from 'vitest';
import { crossSiteReason, csrfMatches, csrfTokenOf, newCsrfToken, overHttps } from './csrf.js';

describe('console CSRF checks', () => {
  it('matches the synchronizer token only exactly', () => {
    const t = newCsrfToken();
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(csrfMatches(t, t)).toBe(true);
    for (const other of [`${t}x`, t.slice(1), '', undefined, 42, [t], newCsrfToken()]) expect(csrfMatches(t, other)).toBe(false);
    expect(csrfMatches('', '')).toBe(false);
    expect(csrfTokenOf({ 'x-csrf-token': 'h' }, { _csrf: 'b' })).toBe('h');
    expect(csrfTokenOf({}, { _csrf: 'b' })).toBe('b');
    expect(csrfTokenOf({}, undefined)).toBeUndefined();
  });

  it('refuses what the browser marks as another origin, and accepts same-origin requests and clients that say nothing', () => {
    const host = 'console.example.com:8443';
    expect(crossSiteReason({ 'sec-fetch-site': 'same-origin', origin: 'https://console.example.com:8443' }, host)).toBeNull();
    // Behind a TLS-terminating proxy the service sees http; the browser's origin is https.
    expect(crossSiteReason({ origin: 'https://Console.example.com:8443' }, host)).toBeNull();
    expect(crossSiteReason({}, host)).toBeNull();
    expect(crossSiteReason({ origin: 'https://console.example.com' }, 'console.example.com:443')).toBeNull();
    for (const headers of [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'none' },
      { origin: 'null' },
      { origin: 'https://evil.example' },
      { origin: 'https://console.example.com' },
      { origin: 'https://console.example.com:8443.evil.example' },
      { origin: 'chrome-extension://console.example.com:8443' },
      { 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' },
    ]) {
      expect({ headers, refused: crossSiteReason(headers, host) !== null }).toEqual({ headers, refused: true });
    }
    expect(overHttps('http', { origin: 'https://c.example' })).toBe(true);
    expect(overHttps('https', {})).toBe(true);
    expect(overHttps('http', { origin: 'http://c.example' })).toBe(false);
  });
});
