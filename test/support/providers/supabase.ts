import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * Supabase Management API stand-in. The live body follows the response of
 * https://supabase.com/docs/reference/api/v1-list-all-organizations (a list
 * of `{id, name}`); the 401 body is the Management API's answer to a bearer
 * token it does not know.
 */
export const SUPABASE_UNAUTHORIZED: StandInReply = { status: 401, body: { message: 'Unauthorized' } };

export const supabaseRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/v1/organizations',
    credential: bearerCredential,
    live: () => ({ status: 200, body: [{ id: 'vercel_icfg_acme', name: 'Acme Analytics' }, { id: 'xqkcrwvbnmsdpoiu', name: 'acme-staging' }] }),
    revoked: () => SUPABASE_UNAUTHORIZED,
  },
];
