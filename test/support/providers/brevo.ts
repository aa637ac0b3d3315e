import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * Brevo API stand-in. The key travels in the `api-key` header
 * (https://developers.brevo.com/docs/api-key-authentication); the live body
 * follows the example of https://developers.brevo.com/reference/get-account;
 * the 401 bodies are Brevo's `{"code":"unauthorized","message":...}` for an
 * unknown key and for a valid key used from an unauthorized IP
 * (https://developers.brevo.com/docs/how-it-works, "Error codes").
 */
export const BREVO_KEY_NOT_FOUND: StandInReply = { status: 401, body: { code: 'unauthorized', message: 'Key not found' } };
export const BREVO_UNRECOGNISED_IP: StandInReply = {
  status: 401,
  body: {
    code: 'unauthorized',
    message: 'We have detected you are using an unrecognised IP address 203.0.113.7. If you performed this action make sure to add the new IP address in this link: https://app.brevo.com/security/authorised_ips',
  },
};

/** `api-key: <key>` → key. */
export function brevoKeyHeader(request: RecordedRequest): string | undefined {
  return request.headers['api-key'];
}

export const brevoRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/v3/account',
    credential: brevoKeyHeader,
    live: () => ({
      status: 200,
      body: {
        organization_id: '6124f1ea8d2ad1fb0e6b7e9c',
        user_id: 8021144,
        email: 'ops@acme-mail.example',
        firstName: 'Ada',
        lastName: 'Lovelace',
        companyName: 'Acme Mail',
        address: { street: '1 Main St', city: 'Paris', zipCode: '75001', country: 'France' },
        plan: [{ type: 'free', credits: 300, creditsType: 'sendLimit' }],
        relay: { enabled: true, data: { userName: 'ops@acme-mail.example', relay: 'smtp-relay.brevo.com', port: 587 } },
      },
    }),
    revoked: () => BREVO_KEY_NOT_FOUND,
  },
];
