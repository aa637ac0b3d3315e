import { vercelTokenDetector } from '../vercel-personal-access-token/vercel-token.js';

/** `vci_` + 50 characters + CRC-32 in base62 (see vercel-personal-access-token/vercel-token.ts). */
export const detector = vercelTokenDetector('vci_', {
  id: 'vercel-integration-token',
  title: 'Vercel integration access token',
  severity: 'high',
  docs: 'https://vercel.com/changelog/new-token-formats-and-secret-scanning',
  revoke: 'Remove the integration\'s access (Settings > Integrations) or have the integration owner rotate its token; reinstall to issue a new one.',
});
