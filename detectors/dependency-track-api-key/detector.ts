import type { Candidate, Detector, Verdict } from '../types.js';
import { CHARS } from '../builders/token-row.js';
import { placeholderJudge } from '../builders/placeholder-token.js';

/**
 * OWASP Dependency-Track API key: `odt_` + 32 letters and digits (longer
 * bodies occur too). Dependency-Track documents where keys are made (a team's
 * API keys) but not their shape, which comes from its key generator and
 * other scanners' rules; legacy tier until the shape is documented.
 */
const judge = placeholderJudge({ alphabet: CHARS.base62.chars, minLength: 32, maxLength: 40 });

export function validateDependencyTrackKey({ secret }: Candidate): Verdict | null {
  if (secret.length > 44 || judge.reason(secret.slice(4)) !== null) return null;
  return { confidence: 'high', reason: 'odt_ + 32 or more letters and digits (Dependency-Track API key shape)' };
}

export const detector: Detector = {
  id: 'dependency-track-api-key',
  family: 'dependency-track-api-key',
  provider: 'OWASP Dependency-Track',
  title: 'Dependency-Track API key',
  severity: 'high',
  tier: 'legacy',
  docs: 'https://docs.dependencytrack.org/integrations/rest-api/',
  revoke: 'Delete the key under Administration > Access Management > Teams (the team’s API keys) in Dependency-Track and generate a new one.',
  keywords: ['odt_'],
  pattern: String.raw`(?P<secret>odt_[A-Za-z0-9]{32,40})`,
  alphabet: 'A-Za-z0-9_',
  window: { before: 0, after: 44 },
  validate: validateDependencyTrackKey,
};
