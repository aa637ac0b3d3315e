/** Schemas shared by the routes. Response schemas also act as an allow-list: fastify serializes only the fields named. */
export const errorBody = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'Stable error code, e.g. REQUEST_INVALID, AUTH_REQUIRED, FINDING_NOT_FOUND' },
        message: { type: 'string' },
        requestId: { type: 'string' },
        details: {
          type: 'array',
          items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
        },
      },
    },
  },
} as const;

/** Error responses every authenticated route can give. */
export const authErrors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
} as const;

export const bearerSecurity = [{ bearer: [] }];

export const fingerprintPattern = '^[0-9a-f]{32}$';

export const pageQuery = {
  limit: { type: 'integer', minimum: 1, maximum: 500, default: 50, description: 'Page size (a page may hold fewer items and still have a next one)' },
  cursor: { type: 'string', maxLength: 2048, description: 'nextCursor of the previous page' },
  order: { type: 'string', enum: ['asc', 'desc'], default: 'desc', description: 'By first seen / received time' },
} as const;
