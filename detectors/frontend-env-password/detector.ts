import type { Candidate, Detector, Verdict } from '../types.js';
import { strengthOf } from '../builders/entropy.js';
import { codeReason, placeholderReason, standInReason } from '../builders/placeholder.js';
import { isPasswordKey } from '../password-assignment/detector.js';

/**
 * A password in a variable that front-end build tools compile into the
 * JavaScript bundle (`REACT_APP_`, `VITE_`, `NEXT_PUBLIC_`, `VUE_APP_`,
 * `GATSBY_`, `EXPO_PUBLIC_`): every visitor of the site downloads it. So a
 * weak or dictionary password is reported too (password-assignment leaves
 * those alone elsewhere); placeholders and stand-ins are not.
 */
const PREFIXES = ['REACT_APP_', 'VITE_', 'NEXT_PUBLIC_', 'VUE_APP_', 'GATSBY_', 'EXPO_PUBLIC_'];

export function validateFrontendPassword({ secret, groups }: Candidate): Verdict | null {
  const key = groups['key'] ?? '';
  if (secret.length < 6 || secret.length > 200 || !isPasswordKey(key)) return null;
  if (placeholderReason(secret) || standInReason(secret) || codeReason(secret)) return null;
  const s = strengthOf(secret);
  return {
    confidence: s.strength === 'weak' ? 'low' : 'medium',
    reason: `${s.strength === 'weak' ? 'weak ' : ''}password in ${key}, which the front-end build compiles into the JavaScript every visitor downloads`,
  };
}

export const detector: Detector = {
  id: 'frontend-env-password',
  family: 'legacy-credential',
  provider: 'Generic',
  title: 'Password in a front-end build variable (REACT_APP_, VITE_, NEXT_PUBLIC_ ...)',
  severity: 'medium',
  tier: 'legacy',
  docs: 'https://create-react-app.dev/docs/adding-custom-environment-variables/',
  revoke: 'Change the password, remove it from the front-end build (it is public in every bundle already served), and authenticate through a backend instead.',
  keywords: PREFIXES,
  pattern: String.raw`(?P<key>(?:REACT_APP|VITE|NEXT_PUBLIC|VUE_APP|GATSBY|EXPO_PUBLIC)_[A-Z0-9_]*(?:PASSWORD|PASSWD|PASS|PWD)[A-Z0-9_]*)[ \t]*[=:][ \t]*["']?(?P<secret>[^\s"'#]+)`,
  alphabet: '',
  window: { before: 0, after: 260 },
  // The rest of an upper-case name, then `=` or `:`.
  requires: { anyOf: '=:', over: 'A-Z0-9_ \t', within: 80 },
  validate: validateFrontendPassword,
};
