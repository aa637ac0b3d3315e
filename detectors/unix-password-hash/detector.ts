import type { Candidate, Detector, Verdict } from '../types.js';
import { passwordHashScheme } from '../builders/password-hash.js';

/**
 * A `user:hash` line of a credential store: /etc/shadow and /etc/passwd,
 * an Apache .htpasswd, ProFTPD's and Pure-FTPd's passwd files. The line
 * starts with the user name and the hash is the whole second field, in
 * crypt(3) (`$6$`, `$2y$`, `$apr1$`, `$y$`, ...) or `{SHA}` notation. A
 * locked or empty password (`*`, `!`, `::`) is not a hash and not reported.
 */
export function validateUnixPasswordHash({ secret, groups }: Candidate): Verdict | null {
  const scheme = passwordHashScheme(secret);
  if (scheme === null) return null;
  return { confidence: 'medium', reason: `${scheme} password hash of user "${groups['user'] ?? ''}" (a shadow, passwd or htpasswd line): crackable offline` };
}

export const detector: Detector = {
  id: 'unix-password-hash',
  family: 'password-hash',
  provider: 'Generic',
  title: 'Password hash in a shadow, passwd or htpasswd line',
  severity: 'medium',
  tier: 'legacy',
  docs: 'https://man7.org/linux/man-pages/man5/shadow.5.html',
  revoke:
    'Change the account\'s password (a leaked hash can be guessed at offline, and a weak password falls fast), and keep shadow, passwd and .htpasswd files out of repositories and images.',
  keywords: [':$1$', ':$5$', ':$6$', ':$apr1$', ':$2a$', ':$2b$', ':$2y$', ':$y$', ':$gy$', ':{SHA}', ':{SSHA}'],
  // The line's start (the text's, or after a line break), the user name, then the hash as the whole second field.
  pattern: String.raw`(?:^|\n)(?P<user>[A-Za-z0-9_][A-Za-z0-9_.@+-]*):(?P<secret>(?:\$|\{S?SHA\})[^:\s]+)(?::|\r?\n|$)`,
  alphabet: '',
  window: { before: 72, after: 240 },
  validate: validateUnixPasswordHash,
};
