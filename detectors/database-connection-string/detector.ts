import type { Candidate, Detector, Verdict } from '../types.js';
import { caselessAny } from '../builders/ascii-caseless.js';
import { strengthOf } from '../builders/entropy.js';
import { hostKind, identifiableFormatReason, placeholderReason, weakPasswordReason } from '../builders/placeholder.js';

/** Keys that make a `key=value;...` string a database connection string (ADO.NET, ODBC, OLE DB, libpq, Npgsql). */
const SERVER_KEYS = /(?:^|[;\s"'])(?:server|data source|datasource|host|hostaddr|hostname|address|addr|network address|dsn|driver|provider|initial catalog|database|dbname|db)[ \t]*=/i;
const USER_KEY = /(?:^|[;\s"'])(?:user id|userid|uid|user|username|user name)[ \t]*=[ \t]*([^;'"\s]*)/i;
const HOST_KEY = /(?:^|[;\s"'])(?:server|data source|datasource|host|hostaddr|hostname|address|addr|network address)[ \t]*=[ \t]*(?:tcp:)?([^;'"\s,\\]*)/i;

export function validateConnectionString({ secret, matchText }: Candidate): Verdict | null {
  if (secret.length > 160) return null;
  if (!SERVER_KEYS.test(matchText)) return null;
  // Two or more other pairs, so a lone `password=x` (left to password-assignment) is not enough.
  const pairs = matchText.split(/[;\s]+/).filter((p) => /^[A-Za-z][A-Za-z _]*=/.test(p.trim())).length;
  if (pairs < 3 && !/;/.test(matchText)) return null;
  if (placeholderReason(secret) || identifiableFormatReason(secret)) return null;
  const user = USER_KEY.exec(matchText)?.[1] ?? '';
  const host = HOST_KEY.exec(matchText)?.[1] ?? '';
  const kind = host ? hostKind(host) : 'remote';
  const s = strengthOf(secret);
  const weak = s.strength === 'weak' || weakPasswordReason(secret) !== null || secret.toLowerCase() === user.toLowerCase();
  if (weak && kind !== 'remote') return null;
  const confidence: Verdict['confidence'] = weak ? 'low' : kind === 'remote' ? (s.strength === 'fair' ? 'medium' : 'high') : 'medium';
  return { confidence, reason: `connection string with a ${weak ? 'weak ' : ''}${s.strength === 'weak' ? '' : `${s.strength} `}password for ${kind} server` };
}

/** Unbounded repetitions: RE2 caps counted ones, and the window bounds the match anyway. One `key=value;` pair of an ADO.NET/ODBC string, or one `key=value ` pair of a libpq string. */
const PAIR = String.raw`(?:[A-Za-z][A-Za-z0-9 _]*[ \t]*=[ \t]*[^;'"\r\n]*;[ \t]*|[A-Za-z_]+=[^\s;'"]*[ \t]+)`;

export const detector: Detector = {
  id: 'database-connection-string',
  family: 'legacy-credential',
  provider: 'Generic',
  title: 'Password in a database connection string (Server=...;Password=...)',
  severity: 'high',
  tier: 'legacy',
  docs: 'https://learn.microsoft.com/dotnet/framework/data/adonet/connection-string-syntax',
  revoke:
    'Change the database login password, then read the connection string from a secret store or managed identity; history keeps the old one.',
  keywords: ['password', 'pwd'],
  keywordsIgnoreCase: true,
  pattern:
    String.raw`(?:${PAIR})*\b${caselessAny(['password', 'pwd'])}[ \t]*=[ \t]*(?P<secret>[^;'"\s]+)(?:;[ \t]*[A-Za-z][A-Za-z0-9 _]*[ \t]*=[^;'"\r\n]*)*`,
  alphabet: '',
  window: { before: 480, after: 720 },
  // `password[ \t]*=`.
  requires: { anyOf: '=', over: ' \t', within: 720 },
  validate: validateConnectionString,
};
