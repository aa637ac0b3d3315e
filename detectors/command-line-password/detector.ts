import type { Candidate, Detector, Verdict } from '../types.js';
import { caseless } from '../builders/ascii-caseless.js';
import { strengthOf } from '../builders/entropy.js';
import { codeReason, identifiableFormatReason, placeholderReason, standInReason, weakPasswordReason } from '../builders/placeholder.js';

/**
 * A password given with a user name on the command line of a remote
 * administration tool: Sysinternals PsExec (`-u user -p password`) and
 * PowerCLI's Connect-VIServer (`-User user -Password password`). The command
 * says what the value is, so a weak password is still reported (with low
 * confidence); variables, placeholders and stand-ins (`mypass`) are not.
 */
const VALUE = String.raw`"?(?P<secret>[^\s"'\x60]+)"?`;
const USER = String.raw`(?P<user>"[^"\r\n]+"|'[^'\r\n]+'|[^\s"']+)`;

export function validateCommandLinePassword({ secret, groups, matchText }: Candidate): Verdict | null {
  if (secret.length < 4 || secret.length > 128 || secret.startsWith('-')) return null;
  const user = (groups['user'] ?? '').replace(/^["']|["']$/g, '');
  if (placeholderReason(secret) || standInReason(secret) || identifiableFormatReason(secret) || codeReason(secret)) return null;
  if (/^[$%@{<]/.test(user)) return null;
  const tool = /^psexec/i.test(matchText) ? 'PsExec' : 'Connect-VIServer';
  const s = strengthOf(secret);
  const weak = s.strength === 'weak' || weakPasswordReason(secret) !== null;
  return { confidence: weak ? 'low' : 'medium', reason: `${weak ? 'weak ' : ''}password for user "${user}" on a ${tool} command line` };
}

export const detector: Detector = {
  id: 'command-line-password',
  family: 'legacy-credential',
  provider: 'Generic',
  title: 'Password on a remote administration command line (PsExec, PowerCLI)',
  severity: 'high',
  tier: 'legacy',
  docs: 'https://learn.microsoft.com/sysinternals/downloads/psexec',
  revoke: 'Change the account’s password on the target machine or vCenter, then pass credentials from a vault (`-Credential`, a prompt) instead of the command line.',
  keywords: ['psexec', 'connect-viserver'],
  keywordsIgnoreCase: true,
  // The tool, anything on the same line, then the user flag and the password flag (`-u`/`-p` or `-User`/`-Password`).
  pattern:
    String.raw`(?:${caseless('psexec')}(?:64)?(?:\.exe)?|${caseless('connect-viserver')})[^\r\n]*?[ \t]-(?:${caseless('user')}|[Uu])[ \t]+${USER}` +
    String.raw`[ \t]+-(?:${caseless('password')}|[Pp])[ \t]+${VALUE}`,
  alphabet: '',
  window: { before: 0, after: 400 },
  validate: validateCommandLinePassword,
};
