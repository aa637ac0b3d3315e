import type { Candidate, Detector, Verdict } from '../types.js';
import { passwordHashScheme } from '../builders/password-hash.js';

/**
 * A password hash in a row of an SQL INSERT (`INSERT INTO users ... VALUES
 * (1, 'alice', '$2y$10$...'), (2, ...)`, as mysqldump and most dump tools
 * write them): a users table left in a dump. The row must start right after
 * `VALUES` or the previous row's `),` and hold only literals before the
 * hash, so calls in application code (`Hash::check('x', '$2y$...')`,
 * `where('password', '$2y$...')`) are not rows.
 */
export function validateSqlDumpHash({ secret }: Candidate): Verdict | null {
  const scheme = passwordHashScheme(secret);
  if (scheme === null) return null;
  return { confidence: 'medium', reason: `${scheme} password hash in an SQL INSERT row (a database dump?): crackable offline` };
}

/** One SQL literal of a row: a quoted string, a number, NULL or a boolean. */
const LITERAL = String.raw`(?:'(?:[^'\\\r\n]|\\.)*'|-?[0-9][0-9.]*|NULL|null|TRUE|FALSE|true|false)`;

export const detector: Detector = {
  id: 'sql-dump-password-hash',
  family: 'password-hash',
  provider: 'Generic',
  title: 'Password hash in an SQL dump row',
  severity: 'medium',
  tier: 'legacy',
  docs: 'https://cwe.mitre.org/data/definitions/916.html',
  revoke:
    'Remove the dump from the repository and its history, and have the users in it change their passwords (hashes can be guessed at offline); dumps of production data belong in backups, not in code.',
  keywords: ["'$2a$", "'$2b$", "'$2y$", "'$P$", "'$H$", "'$1$", "'$5$", "'$6$", "'$argon2"],
  pattern: String.raw`(?:VALUES|values|\),)[ \t\r\n]*\((?:[ \t]*${LITERAL}[ \t]*,)*[ \t]*'(?P<secret>\$[^'\s]+)'`,
  alphabet: '',
  window: { before: 480, after: 220 },
  validate: validateSqlDumpHash,
};
