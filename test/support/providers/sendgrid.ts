import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * SendGrid v3 API stand-in. Bodies follow the examples of
 * https://www.twilio.com/docs/sendgrid/api-reference/api-key-permissions/retrieve-a-list-of-scopes-for-which-this-user-has-access
 * and https://www.twilio.com/docs/sendgrid/api-reference/users-api/retrieve-your-username;
 * the 401 body is SendGrid's answer for an unknown key (`errors` list,
 * "authorization required"), see
 * https://support.sendgrid.com/hc/en-us/articles/18322114821403-4XX-API-Errors-and-Troubleshooting-Suggestions.
 */
export const SENDGRID_UNKNOWN_KEY: StandInReply = { status: 401, body: { errors: [{ field: null, message: 'authorization required' }] } };
export const SENDGRID_DELETED_KEY: StandInReply = {
  status: 401,
  body: { errors: [{ field: null, message: 'The provided authorization grant is invalid, expired, or revoked', help: null }] },
};

/** A full-access key's scopes, shortened: it may read its username. */
export const SENDGRID_FULL_ACCESS_SCOPES = ['alerts.read', 'mail.send', 'templates.read', 'user.email.read', 'user.username.read'];

export const sendgridRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/v3/scopes',
    credential: bearerCredential,
    live: () => ({ status: 200, body: { scopes: SENDGRID_FULL_ACCESS_SCOPES } }),
    revoked: () => SENDGRID_UNKNOWN_KEY,
  },
  {
    method: 'GET',
    path: '/v3/user/username',
    credential: bearerCredential,
    live: () => ({ status: 200, body: { username: 'sammy-sender', user_id: 4218931 } }),
    revoked: () => SENDGRID_UNKNOWN_KEY,
  },
];

/**
 * https://www.twilio.com/docs/sendgrid/api-reference/api-keys/delete-api-keys:
 * `DELETE /v3/api_keys/{api_key_id}` answers 204, then the key is gone. The
 * stand-in takes the bearer key only when the path names its own id.
 */
export const sendgridRevocationRoutes: StandInRoute[] = [
  {
    method: 'DELETE',
    path: /^\/v3\/api_keys\/[A-Za-z0-9_-]+$/,
    credential: (request) => {
      const key = bearerCredential(request);
      return key !== undefined && request.path === `/v3/api_keys/${key.split('.')[1]}` ? key : undefined;
    },
    revokes: true,
    live: () => ({ status: 204 }),
    revoked: () => SENDGRID_UNKNOWN_KEY,
  },
];

export const SENDGRID_ACCESS_FORBIDDEN: StandInReply = { status: 403, body: { errors: [{ field: null, message: 'access forbidden' }] } };
