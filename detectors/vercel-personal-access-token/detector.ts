import { vercelTokenDetector } from './vercel-token.js';

/** `vcp_` + 50 characters + CRC-32 in base62 (see vercel-personal-access-token/vercel-token.ts). */
export const detector = vercelTokenDetector('vcp_', {
  id: 'vercel-personal-access-token',
  title: 'Vercel personal access token',
  severity: 'critical',
  docs: 'https://vercel.com/docs/accounts/access-tokens',
  revoke: 'Delete the token at https://vercel.com/account/tokens (or with `vercel tokens rm`) and create a new one; Vercel also revokes tokens it is told leaked.',
});
