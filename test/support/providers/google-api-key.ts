import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * Generative Language API stand-in (Google API keys). The models body follows
 * https://ai.google.dev/api/models#method:-models.list; the errors follow
 * Google's error model (https://cloud.google.com/apis/design/errors) with the
 * ErrorInfo reasons Google gives for API keys: API_KEY_INVALID (400) for an
 * unknown or deleted key, SERVICE_DISABLED and API_KEY_SERVICE_BLOCKED (403)
 * for a valid key refused this API.
 */
const ERROR_INFO = 'type.googleapis.com/google.rpc.ErrorInfo';
const SERVICE = 'generativelanguage.googleapis.com';

export const GOOGLE_KEY_INVALID: StandInReply = {
  status: 400,
  body: {
    error: {
      code: 400,
      message: 'API key not valid. Please pass a valid API key.',
      status: 'INVALID_ARGUMENT',
      details: [
        { '@type': ERROR_INFO, reason: 'API_KEY_INVALID', domain: 'googleapis.com', metadata: { service: SERVICE } },
        { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message: 'API key not valid. Please pass a valid API key.' },
      ],
    },
  },
};

export const GOOGLE_SERVICE_DISABLED: StandInReply = {
  status: 403,
  body: {
    error: {
      code: 403,
      message:
        'Generative Language API has not been used in project 123456789012 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/generativelanguage.googleapis.com/overview?project=123456789012 then retry.',
      status: 'PERMISSION_DENIED',
      details: [
        {
          '@type': ERROR_INFO,
          reason: 'SERVICE_DISABLED',
          domain: 'googleapis.com',
          metadata: { service: SERVICE, consumer: 'projects/123456789012', containerInfo: '123456789012', serviceTitle: 'Generative Language API' },
        },
      ],
    },
  },
};

export const GOOGLE_SERVICE_BLOCKED: StandInReply = {
  status: 403,
  body: {
    error: {
      code: 403,
      message: `Requests to this API ${SERVICE} method google.ai.generativelanguage.v1beta.ModelService.ListModels are blocked.`,
      status: 'PERMISSION_DENIED',
      details: [
        {
          '@type': ERROR_INFO,
          reason: 'API_KEY_SERVICE_BLOCKED',
          domain: 'googleapis.com',
          metadata: { service: SERVICE, methodName: 'google.ai.generativelanguage.v1beta.ModelService.ListModels', consumer: 'projects/123456789012' },
        },
      ],
    },
  },
};

/** Google reads the key from `x-goog-api-key` (or `?key=`, which the check must not use). */
function apiKeyCredential(request: RecordedRequest): string | undefined {
  return request.headers['x-goog-api-key'];
}

export const googleApiKeyRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/v1beta/models',
    credential: apiKeyCredential,
    live: () => ({
      status: 200,
      body: {
        models: [
          {
            name: 'models/gemini-2.0-flash',
            version: '2.0',
            displayName: 'Gemini 2.0 Flash',
            description: 'Gemini 2.0 Flash',
            inputTokenLimit: 1048576,
            outputTokenLimit: 8192,
            supportedGenerationMethods: ['generateContent', 'countTokens'],
          },
        ],
        nextPageToken: 'Ch1tb2RlbHMvZ2VtaW5pLTIuMC1mbGFzaA==',
      },
    }),
    revoked: () => GOOGLE_KEY_INVALID,
  },
];
