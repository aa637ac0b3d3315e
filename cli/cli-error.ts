export type CliErrorCode =
  | 'CLI_USAGE'
  | 'SCAN_PATH_NOT_FOUND'
  | 'LIVENESS_CONFIG_INVALID'
  | 'SCAN_NOT_A_DIRECTORY'
  | 'SCAN_NOT_A_GIT_REPOSITORY'
  | 'OUTPUT_WRITE_FAILED'
  | 'SCAN_RANGE_NEEDS_HISTORY'
  | 'SCAN_RANGE_INVALID'
  | 'SCAN_RANGE_UNKNOWN'
  | 'SCAN_RANGE_EMPTY'
  | 'SCAN_RANGE_SHALLOW'
  | 'SCAN_ONLY_VERIFIED_NEEDS_VERIFY'
  | 'SCAN_STDIN_HISTORY'
  | 'SCAN_STDIN_NO_GIT'
  | 'SCAN_HISTORY_NO_GIT';

/** An error the user can act on: printed as one line with its code, exit status 2. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    readonly code: CliErrorCode,
    message: string,
  ) {
    super(message);
  }
}
