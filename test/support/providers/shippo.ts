import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * Shippo API stand-in. The token travels as `Authorization: ShippoToken <token>`
 * (https://docs.goshippo.com/docs/guides_general/authentication); the live body
 * follows the list example of
 * https://docs.goshippo.com/shippoapi/public-api/addresses/listaddresses
 * (`next`/`previous`/`results`); the 401 bodies are the two documented on the
 * authentication page.
 */
export const SHIPPO_TOKEN_DOES_NOT_EXIST: StandInReply = { status: 401, body: { detail: 'Token does not exist' } };
export const SHIPPO_NO_CREDENTIALS: StandInReply = { status: 401, body: { detail: 'Authentication credentials were not provided.' } };

/** `Authorization: ShippoToken <token>` → token. */
export function shippoTokenCredential(request: RecordedRequest): string | undefined {
  const m = /^ShippoToken (.+)$/.exec(request.headers.authorization ?? '');
  return m?.[1];
}

export const shippoRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/addresses',
    credential: shippoTokenCredential,
    live: () => ({
      status: 200,
      body: {
        next: null,
        previous: null,
        results: [
          {
            object_id: 'd799c2679e644279b59fe661ac8fa488',
            is_complete: true,
            name: 'Shawn Ippotle',
            company: 'Shippo',
            street1: '215 Clayton St.',
            city: 'San Francisco',
            state: 'CA',
            zip: '94117',
            country: 'US',
            test: false,
          },
        ],
      },
    }),
    revoked: (request) => (request.headers.authorization ? SHIPPO_TOKEN_DOES_NOT_EXIST : SHIPPO_NO_CREDENTIALS),
  },
];
