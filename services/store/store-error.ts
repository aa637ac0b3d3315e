export type StoreErrorCode = 'CURSOR_INVALID' | 'FINDING_NOT_FOUND' | 'STATUS_INVALID' | 'REDIS_REPLY_UNEXPECTED';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}
