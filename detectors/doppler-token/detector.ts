import { shapeTokenDetector } from '../builders/shape-token.js';
import { CHARS } from '../builders/token-row.js';

export const detector = shapeTokenDetector(
  {
    id: 'doppler-token',
    family: 'doppler-token',
    provider: 'Doppler',
    title: 'Doppler API token',
    severity: 'critical',
    docs: 'https://docs.doppler.com/reference/api',
    revoke: 'Revoke the token in the Doppler dashboard (Tokens page for personal/CLI tokens, the config Access tab for service tokens, the service account for its tokens).',
  },
  {
    // dp.{ct,pt,sa,scim,audit}.<40-44 alnum>; service tokens may carry an
    // environment slug: dp.st.<slug>.<40-44 alnum>. `kind` is kept as context.
    keywords: ['dp.pt.', 'dp.ct.', 'dp.st.', 'dp.sa.', 'dp.scim.', 'dp.audit.'],
    pattern: '(?P<secret>dp\\.(?P<kind>pt|ct|sa|scim|audit|st(?:\\.[a-z0-9_-]{2,35})?)\\.[A-Za-z0-9]{40,44})',
    alphabet: 'A-Za-z0-9_',
    window: { before: 0, after: 90 },
    randomPart: ({ secret }) => secret.slice(secret.lastIndexOf('.') + 1),
    random: { alphabet: CHARS.base62.chars, minLength: 40, maxLength: 44 },
  },
);
