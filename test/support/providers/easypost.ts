import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * EasyPost API stand-in. The list body follows the example of
 * https://docs.easypost.com/docs/addresses#retrieve-a-list-of-addresses; error
 * bodies follow the error object of https://docs.easypost.com/docs/errors
 * (`{"error":{"code","message","errors"}}`), with the `APIKEY.INACTIVE` code
 * EasyPost gives for a disabled key.
 */
export const EASYPOST_INACTIVE_KEY: StandInReply = {
  status: 401,
  body: { error: { code: 'APIKEY.INACTIVE', message: 'This api key is no longer active. Please use a different api key or reactivate this key.', errors: [] } },
};
export const EASYPOST_KEY_REQUIRED: StandInReply = {
  status: 401,
  body: { error: { code: 'APIKEY.REQUIRED', message: 'Missing or invalid API key. Please provide a valid API key.', errors: [] } },
};

/** The user name of `Authorization: Basic <user:>`, where EasyPost reads the key; only with an empty password. */
export function basicUserWithoutPassword(request: RecordedRequest): string | undefined {
  const m = /^Basic (.+)$/i.exec(request.headers.authorization ?? '');
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0 && colon === decoded.length - 1 ? decoded.slice(0, colon) : undefined;
}

export const easypostRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/v2/addresses',
    credential: basicUserWithoutPassword,
    live: () => ({
      status: 200,
      body: {
        addresses: [
          {
            id: 'adr_8a1f0c2d4e6b4f7c9d0e1f2a3b4c5d6e',
            object: 'Address',
            mode: 'production',
            street1: '417 Montgomery Street',
            city: 'San Francisco',
            state: 'CA',
            zip: '94104',
            country: 'US',
          },
        ],
        has_more: true,
      },
    }),
    revoked: () => EASYPOST_INACTIVE_KEY,
  },
];
