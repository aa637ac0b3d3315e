import type { LivenessVerdict } from '../types.js';
import { LivenessHttpError } from './liveness-http-error.js';

/**
 * Shared helpers for checks whose provider has one API host per region (or
 * cloud) and knows a credential only in its own region, so a check asks every
 * region in parallel and combines their answers (regionBaseUrls, askRegion,
 * combineRegions) or, where one host usually knows the credential and the
 * others are worth a call only when it does not, asks them one after another
 * and stops at the first that accepts (askInTurn, combineInTurn).
 */

/** Marks where a region's host goes in a base URL, so one configured URL (or the tests' stand-in) can address every region. */
export const HOST_PLACEHOLDER = '{host}';

/** One row of a check's region table: the name shown in reasons and the API host that serves it. */
export type Region = { readonly region: string; readonly host: string };

/** One region's verdict; `region` is undefined when a base URL without `{host}` was asked once. */
export type RegionAnswer = { readonly region: string | undefined; readonly verdict: LivenessVerdict };

/**
 * One base URL per region, so every region is asked: `{host}` becomes each region's host; a base URL without it is one host, asked once.
 * A check whose URL format predates `{host}` passes its own `placeholder` (Segment's `{region}`, Yandex Cloud's `{api}`); its regions' `host` is then what that placeholder stands for.
 */
export function regionBaseUrls(baseUrl: string, regions: readonly Region[], placeholder: string = HOST_PLACEHOLDER): { region: string | undefined; baseUrl: string }[] {
  const base = baseUrl.replace(/\/+$/, '');
  if (!base.includes(placeholder)) return [{ region: undefined, baseUrl: base }];
  return regions.map(({ region, host }) => ({ region, baseUrl: base.split(placeholder).join(host) }));
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

/** One target's answer when targets (regions, or a provider's APIs) are asked in turn. */
export type InTurnAnswer<T> = { readonly target: T; readonly verdict: LivenessVerdict };

/**
 * Asks the targets one after another, in the order given, and stops at the first that accepts, so the usual target
 * saves the others' calls. Each request goes through askRegion, so one target not answering does not hide the next
 * one's answer. The answers in the order asked; the last is the live one when a target accepted.
 */
export async function askInTurn<T>(targets: readonly T[], request: (target: T) => Promise<LivenessVerdict>): Promise<InTurnAnswer<T>[]> {
  const answers: InTurnAnswer<T>[] = [];
  for (const target of targets) {
    const verdict = await askRegion(() => request(target));
    answers.push({ target, verdict });
    if (verdict.outcome === 'live') break;
  }
  return answers;
}

/** The reasons a check gives to combineInTurn. */
export interface InTurnReasons<T> {
  /** The reason of the revoked verdict when more than one target was asked and every one refused (a single target's refusal is passed on as it is). */
  readonly everyRefused: string;
  /** Among the targets that could not tell, pass on a rate-limited one first, keeping its wait (as combineRegions does); otherwise the first asked. */
  readonly rateLimitedFirst?: boolean;
  /** Names the target of the unknown answer passed on, after its reason: `reason (name)`. */
  readonly name?: (target: T) => string;
  /** Appended to the unknown answer's reason when more than one target was asked and none accepted, e.g. `; no region accepted the token`. */
  readonly noneAccepted?: string;
}

/** The answers of askInTurn combined: live from the target that accepted; revoked only when every target refused; otherwise unknown (see InTurnReasons). */
export function combineInTurn<T>(answers: readonly InTurnAnswer<T>[], reasons: InTurnReasons<T>): LivenessVerdict {
  const live = answers.find((a) => a.verdict.outcome === 'live');
  if (live) return live.verdict;
  const undecided = (reasons.rateLimitedFirst ? answers.find((a) => a.verdict.retryAfterMs !== undefined) : undefined) ?? answers.find((a) => a.verdict.outcome !== 'revoked');
  if (undecided) {
    const name = reasons.name ? ` (${reasons.name(undecided.target)})` : '';
    const noneAccepted = reasons.noneAccepted !== undefined && answers.length > 1 ? reasons.noneAccepted : '';
    return name || noneAccepted ? { ...undecided.verdict, reason: `${undecided.verdict.reason}${name}${noneAccepted}` } : undecided.verdict;
  }
  const first = answers[0];
  if (!first) return { outcome: 'unknown', reason: 'no target was asked' };
  return answers.length > 1 ? { ...first.verdict, reason: reasons.everyRefused } : first.verdict;
}
