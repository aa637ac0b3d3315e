import type { LivenessVerdict } from '../types.js';
import { LivenessHttpError } from './liveness-http-error.js';

/**
 * Shared helpers for checks whose provider has one API host per region (or
 * cloud) and knows a credential only in its own region, so a check asks every
 * region in parallel and combines their answers.
 */

/** Marks where a region's host goes in a base URL, so one configured URL (or the tests' stand-in) can address every region. */
export const HOST_PLACEHOLDER = '{host}';

/** One row of a check's region table: the name shown in reasons and the API host that serves it. */
export type Region = { readonly region: string; readonly host: string };

/** One region's verdict; `region` is undefined when a base URL without `{host}` was asked once. */
export type RegionAnswer = { readonly region: string | undefined; readonly verdict: LivenessVerdict };

/** One base URL per region, so every region is asked: `{host}` becomes each region's host; a base URL without it is one host, asked once. */
export function regionBaseUrls(baseUrl: string, regions: readonly Region[]): { region: string | undefined; baseUrl: string }[] {
  const base = baseUrl.replace(/\/+$/, '');
  if (!base.includes(HOST_PLACEHOLDER)) return [{ region: undefined, baseUrl: base }];
  return regions.map(({ region, host }) => ({ region, baseUrl: base.split(HOST_PLACEHOLDER).join(host) }));
}

/** One region's request, its LivenessHttpError turned into `unknown`, so one region not answering cannot hide another region's answer. */
export async function askRegion(request: () => Promise<LivenessVerdict>): Promise<LivenessVerdict> {
  try {
    return await request();
  } catch (err) {
    if (err instanceof LivenessHttpError) return { outcome: 'unknown', reason: `${err.code}: ${err.message}` };
    throw err;
  }
}

/** Live from the region that accepted (one with an owner first), revoked only when every region refused (the others may just not know the key), else the rate-limited unknown first. */
export function combineRegions(answers: readonly RegionAnswer[]): LivenessVerdict {
  const tag = (region: string | undefined, reason: string): string => (region ? `${reason} (${region})` : reason);
  const live = answers.filter((a) => a.verdict.outcome === 'live');
  const chosen = live.find((a) => a.verdict.owner !== undefined) ?? live[0];
  if (chosen) return { ...chosen.verdict, reason: tag(chosen.region, chosen.verdict.reason) };
  const first = answers[0];
  if (first && answers.every((a) => a.verdict.outcome === 'revoked')) {
    const regions = answers.map((a) => a.region).filter((r): r is string => r !== undefined);
    return { ...first.verdict, reason: regions.length > 1 ? `${first.verdict.reason} in every region (${regions.join(', ')})` : first.verdict.reason };
  }
  const unknown = answers.find((a) => a.verdict.retryAfterMs !== undefined) ?? answers.find((a) => a.verdict.outcome === 'unknown');
  if (!unknown) return { outcome: 'unknown', reason: 'no region answered' };
  return { ...unknown.verdict, reason: unknown.region ? `${unknown.region}: ${unknown.verdict.reason}` : unknown.verdict.reason };
}
