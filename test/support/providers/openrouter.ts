import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * OpenRouter stand-in. The `data` body follows the example of
 * https://openrouter.ai/docs/api/api-reference/api-keys/get-current-key;
 * the 401 body is OpenRouter's error shape (`{"error":{"code","message"}}`,
 * https://openrouter.ai/docs/api-reference/errors) for a key it does not know.
 */
export const OPENROUTER_UNKNOWN_KEY: StandInReply = { status: 401, body: { error: { message: 'User not found.', code: 401 } } };

export const openrouterRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/api/v1/key',
    credential: bearerCredential,
    live: () => ({
      status: 200,
      body: {
        data: {
          label: 'ci-pipeline',
          limit: 100,
          usage: 25.5,
          usage_daily: 1.2,
          is_free_tier: false,
          is_provisioning_key: false,
          limit_remaining: 74.5,
          limit_reset: 'monthly',
          creator_user_id: 'user_2dHFtVWx2n56w6HkM0000000000',
        },
      },
    }),
    revoked: () => OPENROUTER_UNKNOWN_KEY,
  },
];
