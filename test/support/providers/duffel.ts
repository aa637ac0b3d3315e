import { bearerCredential, type RecordedRequest, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * Duffel API stand-in. The token travels as `Authorization: Bearer <token>`
 * and Duffel requires a `Duffel-Version` header
 * (https://duffel.com/docs/api/overview/making-requests/authentication); the
 * live body follows the example of https://duffel.com/docs/api/v2/airlines/get-airlines
 * (`meta` with the cursors, `data` list); error bodies have Duffel's shape
 * (`meta` + `errors[]` with `type`, `title`, `message`, `code`), see
 * https://duffel.com/docs/api/overview/errors.
 */
function duffelError(status: number, type: string, code: string, title: string, message: string): StandInReply {
  return {
    status,
    body: {
      meta: { status, request_id: 'FZW0H3HdJwKk5HMAAKxB' },
      errors: [{ type, title, message, code, documentation_url: 'https://duffel.com/docs/api/overview/response-handling' }],
    },
  };
}

export const DUFFEL_INVALID_TOKEN = duffelError(401, 'authentication_error', 'access_token_not_found', 'Access token not found', 'The access token provided is invalid or has been revoked');
export const DUFFEL_FORBIDDEN = duffelError(403, 'authorization_error', 'insufficient_permissions', 'Insufficient permissions', 'The provided token does not have sufficient permissions');
const DUFFEL_MISSING_VERSION = duffelError(400, 'invalid_request_error', 'unsupported_version', 'Unsupported version', 'The Duffel-Version header is missing or not supported');

/** The bearer token, only when the request also names an API version (Duffel rejects it otherwise). */
export function duffelCredential(request: RecordedRequest): string | undefined {
  return request.headers['duffel-version'] ? bearerCredential(request) : undefined;
}

export const duffelRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/air/airlines',
    credential: duffelCredential,
    live: () => ({
      status: 200,
      body: {
        meta: { limit: 1, after: 'g2wAAAACbQAAABBBZXJvbWlzdGEgQ2hpbGVtAAAAB', before: null },
        data: [
          {
            id: 'arl_00001876aqC8c5umZmrRds',
            name: 'British Airways',
            iata_code: 'BA',
            logo_symbol_url: 'https://assets.duffel.com/img/airlines/for-light-background/full-color-logo/BA.svg',
            logo_lockup_url: 'https://assets.duffel.com/img/airlines/for-light-background/full-color-lockup/BA.svg',
            conditions_of_carriage_url: 'https://www.britishairways.com/en-gb/information/legal/british-airways/general-conditions-of-carriage',
          },
        ],
      },
    }),
    revoked: (request) => (request.headers['duffel-version'] ? DUFFEL_INVALID_TOKEN : DUFFEL_MISSING_VERSION),
  },
];
