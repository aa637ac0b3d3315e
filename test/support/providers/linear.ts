import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * Linear GraphQL API stand-in. Linear reads a personal API key from the bare
 * `Authorization` header and an OAuth access token as `Bearer`
 * (https://linear.app/developers/graphql#authentication); this stand-in
 * accepts each kind only the way Linear reads it, and only a query (a
 * `mutation` gets a GraphQL error). The viewer body follows the `User` and
 * `Organization` types of the schema; the authentication error is Linear's
 * GraphQL error with `extensions.code` `AUTHENTICATION_ERROR`.
 */
export const LINEAR_AUTHENTICATION_ERROR: StandInReply = {
  status: 400,
  body: {
    errors: [
      {
        message: 'Authentication required, not authenticated',
        extensions: {
          type: 'authentication error',
          code: 'AUTHENTICATION_ERROR',
          statusCode: 401,
          userError: true,
          userPresentableMessage: 'You need to authenticate to access this operation.',
        },
      },
    ],
  },
};

/** The credential as Linear reads it: `Bearer lin_oauth_…`, or a bare `lin_api_…`. */
export function linearCredential(request: RecordedRequest): string | undefined {
  const header = request.headers.authorization ?? '';
  const bearer = /^Bearer (.+)$/i.exec(header)?.[1];
  if (bearer !== undefined) return bearer.startsWith('lin_oauth_') ? bearer : undefined;
  return header.startsWith('lin_api_') ? header : undefined;
}

function isQuery(request: RecordedRequest): boolean {
  try {
    const { query } = JSON.parse(request.body) as { query?: unknown };
    return typeof query === 'string' && /^\s*(query\b|\{)/.test(query) && /\bviewer\b/.test(query);
  } catch {
    return false;
  }
}

export const linearRoutes: StandInRoute[] = [
  {
    method: 'POST',
    path: '/graphql',
    credential: linearCredential,
    live: (request) =>
      isQuery(request)
        ? {
            status: 200,
            body: {
              data: {
                viewer: { id: '6a1f3c2e-9b1d-4d7e-8f0a-2c3b4d5e6f70', name: 'Karri Saarinen', email: 'karri@example.com', organization: { name: 'Acme', urlKey: 'acme' } },
              },
            },
          }
        : { status: 400, body: { errors: [{ message: 'Only viewer queries are served here', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] } },
    revoked: () => LINEAR_AUTHENTICATION_ERROR,
  },
];
