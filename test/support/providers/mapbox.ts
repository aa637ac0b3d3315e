import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * Mapbox Tokens API stand-in. Bodies follow the "Retrieve a token" examples of
 * https://docs.mapbox.com/api/accounts/tokens/#retrieve-a-token (`code` and
 * the token metadata: `usage`, `user`, `authorization`, `scopes`, `client`);
 * the invalid codes are those of its response table (TokenInvalid,
 * TokenExpired, TokenRevoked, TokenMalformed). Mapbox reads the token from
 * the `access_token` query parameter only.
 */
export const MAPBOX_INVALID_TOKEN: StandInReply = { status: 401, body: { code: 'TokenInvalid' } };
export const MAPBOX_DELETED_TOKEN: StandInReply = { status: 401, body: { message: 'Not Authorized - Invalid Token' } };

/** `?access_token=<token>` → token. */
export function mapboxQueryCredential(request: RecordedRequest): string | undefined {
  return request.query.get('access_token') || undefined;
}

export const mapboxRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/tokens/v2',
    credential: mapboxQueryCredential,
    live: (_request, credential) => ({
      status: 200,
      body: {
        code: 'TokenValid',
        token: {
          usage: credential.slice(0, 2),
          user: 'cartographer',
          authorization: 'cijucimbe000brbkt48d0dhcx',
          note: 'tile uploads',
          scopes: ['styles:read', 'uploads:write'],
          client: 'api',
        },
      },
    }),
    revoked: () => MAPBOX_INVALID_TOKEN,
  },
];
