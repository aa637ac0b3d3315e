import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * DigitalOcean API stand-in. The account body follows the example of
 * https://docs.digitalocean.com/reference/api/digitalocean/#tag/Account/operation/account_get
 * (digitalocean/openapi, specification/resources/account); the 401 and 403
 * bodies are DigitalOcean's error shape (`id`, `message`, `request_id`), as
 * the API answers an unknown token and a token without the scope.
 */
export const DIGITALOCEAN_UNAUTHORIZED: StandInReply = {
  status: 401,
  body: { id: 'Unauthorized', message: 'Unable to authenticate you', request_id: '4d9d8375-3c56-4925-a3e7-eb137fed17e9' },
};
export const DIGITALOCEAN_FORBIDDEN: StandInReply = {
  status: 403,
  body: { id: 'Forbidden', message: 'You are not authorized to perform this operation', request_id: '7b4a2f6e-1c0d-4f43-9f2a-2f4b7c1d9e35' },
};

export const digitaloceanRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/v2/account',
    credential: bearerCredential,
    live: () => ({
      status: 200,
      headers: { 'ratelimit-limit': '5000', 'ratelimit-remaining': '4999' },
      body: {
        account: {
          droplet_limit: 25,
          floating_ip_limit: 5,
          email: 'sammy@digitalocean.com',
          name: 'Sammy the Shark',
          uuid: 'b6fr89dbf6d9156cace5f3c78dc9851d957381ef',
          email_verified: true,
          status: 'active',
          status_message: ' ',
          team: { uuid: '5df3e3004a17e242b7c20ca6c9fc25b701a47ece', name: 'My Team' },
        },
      },
    }),
    revoked: () => DIGITALOCEAN_UNAUTHORIZED,
  },
];
