/** Errors of triage actions, with stable codes (the API and the console map them to HTTP statuses). */
export type TriageErrorCode =
  | 'FINDING_NOT_FOUND'
  | 'TRIAGE_INPUT_INVALID'
  | 'TRIAGE_CONTAINS_SECRET'
  | 'FINDING_NOT_ACTIVE'
  | 'RESOLUTION_NEEDS_VERDICT'
  | 'RESOLUTION_EXPIRY_INVALID'
  | 'FINDING_NOT_RESOLVED'
  | 'LIVENESS_DISABLED';

export class TriageError extends Error {
  override readonly name = 'TriageError';
  constructor(
    readonly code: TriageErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const TRIAGE_ERROR_STATUS: Readonly<Record<TriageErrorCode, number>> = {
  FINDING_NOT_FOUND: 404,
  TRIAGE_INPUT_INVALID: 400,
  TRIAGE_CONTAINS_SECRET: 422,
  FINDING_NOT_ACTIVE: 409,
  RESOLUTION_NEEDS_VERDICT: 409,
  RESOLUTION_EXPIRY_INVALID: 400,
  FINDING_NOT_RESOLVED: 409,
  LIVENESS_DISABLED: 503,
};
