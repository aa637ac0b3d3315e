export type CliErrorCode =
  | 'CLI_USAGE'
  | 'SCAN_PATH_NOT_FOUND'
  | 'LIVENESS_CONFIG_INVALID'
  | 'SCAN_NOT_A_DIRECTORY'
  | 'SCAN_NOT_A_GIT_REPOSITORY'
  | 'OUTPUT_WRITE_FAILED';

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
