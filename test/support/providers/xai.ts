import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * xAI API stand-in. The `/v1/api-key` body follows the example of
 * https://docs.x.ai/docs/api-reference#api-key; xAI answers an unknown key
 * with 400 (`"Bad request. The request is invalid or an invalid API key is
 * provided."` in the reference) and an `error` naming the key shortened.
 */
export const XAI_INCORRECT_KEY: StandInReply = {
  status: 400,
  body: { code: 'Client specified an invalid argument', error: 'Incorrect API key provided: xa***Qz. You can obtain an API key from https://console.x.ai.' },
};

export function xaiKeyInfo(overrides: Record<string, unknown> = {}): StandInReply {
  return {
    status: 200,
    body: {
      redacted_api_key: 'xai-...b14o',
      user_id: '59fbe5f2-040b-46d5-8325-868bb8f23eb2',
      name: 'My API Key',
      create_time: '2024-01-01T12:55:18.139305Z',
      modify_time: '2024-08-28T17:20:12.343321Z',
      modified_by: '3d38b4dc-4eb7-4785-ae26-c3fa8997ffc7',
      team_id: '5ea6f6bd-7815-4b8a-9135-28b2d7ba6722',
      acls: ['api-key:model:*', 'api-key:endpoint:*'],
      api_key_id: 'ae1e1841-4326-4b36-a8a9-8a1a7237db11',
      team_blocked: false,
      api_key_blocked: false,
      api_key_disabled: false,
      ...overrides,
    },
  };
}

export const xaiRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/v1/api-key',
    credential: bearerCredential,
    live: () => xaiKeyInfo(),
    revoked: () => XAI_INCORRECT_KEY,
  },
];
