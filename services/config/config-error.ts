export interface ConfigProblem {
  /** The environment variable at fault. */
  readonly variable: string;
  /** What is wrong, never the value itself (it may be a secret). */
  readonly message: string;
}

/**
 * Start-up configuration is invalid; `problems` lists every one found, not
 * just the first. The message is one line (the CLI prints it as one error
 * line with the code), the problems separated by semicolons.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      `invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${problems.map((p) => `${p.variable}: ${p.message.replace(/\s*\n\s*/g, ' ')}`).join('; ')} (\`pushgate serve --help\` lists the settings)`,
    );
  }
}
