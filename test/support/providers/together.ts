import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * Together AI stand-in. `GET /v1/models` answers a bare JSON array of models,
 * as in the example of https://docs.together.ai/reference/models-1; the 401
 * body is Together's OpenAI-compatible error for an unknown or deleted key
 * (code `invalid_api_key`; status 401 "Invalid Authentication" in
 * https://docs.together.ai/docs/error-codes).
 */
export const TOGETHER_INVALID_KEY: StandInReply = {
  status: 401,
  body: {
    error: {
      message: 'Invalid API key provided. You can find your API key at https://api.together.xyz/settings/api-keys.',
      type: 'invalid_request_error',
      param: null,
      code: 'invalid_api_key',
    },
  },
};

export const togetherRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/v1/models',
    credential: bearerCredential,
    live: () => ({
      status: 200,
      body: [
        {
          id: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
          object: 'model',
          created: 1733461696,
          type: 'chat',
          display_name: 'Meta Llama 3.3 70B Instruct Turbo',
          organization: 'Meta',
          context_length: 131072,
        },
      ],
    }),
    revoked: () => TOGETHER_INVALID_KEY,
  },
];
