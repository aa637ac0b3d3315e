import { describe, expect, it } from 'vitest';
import type { LivenessVerdict } from '../types.js';
import { LivenessHttpError } from './liveness-http-error.js';
import { askInTurn, askRegion, combineInTurn, combineRegions, HOST_PLACEHOLDER, regionBaseUrls, type InTurnAnswer, type Region } from './regions.js';

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

  it("fills a check's own placeholder instead of {host}, and then asks a base URL with only {host} once", () => {
    const prefixes: readonly Region[] = [
      { region: 'US', host: 'api' },
      { region: 'EU', host: 'eu1.api' },
    ];
    expect(regionBaseUrls('https://{region}.example.com/', prefixes, '{region}')).toEqual([
      { region: 'US', baseUrl: 'https://api.example.com' },
      { region: 'EU', baseUrl: 'https://eu1.api.example.com' },
    ]);
    expect(regionBaseUrls('https://{host}', prefixes, '{region}')).toEqual([{ region: undefined, baseUrl: 'https://{host}' }]);
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

describe('askInTurn', () => {
  const answer = (verdicts: Record<string, LivenessVerdict | Error>) => {
    const asked: string[] = [];
    const request = async (target: string): Promise<LivenessVerdict> => {
      asked.push(target);
      const v = verdicts[target]!;
      if (v instanceof Error) throw v;
      return v;
    };
    return { asked, request };
  };

  it('asks the targets in order and stops at the first that accepts', async () => {
    const { asked, request } = answer({ US: revoked, EU: live, AU: live });
    expect(await askInTurn(['US', 'EU', 'AU'], request)).toEqual([
      { target: 'US', verdict: revoked },
      { target: 'EU', verdict: live },
    ]);
    expect(asked).toEqual(['US', 'EU']);
  });

  it('asks every target when none accepts, whatever they answer', async () => {
    const limited: LivenessVerdict = { outcome: 'unknown', reason: 'rate limited by the provider', httpStatus: 429, retryAfterMs: 1000 };
    const { asked, request } = answer({ US: limited, EU: revoked });
    expect((await askInTurn(['US', 'EU'], request)).map((a) => a.verdict)).toEqual([limited, revoked]);
    expect(asked).toEqual(['US', 'EU']);
  });

  it('turns a LivenessHttpError into unknown and goes on to the next target', async () => {
    const { request } = answer({ US: new LivenessHttpError('TIMEOUT', 'no answer from https://api.example.com'), EU: live });
    expect(await askInTurn(['US', 'EU'], request)).toEqual([
      { target: 'US', verdict: { outcome: 'unknown', reason: 'TIMEOUT: no answer from https://api.example.com' } },
      { target: 'EU', verdict: live },
    ]);
  });

  it('rethrows any other error', async () => {
    const { request } = answer({ US: new TypeError('boom'), EU: live });
    await expect(askInTurn(['US', 'EU'], request)).rejects.toThrow(TypeError);
  });

  it('asks nothing for no targets', async () => {
    expect(await askInTurn([], async () => live)).toEqual([]);
  });
});

describe('combineInTurn', () => {
  const answers = (...verdicts: LivenessVerdict[]): InTurnAnswer<string>[] => verdicts.map((verdict, i) => ({ target: ['US', 'EU', 'AU'][i]!, verdict }));
  const reasons = { everyRefused: 'every region refused' };
  const unknown: LivenessVerdict = { outcome: 'unknown', reason: 'provider error (status 502)', httpStatus: 502 };
  const limited: LivenessVerdict = { outcome: 'unknown', reason: 'rate limited by the provider', httpStatus: 429, retryAfterMs: 30_000 };

  it('is live from the target that accepted, as it answered', () => {
    expect(combineInTurn(answers(revoked, unknown, live), { ...reasons, name: (t) => t, noneAccepted: '; none' })).toEqual(live);
  });

  it('is revoked only when every target refused: everyRefused when more than one was asked, a single refusal as it is', () => {
    expect(combineInTurn(answers(revoked, revoked), reasons)).toEqual({ ...revoked, reason: 'every region refused' });
    expect(combineInTurn(answers(revoked), reasons)).toEqual(revoked);
  });

  it('is otherwise the first answer that could not tell, as it is', () => {
    expect(combineInTurn(answers(revoked, unknown, limited), reasons)).toEqual(unknown);
    expect(combineInTurn(answers(limited, revoked), reasons)).toEqual(limited);
  });

  it('with rateLimitedFirst, passes on a rate-limited answer first, keeping its wait', () => {
    expect(combineInTurn(answers(unknown, limited, revoked), { ...reasons, rateLimitedFirst: true })).toEqual(limited);
    expect(combineInTurn(answers(revoked, unknown), { ...reasons, rateLimitedFirst: true })).toEqual(unknown);
  });

  it('names the target of the unknown answer, and says none accepted when more than one was asked', () => {
    const wording = { ...reasons, name: (t: string) => `${t} region`, noneAccepted: '; no region accepted the token' };
    expect(combineInTurn(answers(revoked, unknown), wording)).toEqual({ ...unknown, reason: 'provider error (status 502) (EU region); no region accepted the token' });
    expect(combineInTurn(answers(unknown), wording)).toEqual({ ...unknown, reason: 'provider error (status 502) (US region)' });
    expect(combineInTurn(answers(unknown), { ...reasons, noneAccepted: '; none' })).toEqual(unknown);
  });

  it('is unknown when no target was asked', () => {
    expect(combineInTurn([], reasons)).toEqual({ outcome: 'unknown', reason: 'no target was asked' });
  });
});
