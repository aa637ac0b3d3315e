import type { Candidate, Detector, Verdict } from '../types.js';
import { caseless, caselessAny } from '../builders/ascii-caseless.js';
import { strengthOf } from '../builders/entropy.js';
import { hostKind, identifiableFormatReason, placeholderReason, weakPasswordReason } from '../builders/placeholder.js';

const HOST = /(?:\/\/|@\/?\/?)\[?([A-Za-z0-9_.\-:]+?)\]?(?::\d+)?(?:[/;:?,]|$)/;

export function validateJdbc({ secret, groups, matchText }: Candidate): Verdict | null {
  if (secret.length > 128) return null;
  // Oracle thin `user/password@host` ends the password at `@`. In the `password=` forms an `@` followed by
  // text (captured as `host`) means the password itself held an `@` and was cut: report nothing rather than half.
  const oracle = groups['user'] !== undefined;
  if (!oracle && groups['host'] !== undefined) return null;
  if (placeholderReason(secret) || identifiableFormatReason(secret)) return null;
  const host = groups['host'] ?? HOST.exec(matchText)?.[1] ?? '';
  const kind = host ? hostKind(host) : 'remote';
  const user = groups['user'] ?? /[?&;:](?:user|username|userName)=([^&;\s'"]*)/.exec(matchText)?.[1] ?? '';
  const s = strengthOf(secret);
  const weak = s.strength === 'weak' || weakPasswordReason(secret) !== null || secret.toLowerCase() === user.toLowerCase();
  if (weak && kind !== 'remote') return null;
  const confidence: Verdict['confidence'] = weak ? 'low' : kind === 'remote' ? 'high' : 'medium';
  return { confidence, reason: `JDBC ${groups['driver'] ?? ''} URL with a ${weak ? 'weak ' : ''}password for ${kind} host` };
}

export const detector: Detector = {
  id: 'jdbc-connection-string',
  family: 'legacy-credential',
  provider: 'Generic',
  title: 'Password in a JDBC URL',
  severity: 'high',
  tier: 'legacy',
  docs: 'https://docs.oracle.com/javase/tutorial/jdbc/basics/connecting.html',
  revoke:
    'Change the database password, then pass credentials to the driver from a secret store instead of the URL; history keeps the old one.',
  keywords: ['jdbc:'],
  keywordsIgnoreCase: true,
  // `jdbc:oracle:thin:user/password@host` or a `password=` property anywhere in the URL
  // (`jdbc:sqlserver://h;user=u;password=p`, `jdbc:mysql://h/db?user=u&password=p`).
  // `jdbc:mysql://user:password@host` is a URL credential and left to url-credentials.
  pattern: String.raw`${caseless('jdbc')}:(?P<driver>[A-Za-z0-9]+)(?::[A-Za-z0-9]+)*:(?:(?P<user>[\w.$\-]+)/|[^\s'"<>]*?[?&;]${caselessAny(['password', 'pwd'])}=)(?P<secret>[^\s'"<>&;@]+)(?:@(?://)?(?P<host>[A-Za-z0-9_.\-]+))?`,
  alphabet: '',
  window: { before: 0, after: 600 },
  validate: validateJdbc,
};
