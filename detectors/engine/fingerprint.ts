import { createHash } from 'node:crypto';

/**
 * Identifies a secret across files, commits and scans: SHA-256 over the
 * detector family and the value, domain-separated. Stable across runs, so
 * baselines and the findings store can key on it.
 */
export function fingerprint(family: string, secret: string): string {
  return createHash('sha256').update(`pushgate/v1\0${family}\0${secret}`).digest('hex').slice(0, 32);
}
