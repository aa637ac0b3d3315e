import type { Candidate, Detector, Verdict } from '../types.js';
import { strengthOf } from '../builders/entropy.js';
import { decodeBase64, identifiableFormatReason, isPrintableAscii, placeholderReason, weakPasswordReason } from '../builders/placeholder.js';

export function validateDockerAuth({ secret, groups }: Candidate): Verdict | null {
  if (secret.length < 8 || secret.length > 512) return null;
  const plain = decodeBase64(secret);
  if (plain === null || !isPrintableAscii(plain)) return null;
  const colon = plain.indexOf(':');
  if (colon <= 0) return null;
  const user = plain.slice(0, colon);
  const password = plain.slice(colon + 1);
  if (password.length === 0 || placeholderReason(password) || identifiableFormatReason(password)) return null;
  if (placeholderReason(user) && /^[$%{<[]/.test(user)) return null;
  const registry = groups['registry'];
  const s = strengthOf(password);
  const weak = s.strength === 'weak' || weakPasswordReason(password) !== null;
  return {
    confidence: weak ? 'low' : s.strength === 'fair' ? 'medium' : 'high',
    reason: `Docker config auth (base64 user:password)${registry ? ` for ${registry}` : ''}, ${weak ? 'weak' : s.strength} password`,
  };
}

/** Quotes may be escaped when the config sits inside a JSON or YAML string (Kubernetes dockerconfigjson stringData). */
const Q = String.raw`\\?"`;

export const detector: Detector = {
  id: 'docker-config-auths',
  family: 'legacy-credential',
  provider: 'Docker',
  title: 'Registry credentials in a Docker config.json "auths" entry',
  severity: 'high',
  tier: 'legacy',
  docs: 'https://docs.docker.com/reference/cli/docker/login/#credential-stores',
  revoke:
    'Change the registry password or revoke the access token (Docker Hub: Account settings > Personal access tokens), then use a credential helper instead of config.json.',
  keywords: ['"auth"', '\\"auth\\"'],
  pattern:
    String.raw`(?:${Q}(?P<registry>[^"\\\s]+)${Q}[ \t]*:[ \t]*\{\s*(?:${Q}[A-Za-z]+${Q}[ \t]*:[ \t]*${Q}[^"\\]*${Q}[ \t]*,\s*)*)?` +
    String.raw`${Q}auth${Q}[ \t]*:[ \t]*${Q}(?P<secret>[A-Za-z0-9+/]+={0,2})${Q}`,
  alphabet: '',
  window: { before: 800, after: 560 },
  validate: validateDockerAuth,
};
