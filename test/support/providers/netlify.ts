import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * Netlify API stand-in. The user body follows the `user` schema of
 * https://open-api.netlify.com/#tag/user/operation/getCurrentUser (`id`,
 * `uid`, `full_name`, `email`, `site_count`, ...); the 401 body is Netlify's
 * small JSON error (`code`, `message`) for a token it does not know.
 */
export const NETLIFY_UNAUTHORIZED: StandInReply = { status: 401, body: { code: 401, message: 'Access Denied: Invalid token supplied' } };

export const netlifyRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/api/v1/user',
    credential: bearerCredential,
    live: () => ({
      status: 200,
      body: {
        id: '5a3e0d3b8198f5e1f1e8c7b2',
        uid: 'f1e8c7b2',
        full_name: 'Ada Lovelace',
        avatar_url: null,
        email: 'ada@example.com',
        affiliate_id: '',
        site_count: 3,
        created_at: '2020-03-01T10:00:00.000Z',
        last_login: '2025-04-01T08:30:00.000Z',
        login_providers: ['github'],
        onboarding_progress: { slides: 'done' },
      },
    }),
    revoked: () => NETLIFY_UNAUTHORIZED,
  },
];
