import type { Finding, FindingLiveness } from '../scanner/types.js';
import { baseUrlFor } from './base-urls.js';
import type { LivenessHttp } from './http/liveness-http.js';
import { checkForDetector } from './registry.js';
import { runCheck } from './run-check.js';
import type { CheckInput, LivenessVerdict } from './types.js';

/**
 * `pushgate scan --verify`: checks the findings of a one-off scan in
 * process, with no Redis. Each credential is asked once (findings of the
 * same secret share the answer), `concurrency` requests at a time. Findings
 * come back with `liveness` set where a check exists, live ones first, then
 * unknown, unchecked and revoked.
 */
export interface VerifyOptions {
  readonly http: LivenessHttp;
  readonly baseUrls?: Readonly<Record<string, string>>;
  readonly concurrency?: number;
}

const ORDER: Record<string, number> = { live: 0, unknown: 1, unchecked: 2, revoked: 3 };

export async function verifyFindings(findings: readonly Finding[], options: VerifyOptions): Promise<Finding[]> {
  const asked = new Map<string, Promise<LivenessVerdict>>();
  const results = new Map<Finding, FindingLiveness>();
  const jobs: Array<() => Promise<void>> = [];
  for (const f of findings) {
    const check = checkForDetector(f.detector);
    if (!check) continue;
    const input: CheckInput = { detector: f.detector, secret: f.secret, context: f.context, ...(f.companion ? { companion: f.companion } : {}) };
    const key = `${check.id}\0${f.secret.reveal()}\0${f.companion?.value.reveal() ?? ''}`;
    jobs.push(async () => {
      let pending = asked.get(key);
      if (!pending) {
        pending = runCheck(check, input, { http: options.http, baseUrl: baseUrlFor(check.id, check.defaultBaseUrl, options.baseUrls ?? {}) });
        asked.set(key, pending);
      }
      const v = await pending;
      results.set(f, {
        check: check.id,
        outcome: v.outcome,
        reason: v.reason,
        ...(v.httpStatus !== undefined ? { httpStatus: v.httpStatus } : {}),
        ...(v.owner ? { owner: v.owner as Record<string, string> } : {}),
        ...(v.scopes ? { scopes: v.scopes } : {}),
      });
    });
  }
  await runLimited(jobs, options.concurrency ?? 8);
  const verified = findings.map((f) => {
    const liveness = results.get(f);
    return liveness ? { ...f, liveness } : f;
  });
  const rank = (f: Finding): number => ORDER[f.liveness?.outcome ?? 'unchecked']!;
  // Array.prototype.sort is stable: findings keep their scan order within a rank.
  return verified.sort((a, b) => rank(a) - rank(b));
}

/** Runs `jobs` with at most `limit` in flight. */
export async function runLimited(jobs: ReadonlyArray<() => Promise<unknown>>, limit: number): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < jobs.length) await jobs[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, lane));
}
