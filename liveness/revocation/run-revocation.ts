import { LivenessHttpError } from '../http/liveness-http-error.js';
import type { LivenessResponse } from '../http/liveness-http.js';
import { isHtml } from '../http/responses.js';
import { scrubSecrets } from '../scrub-secrets.js';
import type { CheckEnvironment, CheckInput } from '../types.js';
import type { ProviderRevoker, RevocationResult } from './types.js';

/**
 * Runs one revocation and always returns a result: a thrown error is
 * `failed`, never `accepted`. Secret parts are scrubbed from the reason in
 * case a provider echoed them back.
 */
export async function runRevocation(revoker: ProviderRevoker, input: CheckInput, env: CheckEnvironment): Promise<RevocationResult> {
  let result: RevocationResult;
  try {
    result = await revoker.revoke(input, env);
  } catch (err) {
    result =
      err instanceof LivenessHttpError
        ? { outcome: 'failed', reason: `${err.code}: ${err.message}` }
        : { outcome: 'failed', reason: `revocation failed: ${(err as Error).name ?? 'error'}` };
  }
  const reason = scrubSecrets(result.reason, input);
  return reason === result.reason ? result : { ...result, reason };
}

/** The result for any answer a revoker does not recognise. */
export function unexpectedRevocationAnswer(res: LivenessResponse): RevocationResult {
  const httpStatus = res.status;
  if (res.status === 429) return { outcome: 'failed', reason: 'rate limited by the provider; try again later', httpStatus };
  if (isHtml(res)) return { outcome: 'failed', reason: `HTML page instead of an API answer (status ${res.status}; proxy or firewall?)`, httpStatus };
  if (res.status >= 500) return { outcome: 'failed', reason: `provider error (status ${res.status})`, httpStatus };
  if (res.status >= 300 && res.status < 400) return { outcome: 'failed', reason: `redirect (status ${res.status}) not followed`, httpStatus };
  return { outcome: 'failed', reason: `unexpected answer (status ${res.status})`, httpStatus };
}
