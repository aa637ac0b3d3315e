import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * ElevenLabs API stand-in. ElevenLabs reads the key from the `xi-api-key`
 * header. The user body follows https://elevenlabs.io/docs/api-reference/user/get
 * (shortened: `subscription`, `user_id`, `first_name`, and `xi_api_key`,
 * which echoes the key, so the harness's no-echo test bites); errors are
 * ElevenLabs' `{"detail":{"status","message"}}` bodies: `invalid_api_key`
 * for an unknown or deleted key, `missing_permissions` for a valid key not
 * allowed to read the user.
 */
export const ELEVENLABS_INVALID_KEY: StandInReply = { status: 401, body: { detail: { status: 'invalid_api_key', message: 'Invalid API key' } } };
export const ELEVENLABS_MISSING_PERMISSIONS: StandInReply = {
  status: 401,
  body: { detail: { status: 'missing_permissions', message: 'The API key you used is missing the permission user_read to execute this operation.' } },
};

/** `xi-api-key: <key>` → key. */
export function xiApiKeyCredential(request: RecordedRequest): string | undefined {
  return request.headers['xi-api-key'] || undefined;
}

export const elevenlabsRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/v1/user',
    credential: xiApiKeyCredential,
    live: (_request, credential) => ({
      status: 200,
      body: {
        subscription: { tier: 'creator', character_count: 17231, character_limit: 100000, can_extend_character_limit: true, status: 'active' },
        is_new_user: false,
        xi_api_key: credential,
        can_use_delayed_payment_methods: false,
        is_onboarding_completed: true,
        first_name: 'Mira',
        user_id: 'pQ9x2LmT4vYb8RcK1sNd',
      },
    }),
    revoked: () => ELEVENLABS_INVALID_KEY,
  },
];
