/** A refusal the console answers with an HTML page: HTTP status plus a stable code. */
export class ConsoleError extends Error {
  override readonly name = 'ConsoleError';
  constructor(
    readonly statusCode: number,
    readonly code: 'SESSION_REQUIRED' | 'CONSOLE_FORBIDDEN' | 'CSRF_REJECTED' | 'LOGIN_THROTTLED' | 'REVOCATION_NOT_CONFIRMED' | 'LIVENESS_DISABLED' | 'FINDING_NOT_FOUND',
    message: string,
  ) {
    super(message);
  }
}
