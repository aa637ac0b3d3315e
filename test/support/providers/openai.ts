import { bearerCredential, type RecordedRequest, type StandInRoute } from '../provider-stand-in.js';

/**
 * OpenAI API stand-in. The live bodies follow the examples of
 * https://platform.openai.com/docs/api-reference/models/list and
 * https://platform.openai.com/docs/api-reference/admin-api-keys/list;
 * responses carry the `openai-organization` header. An unknown key gets
 * OpenAI's 401 `invalid_api_key` error (https://platform.openai.com/docs/guides/error-codes),
 * which shows the key masked.
 */
function masked(key: string): string {
  return `${key.slice(0, 8)}${'*'.repeat(20)}${key.slice(-4)}`;
}

function invalidKey(request: RecordedRequest) {
  const key = bearerCredential(request) ?? '';
  return {
    status: 401,
    body: {
      error: {
        message: `Incorrect API key provided: ${masked(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      },
    },
  };
}

const ORGANIZATION = { 'openai-organization': 'org-acme-research' };

export const openaiRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/v1/models',
    credential: bearerCredential,
    live: () => ({
      status: 200,
      headers: ORGANIZATION,
      body: {
        object: 'list',
        data: [
          { id: 'model-id-0', object: 'model', created: 1686935002, owned_by: 'organization-owner' },
          { id: 'model-id-1', object: 'model', created: 1686935002, owned_by: 'openai' },
        ],
      },
    }),
    revoked: invalidKey,
  },
  {
    method: 'GET',
    path: '/v1/organization/admin_api_keys',
    credential: bearerCredential,
    live: () => ({
      status: 200,
      headers: ORGANIZATION,
      body: {
        object: 'list',
        data: [
          {
            object: 'organization.admin_api_key',
            id: 'key_abc',
            name: 'Main Admin Key',
            redacted_value: 'sk-admin...def',
            created_at: 1711471533,
            last_used_at: 1711471534,
            owner: { type: 'service_account', object: 'organization.service_account', id: 'sa_456', name: 'My Service Account', created_at: 1711471533, role: 'member' },
          },
        ],
        first_id: 'key_abc',
        last_id: 'key_abc',
        has_more: false,
      },
    }),
    revoked: invalidKey,
  },
];
