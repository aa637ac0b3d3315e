import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * Groq API stand-in. The model list follows the example of
 * https://console.groq.com/docs/api-reference#models-list (an OpenAI-style
 * `{"object":"list","data":[...]}`); the 401 body is Groq's OpenAI-style
 * error for an unknown or deleted key (https://console.groq.com/docs/errors).
 */
export const GROQ_INVALID_KEY: StandInReply = {
  status: 401,
  body: { error: { message: 'Invalid API Key', type: 'invalid_request_error', code: 'invalid_api_key' } },
};

export const groqRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/openai/v1/models',
    credential: bearerCredential,
    live: () => ({
      status: 200,
      body: {
        object: 'list',
        data: [
          { id: 'llama-3.3-70b-versatile', object: 'model', created: 1733447754, owned_by: 'Meta', active: true, context_window: 32768 },
          { id: 'whisper-large-v3', object: 'model', created: 1693721698, owned_by: 'OpenAI', active: true, context_window: 448 },
        ],
      },
    }),
    revoked: () => GROQ_INVALID_KEY,
  },
];
