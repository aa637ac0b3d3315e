import { describe, expect, it } from 'vitest';
import type { LivenessVerdict } from '../types.js';
import { LivenessHttpError } from './liveness-http-error.js';
import { askRegion, combineRegions, HOST_PLACEHOLDER, regionBaseUrls, type Region } from './regions.js';

const REGIONS: readonly Region[] = [
  { region: 'US', host: 'api.example.com' },
  { region: 'EU', host: 'api.eu.example.com' },
];
const revoked = { outcome: 'revoked' as const, reason: 'r', httpStatus: 401 };
const live = { outcome: 'live' as const, reason: 'ok', httpStatus: 200 };

describe('regionBaseUrls', () => {
  it('gives one base URL per region, {host} replaced by its host', () => {
    expect(regionBaseUrls(`https://${HOST_PLACEHOLDER}`, REGIONS)).toEqual([
      { region: 'US', baseUrl: 'https://api.example.com' },
      { region: 'EU', baseUrl: 'https://api.eu.example.com' },
    ]);
  });

  it('replaces {host} anywhere (a proxy or stand-in path), every occurrence, and drops trailing slashes', () => {
    expect(regionBaseUrls('http://127.0.0.1:9999/{host}/', REGIONS).map((r) => r.baseUrl)).toEqual(['http://127.0.0.1:9999/api.example.com', 'http://127.0.0.1:9999/api.eu.example.com']);
    expect(regionBaseUrls('http://proxy/{host}/x/{host}', REGIONS.slice(0, 1))).toEqual([{ region: 'US', baseUrl: 'http://proxy/api.example.com/x/api.example.com' }]);
  });

  it('asks a base URL without {host} once, with no region', () => {
    expect(regionBaseUrls('https://self-hosted.example//', REGIONS)).toEqual([{ region: undefined, baseUrl: 'https://self-hosted.example' }]);
  });
});

describe('askRegion', () => {
  it('passes the request verdict through', async () => {
    expect(await askRegion(async () => live)).toEqual(live);
  });

  it('turns a LivenessHttpError into unknown, naming its code', async () => {
    const verdict = await askRegion(async () => {
      throw new LivenessHttpError('TIMEOUT', 'no answer from https://api.example.com');
    });
    expect(verdict).toEqual({ outcome: 'unknown', reason: 'TIMEOUT: no answer from https://api.example.com' });
  });

  it('rethrows any other error (a bug is not a regional outage)', async () => {
    await expect(
      askRegion(async () => {
        throw new TypeError('boom');
      }),
    ).rejects.toThrow(TypeError);
  });
});

describe('combineRegions', () => {
  it('is live from the region that accepted, whatever the others answered, tagging the region', () => {
    expect(combineRegions([{ region: 'US', verdict: revoked }, { region: 'EU', verdict: live }])).toEqual({ ...live, reason: 'ok (EU)' });
    expect(combineRegions([{ region: 'US', verdict: revoked }, { region: 'EU', verdict: { outcome: 'unknown', reason: 'x' } }, { region: 'AU', verdict: live }])).toEqual({ ...live, reason: 'ok (AU)' });
    expect(combineRegions([{ region: undefined, verdict: live }])).toEqual(live);
  });

  it('prefers a live region with an owner for attribution', () => {
    const owned: LivenessVerdict = { ...live, owner: { account: 'eu.example.com' } };
    expect(combineRegions([{ region: 'US', verdict: live }, { region: 'EU', verdict: owned }])).toEqual({ ...owned, reason: 'ok (EU)' });
    expect(combineRegions([{ region: 'US', verdict: live }, { region: 'EU', verdict: { ...live, reason: 'also ok' } }])).toEqual({ ...live, reason: 'ok (US)' });
  });

  it('is revoked only when every region refused, naming the regions', () => {
    expect(combineRegions([{ region: 'US', verdict: revoked }, { region: 'EU', verdict: revoked }])).toEqual({ ...revoked, reason: 'r in every region (US, EU)' });
    expect(combineRegions([{ region: undefined, verdict: revoked }])).toEqual(revoked);
  });

  it('is unknown, tagged with the region, when one region refused and another could not answer', () => {
    expect(combineRegions([{ region: 'US', verdict: revoked }, { region: 'EU', verdict: { outcome: 'unknown', reason: 'TIMEOUT: slow' } }])).toEqual({ outcome: 'unknown', reason: 'EU: TIMEOUT: slow' });
    expect(combineRegions([{ region: 'US', verdict: { outcome: 'unknown', reason: 'TIMEOUT: slow' } }, { region: 'EU', verdict: revoked }])).toEqual({ outcome: 'unknown', reason: 'US: TIMEOUT: slow' });
  });

  it('puts a rate-limited region first among unknowns, keeping its wait', () => {
    const limited: LivenessVerdict = { outcome: 'unknown', reason: 'rate limited by the provider', httpStatus: 429, retryAfterMs: 30_000 };
    expect(combineRegions([{ region: 'US', verdict: { outcome: 'unknown', reason: 'provider error (status 502)', httpStatus: 502 } }, { region: 'EU', verdict: limited }])).toEqual({
      ...limited,
      reason: 'EU: rate limited by the provider',
    });
  });

  it('is unknown when no region answered', () => {
    expect(combineRegions([])).toEqual({ outcome: 'unknown', reason: 'no region answered' });
  });
});
