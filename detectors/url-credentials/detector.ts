import type { Candidate, Detector, Verdict } from '../types.js';
import { strengthOf } from '../builders/entropy.js';
import { hostKind, identifiableFormatReason, placeholderReason, weakPasswordReason } from '../builders/placeholder.js';

/** Hosts whose `https://user:secret@host` URLs are git remotes, as written by `git credential-store` to `~/.git-credentials`. */
const GIT_HOSTS = /(?:^|\.)(?:github\.com|gitlab\.com|bitbucket\.org|dev\.azure\.com|visualstudio\.com|codeberg\.org|gitea\.com|sr\.ht)$/i;

/** Passwords that stand for "the user name is the token" conventions, not secrets themselves. */
const CONVENTIONAL_PASSWORDS = new Set(['x-oauth-basic', 'x-oauth-token', 'oauth2', 'x-token-auth', 'api', 'anonymous']);

const DB_SCHEMES = /^(?:postgres(?:ql)?|mysql|mysqlx|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver|oracle|cockroachdb|clickhouse|cassandra|couchbase|neo4j(?:\+s)?|bolt|nats|kafka|memcached?|influxdb?|elasticsearch|jdbc:.*)$/i;

export function validateUrlCredentials({ secret, groups }: Candidate): Verdict | null {
  const user = groups['user'] ?? '';
  if (secret.length > 200 || user.length > 128) return null;
  const host = groups['host'] ?? '';
  const scheme = (groups['scheme'] ?? '').toLowerCase();
  let password = secret;
  try {
    password = decodeURIComponent(secret);
  } catch {
    // Not valid percent-encoding: judge the raw text.
  }
  if (CONVENTIONAL_PASSWORDS.has(password.toLowerCase())) return null;
  // `cvs://:pserver:anoncvs@host`: no user before the colon and another colon after it is CVS's method syntax, not user:password.
  if (user === '' && password.includes(':')) return null;
  if (placeholderReason(secret) || placeholderReason(password) || identifiableFormatReason(password)) return null;
  // A SCREAMING_SNAKE name where the password goes (`crowdin://PROJECT_ID:API_TOKEN@...` in a DSN's documentation) names what belongs there.
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(password) && /[A-Z]{3}/.test(password)) return null;
  // A templated user (`${USER}:literal@host`) means the URL is a template, whatever stands in the password place.
  if (placeholderReason(user) && /^[$%{<[]/.test(user)) return null;
  const kind = hostKind(host);
  const s = strengthOf(password);
  const weak = weakPasswordReason(password) !== null || password.toLowerCase() === user.toLowerCase() || s.strength === 'weak';
  if (weak && kind !== 'remote') return null;
  const what = GIT_HOSTS.test(host) ? 'git remote URL (credential store line)' : DB_SCHEMES.test(scheme) ? `${scheme} connection URL` : `${scheme} URL`;
  let confidence: Verdict['confidence'];
  if (kind === 'remote') confidence = weak ? 'medium' : 'high';
  else if (kind === 'local') confidence = s.strength === 'random' ? 'medium' : 'low';
  else confidence = 'low';
  return { confidence, reason: `${what} with a ${weak ? 'weak ' : ''}password for ${kind} host` };
}

/**
 * `scheme://user:password@host` in any scheme (database URLs, HTTP basic
 * auth, proxies, AMQP, git remotes). The password may contain `@` when the
 * part after it cannot be a host, as in `p@ss!word@db.example.net`.
 */
const NOT_USERINFO = String.raw`\s:@/?#'"<>\\\[\]{}|^` + '`';
const PASSWORD_CHARS = String.raw`[^\s@/?#'"<>\\` + '`' + ']';
/** A segment between `@`s that cannot start a host[:port][,host...]: it holds a byte hosts never have. */
const AT_SEGMENT = String.raw`@${PASSWORD_CHARS}*[^\sA-Za-z0-9.:,_\[\]@/?#'"<>\\` + '`' + `-]${PASSWORD_CHARS}*`;

export const detector: Detector = {
  id: 'url-credentials',
  family: 'legacy-credential',
  provider: 'Generic',
  title: 'Password in a URL (scheme://user:password@host)',
  severity: 'high',
  tier: 'legacy',
  docs: 'https://datatracker.ietf.org/doc/html/rfc3986#section-3.2.1',
  revoke:
    'Change the password (or revoke the token) on the service the URL points to, then load the URL from a secret store; git history keeps the old one.',
  // `://` is in every URL; the pattern then needs `user:password@` right after it, which is rare, so RE2 rejects most windows at once.
  keywords: ['://'],
  pattern:
    String.raw`(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]+)://(?P<user>[^${NOT_USERINFO}]*):(?P<secret>${PASSWORD_CHARS}+?(?:${AT_SEGMENT})*)@(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9][A-Za-z0-9_.\-]*)`,
  alphabet: '',
  window: { before: 32, after: 440 },
  // The `@` of `user:password@` comes before the URL's first `/`, `?`, `#`, quote, `<>`, backslash, backtick or space.
  requires: { anyOf: '@', over: '^ \t\n\f\r/?#"\'<>\\`', within: 440 },
  validate: validateUrlCredentials,
};
