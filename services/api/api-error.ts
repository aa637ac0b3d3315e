/**
 * An error the API answers with: HTTP status plus a stable code, sent as
 * `{ "error": { "code", "message", "requestId", "details"? } }`.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: ReadonlyArray<{ readonly path: string; readonly message: string }>,
  ) {
    super(message);
  }
}
