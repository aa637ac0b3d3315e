/**
 * Why a liveness request did not get an answer. Messages name the origin at
 * most, never a path or query (a Slack webhook path or a Google key in the
 * query string is the secret).
 */
export type LivenessHttpErrorCode =
  | 'ADDRESS_REFUSED'
  | 'TIMEOUT'
  | 'NETWORK'
  | 'URL_INVALID';

export class LivenessHttpError extends Error {
  override readonly name = 'LivenessHttpError';
  constructor(
    readonly code: LivenessHttpErrorCode,
    message: string,
  ) {
    super(message);
  }
}
