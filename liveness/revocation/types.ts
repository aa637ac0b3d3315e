import type { CheckEnvironment, CheckInput } from '../types.js';

/**
 * The revocation contract. A revoker asks a credential's provider, in the
 * way the provider documents for exposed credentials, to kill it. What the
 * provider answers is never taken as proof: the finding closes only when the
 * provider check (liveness/<id>/check.ts) later says `revoked`.
 * - `accepted`: the provider took the request (GitHub answers 202 and
 *   revokes asynchronously; Slack says `revoked: true`);
 * - `refused`: the provider answered, in its documented way, that it will
 *   not revoke (unknown or already dead credential, a token that may not
 *   revoke itself, a request it judged abusive);
 * - `failed`: anything else (network, timeout, 5xx, HTML, unexpected body).
 */
export type RevocationOutcome = 'accepted' | 'refused' | 'failed';
export const REVOCATION_OUTCOMES: readonly RevocationOutcome[] = ['accepted', 'refused', 'failed'];

export interface RevocationResult {
  readonly outcome: RevocationOutcome;
  /** Why, in a few words. Never contains the secret (runRevocation scrubs it anyway). */
  readonly reason: string;
  readonly httpStatus?: number;
}

export interface ProviderRevoker {
  /** The provider check that confirms the revocation; also names the base URL (`PUSHGATE_LIVENESS_BASE_URLS`). */
  readonly checkId: string;
  readonly provider: string;
  /** Detector ids whose secrets this revoker can revoke (each also has the check above). */
  readonly detectors: readonly string[];
  /** The provider's reference page for the call. */
  readonly apiReference: string;
  /** The call, for the README and the console ("POST /credentials/revoke"). */
  readonly call: string;
  revoke(input: CheckInput, env: CheckEnvironment): Promise<RevocationResult>;
}
