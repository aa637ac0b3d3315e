import type { Candidate, Detector, Verdict } from '../types.js';
import { strengthOf } from '../builders/entropy.js';
import { isPrintableAscii, placeholderReason, standInReason, weakPasswordReason } from '../builders/placeholder.js';

/**
 * A password FileZilla stored for a site (sitemanager.xml, recentservers.xml,
 * filezilla.xml): `<Pass encoding="base64">…</Pass>` since FileZilla 3.26,
 * `<Pass>…</Pass>` in clear before. Base64 is an encoding, not protection:
 * the file is the password. A weak password is still the site's password
 * (low confidence); a placeholder is not. `encoding="crypt"` (protected by
 * FileZilla's master password) is not reported.
 */
export function validateFilezillaPassword({ secret, groups }: Candidate): Verdict | null {
  const encoding = groups['encoding'];
  let password = secret;
  if (encoding === 'base64') {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(secret) || secret.length % 4 !== 0) return null;
    // FileZilla encodes the UTF-8 password; a trailing line break is the editor's, not the password's.
    const text = Buffer.from(secret, 'base64').toString('utf8').replace(/\r?\n$/, '');
    if (text.length === 0 || !isPrintableAscii(text.replace(/[^\x00-\x7f]/g, 'a'))) return null;
    password = text;
  } else if (encoding !== undefined && encoding !== 'plain') {
    return null;
  }
  if (password.length > 256 || placeholderReason(password) || standInReason(password)) return null;
  const s = strengthOf(password);
  const weak = s.strength === 'weak' || weakPasswordReason(password) !== null;
  return {
    confidence: weak ? 'low' : 'high',
    reason: `FileZilla stored site password (${encoding === 'base64' ? 'base64, not encrypted' : 'in clear'}): ${weak ? 'weak' : s.strength}`,
  };
}

export const detector: Detector = {
  id: 'filezilla-stored-password',
  family: 'legacy-credential',
  provider: 'FileZilla',
  title: 'FileZilla stored site password (sitemanager.xml, recentservers.xml)',
  severity: 'high',
  tier: 'legacy',
  docs: 'https://wiki.filezilla-project.org/Sitemanager.xml',
  revoke:
    'Change the password on the FTP/SFTP server (FileZilla stores it unencrypted unless a master password is set), and keep FileZilla\'s configuration files out of repositories.',
  keywords: ['<Pass>', '<Pass '],
  pattern: String.raw`<Pass(?:[ \t]+encoding="(?P<encoding>[A-Za-z0-9]+)")?>(?P<secret>[^<\r\n]+)</Pass>`,
  alphabet: '',
  window: { before: 0, after: 560 },
  validate: validateFilezillaPassword,
};
