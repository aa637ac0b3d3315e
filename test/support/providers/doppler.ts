import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * Doppler API stand-in. The `/v3/me` body follows
 * https://docs.doppler.com/reference/auth-me (`workplace`, `type`, `name`,
 * `slug`, `token_preview`, `created_at`, `last_seen_at`); the 401 body is
 * Doppler's error shape (`messages` list, `success: false`,
 * https://docs.doppler.com/reference/api#errors) for an invalid token.
 */
export const DOPPLER_INVALID_TOKEN: StandInReply = { status: 401, body: { messages: ['Invalid Auth token'], success: false } };

export const dopplerRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/v3/me',
    credential: bearerCredential,
    live: () => ({
      status: 200,
      body: {
        workplace: { slug: 'acme-7c2e', name: 'Acme' },
        type: 'personal',
        token_preview: 'dp.pt.abc...',
        slug: '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0',
        created_at: '2024-03-01T10:00:00.000Z',
        name: 'laptop-cli',
        last_seen_at: '2024-05-01T10:00:00.000Z',
      },
    }),
    revoked: () => DOPPLER_INVALID_TOKEN,
  },
];

/**
 * https://docs.doppler.com/reference/auth-revoke: `POST /v3/auth/revoke` with
 * `{"token"}`, authenticated by that token; `{"success": true}`, then the token
 * is dead. The stand-in takes the token only when the body names the bearer.
 */
export const dopplerRevocationRoutes: StandInRoute[] = [
  {
    method: 'POST',
    path: '/v3/auth/revoke',
    credential: (request) => {
      const bearer = bearerCredential(request);
      try {
        return bearer !== undefined && (JSON.parse(request.body) as { token?: unknown }).token === bearer ? bearer : undefined;
      } catch {
        return undefined;
      }
    },
    revokes: true,
    live: () => ({ status: 200, body: { success: true } }),
    revoked: () => DOPPLER_INVALID_TOKEN,
  },
];
