import type { Candidate, Detector, Verdict } from '../types.js';
import { caseless } from '../builders/ascii-caseless.js';
import { strengthOf } from '../builders/entropy.js';
import { identifiableFormatReason, placeholderReason, weakPasswordReason } from '../builders/placeholder.js';

export function validatePypirc({ secret, groups, matchText }: Candidate): Verdict | null {
  const section = groups['section'] ?? '';
  // The section is an index server: named like one, or pointing at one.
  if (!/pypi/i.test(section) && !/^[ \t]*repository[ \t]*[=:].*(?:pypi|\/simple|\/legacy|devpi|nexus|artifactory)/im.test(matchText)) return null;
  if (/^distutils$/i.test(section)) return null;
  if (placeholderReason(secret) || identifiableFormatReason(secret)) return null;
  const s = strengthOf(secret);
  const weak = s.strength === 'weak' || weakPasswordReason(secret) !== null;
  const user = groups['user'];
  return {
    confidence: weak ? 'low' : s.strength === 'fair' ? 'medium' : 'high',
    reason: `.pypirc [${section}] password${user ? ` for ${user}` : ''} (${weak ? 'weak' : s.strength})`,
  };
}

export const detector: Detector = {
  id: 'pypirc-password',
  family: 'legacy-credential',
  provider: 'Python Package Index',
  title: '.pypirc index server password',
  severity: 'high',
  tier: 'legacy',
  docs: 'https://packaging.python.org/en/latest/specifications/pypirc/',
  revoke: 'Change the account password or revoke the API token on the index (PyPI: Account settings > API tokens); use trusted publishing or keyring instead.',
  keywords: ['pypi'],
  keywordsIgnoreCase: true,
  pattern:
    String.raw`\[(?P<section>[^\]\r\n]+)\][ \t]*\r?\n(?:[ \t]*(?:${caseless('username')}[ \t]*[=:][ \t]*(?P<user>[^\s]+)|[#;][^\r\n]*|[A-Za-z_\-]+[ \t]*[=:][^\r\n]*|)[ \t]*\r?\n)*?[ \t]*${caseless('password')}[ \t]*[=:][ \t]*(?P<secret>[^\s]+)`,
  alphabet: '',
  window: { before: 1200, after: 1200 },
  validate: validatePypirc,
};
