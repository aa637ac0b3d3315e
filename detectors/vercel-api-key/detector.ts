import { vercelTokenDetector } from '../vercel-personal-access-token/vercel-token.js';

/** `vck_` + 50 characters + CRC-32 in base62 (see vercel-personal-access-token/vercel-token.ts). */
export const detector = vercelTokenDetector('vck_', {
  id: 'vercel-api-key',
  title: 'Vercel API key (AI Gateway)',
  severity: 'high',
  docs: 'https://vercel.com/docs/ai-gateway/authentication-and-byok/authentication',
  revoke: 'Delete the key in the Vercel dashboard (AI Gateway > API Keys) and create a new one.',
});
