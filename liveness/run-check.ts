import { LivenessHttpError } from './http/liveness-http-error.js';
import { scrubSecrets } from './scrub-secrets.js';
import type { CheckEnvironment, CheckInput, LivenessVerdict, ProviderCheck } from './types.js';

/**
 * Runs one provider check and always returns a verdict: a thrown error
 * (network, timeout, refused address, a bug in a check) is `unknown` with a
 * reason, never `revoked`. The secret parts are scrubbed out of the reason
 * and owner in case a provider echoed them back.
 */
export async function runCheck(check: ProviderCheck, input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict> {
  let verdict: LivenessVerdict;
  try {
    verdict = await check.check(input, env);
  } catch (err) {
    verdict =
      err instanceof LivenessHttpError
        ? { outcome: 'unknown', reason: `${err.code}: ${err.message}` }
        : { outcome: 'unknown', reason: `check failed: ${(err as Error).name ?? 'error'}` };
  }
  return scrubVerdict(verdict, input);
}

function scrubVerdict(verdict: LivenessVerdict, input: CheckInput): LivenessVerdict {
  const json = JSON.stringify(verdict);
  const scrubbed = scrubSecrets(json, input);
  return scrubbed === json ? verdict : (JSON.parse(scrubbed) as LivenessVerdict);
}
