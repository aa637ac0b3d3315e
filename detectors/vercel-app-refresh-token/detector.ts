import { vercelTokenDetector } from '../vercel-personal-access-token/vercel-token.js';

/** `vcr_` + 50 characters + CRC-32 in base62 (see vercel-personal-access-token/vercel-token.ts). */
export const detector = vercelTokenDetector('vcr_', {
  id: 'vercel-app-refresh-token',
  title: 'Vercel app (Sign in with Vercel) refresh token',
  severity: 'high',
  docs: 'https://vercel.com/docs/sign-in-with-vercel/tokens',
  revoke: 'Revoke it at the Vercel authorization server\'s revoke endpoint (POST /login/oauth/token/revoke) with the app\'s client credentials, and have the user sign in again.',
});
