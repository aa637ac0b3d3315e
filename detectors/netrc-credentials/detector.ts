import type { Candidate, Detector, Verdict } from '../types.js';
import { strengthOf } from '../builders/entropy.js';
import { hostKind, identifiableFormatReason, placeholderReason, weakPasswordReason } from '../builders/placeholder.js';

export function validateNetrc({ secret, groups }: Candidate): Verdict | null {
  if (secret.length > 256) return null;
  const host = groups['host'] ?? '';
  const user = groups['user'];
  // Prose ("log into the machine with password ...") has no host name and no login.
  const hostLike = /[.:]/.test(host) || /^localhost$/i.test(host);
  if (!hostLike && user === undefined) return null;
  if (placeholderReason(secret) || identifiableFormatReason(secret)) return null;
  if (user !== undefined && placeholderReason(user) && /^[$%{<[]/.test(user)) return null;
  const kind = hostKind(host);
  const s = strengthOf(secret);
  const weak = s.strength === 'weak' || weakPasswordReason(secret) !== null;
  if (weak && kind !== 'remote') return null;
  const confidence: Verdict['confidence'] = weak ? 'low' : kind === 'remote' ? 'high' : 'medium';
  return { confidence, reason: `.netrc entry for ${kind} host ${host} with a ${weak ? 'weak' : s.strength} password` };
}

/** Tokens are separated by any whitespace, or by `\n` escapes when the file sits inside a string literal. */
const SEP = String.raw`(?:\s|\\[nt])+`;
/** Printable ASCII except quotes and backslash: binary files (`.pyc`) hold the words but not a token after them. */
const TOKEN = String.raw`[!#-&(-\[\]-~]`;

export const detector: Detector = {
  id: 'netrc-credentials',
  family: 'legacy-credential',
  provider: 'Generic',
  title: '.netrc machine credentials',
  severity: 'high',
  tier: 'legacy',
  docs: 'https://www.gnu.org/software/inetutils/manual/html_node/The-_002enetrc-file.html',
  revoke: 'Change the password or revoke the token on the named machine, and keep .netrc files out of repositories and images.',
  keywords: ['machine'],
  pattern:
    String.raw`machine${SEP}(?P<host>${TOKEN}+)(?:${SEP}login${SEP}(?P<user>${TOKEN}+))?(?:${SEP}(?:account|port)${SEP}${TOKEN}+)*${SEP}password${SEP}(?P<secret>${TOKEN}+)`,
  alphabet: '',
  window: { before: 0, after: 760 },
  // `machine` then SEP: whitespace or a literal `\n`/`\t` escape.
  requires: { anyOf: ' \t\n\f\r\\', over: '', within: 1 },
  validate: validateNetrc,
};
