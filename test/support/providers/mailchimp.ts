import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * Mailchimp Marketing API stand-in. The key travels as the password of HTTP
 * basic auth, with any user name
 * (https://mailchimp.com/developer/marketing/docs/fundamentals/#api-structure);
 * the live body follows the API root resource of
 * https://mailchimp.com/developer/marketing/api/root/list-api-root-resources/
 * (shortened); the 401 body is the problem document of
 * https://mailchimp.com/developer/marketing/docs/errors/ ("API Key Invalid").
 */
export const MAILCHIMP_KEY_INVALID: StandInReply = {
  status: 401,
  headers: { 'content-type': 'application/problem+json; charset=utf-8' },
  body: {
    type: 'https://mailchimp.com/developer/marketing/docs/errors/',
    title: 'API Key Invalid',
    status: 401,
    detail: "Your API key may be invalid, or you've attempted to access the wrong datacenter.",
    instance: '2ff2a9f4-1f35-4b38-b0a7-fa0e7c2f8e37',
  },
};
export const MAILCHIMP_USER_DISABLED: StandInReply = {
  status: 403,
  headers: { 'content-type': 'application/problem+json; charset=utf-8' },
  body: { type: 'https://mailchimp.com/developer/marketing/docs/errors/', title: 'User Disabled', status: 403, detail: 'This account has been disabled.', instance: '9b1b0c1e-4f55-4f77-9d59-3f6c2e0d1d22' },
};

/** The password of `Authorization: Basic <user:password>`, whatever the user. */
export function basicPassword(request: RecordedRequest): string | undefined {
  const m = /^Basic (.+)$/i.exec(request.headers.authorization ?? '');
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 ? decoded.slice(colon + 1) : undefined;
}

export const mailchimpRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: /^(?:\/us[0-9]{1,2})?\/3\.0\/$/,
    credential: basicPassword,
    live: () => ({
      status: 200,
      body: {
        account_id: '8d3a3db4d97663a9074efcc16',
        login_id: '41552519',
        account_name: 'Freddie\'s Jokes',
        email: 'freddie@mailchimp.example',
        username: 'freddiesjokes',
      },
    }),
    revoked: () => MAILCHIMP_KEY_INVALID,
  },
];
