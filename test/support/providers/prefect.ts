import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * Prefect Cloud `GET /api/me/` stand-in. The user body has the fields of a
 * Prefect Cloud user (`id`, `actor_id`, `handle`, `first_name`, `last_name`,
 * `email`); the 401 body is the one Prefect documents for missing, incorrect
 * or expired API keys (https://docs.prefect.io/v3/how-to-guides/cloud/troubleshoot-cloud#cloud).
 */
export const PREFECT_INVALID_CREDENTIALS: StandInReply = { status: 401, body: { detail: 'Invalid authentication credentials' } };

export const PREFECT_ME: StandInReply = {
  status: 200,
  body: {
    id: '8b4c2f7e-3a1d-4e5f-9a6b-0c1d2e3f4a5b',
    actor_id: '1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b',
    handle: 'marvin',
    first_name: 'Marvin',
    last_name: 'Android',
    email: 'marvin@example.com',
  },
};

export const prefectRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/api/me/',
    credential: bearerCredential,
    live: () => PREFECT_ME,
    revoked: () => PREFECT_INVALID_CREDENTIALS,
  },
];
