export type GithubErrorCode =
  /** GitHub answered with a status the caller did not expect; `status` holds it. */
  | 'GITHUB_HTTP_STATUS'
  /** No answer in time, or the connection failed. */
  | 'GITHUB_UNREACHABLE'
  /** A 2xx answer whose body is not what the REST API documents. */
  | 'GITHUB_RESPONSE_INVALID'
  /** The App's JWT or installation token was refused. */
  | 'GITHUB_APP_AUTH_FAILED'
  /** A job names no repository or installation to report to. */
  | 'GITHUB_TARGET_INVALID';

/** A failed call to GitHub's REST API. Messages never carry a token or a request body. */
export class GithubError extends Error {
  override readonly name = 'GithubError';
  constructor(
    readonly code: GithubErrorCode,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** Worth trying again: network trouble, rate limits and server errors. */
  get retryable(): boolean {
    if (this.code === 'GITHUB_UNREACHABLE') return true;
    return this.status !== undefined && (this.status === 429 || this.status >= 500);
  }
}
