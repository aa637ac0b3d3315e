/** node:crypto, loaded on first use: a clean push (no finding) never needs it, and loading it costs milliseconds at start-up. */
let nodeCrypto: typeof import('node:crypto') | undefined;

/**
 * Identifies a secret across files, commits and scans: SHA-256 over the
 * detector family and the value, domain-separated. Stable across runs, so
 * baselines and the findings store can key on it.
 */
export function fingerprint(family: string, secret: string): string {
  nodeCrypto ??= process.getBuiltinModule('node:crypto');
  return nodeCrypto.createHash('sha256').update(`pushgate/v1\0${family}\0${secret}`).digest('hex').slice(0, 32);
}
