import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * Mailgun API stand-in. The key travels as the password of HTTP basic auth
 * with user `api` (https://documentation.mailgun.com/docs/mailgun/api-reference/authentication);
 * the live body follows the example of "Get domains"
 * (https://documentation.mailgun.com/docs/mailgun/api-reference/send/mailgun/domains/get-v4-domains);
 * a wrong key gets 401 with the plain-text body `Forbidden`, as Mailgun's API
 * answers (the reference documents 401 as "Invalid or missing API key"; the
 * body is the one Mailgun's client libraries report).
 *
 * Regions: the tests point every region at this stand-in with the base URL
 * `<stand-in>/{host}`, so a request's first path segment names the regional
 * host it stands for (`/api.eu.mailgun.net/v4/domains`). A credential the
 * stand-in holds is `<host> <key>` (see `mailgunRegional`): valid at that
 * host only, refused at the other one. Without a host segment (a base URL
 * without `{host}`) the credential is the bare key.
 */
export const MAILGUN_FORBIDDEN: StandInReply = { status: 401, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Forbidden' };

const PATH = /^(?:\/([a-z0-9.-]+))?\/v4\/domains$/;

/** What the stand-in holds for a key valid at one regional host. */
export function mailgunRegional(host: string, key: string): string {
  return `${host} ${key}`;
}

function mailgunCredential(request: RecordedRequest): string | undefined {
  if (!/^Basic /i.test(request.headers.authorization ?? '')) return undefined;
  const decoded = Buffer.from((request.headers.authorization ?? '').slice(6), 'base64').toString('utf8');
  // Mailgun's user name is always `api`.
  if (!decoded.startsWith('api:') || decoded.length === 4) return undefined;
  const key = decoded.slice(4);
  const host = PATH.exec(request.path)?.[1];
  return host ? mailgunRegional(host, key) : key;
}

export const mailgunRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: PATH,
    credential: mailgunCredential,
    live: () => ({
      status: 200,
      body: {
        total_count: 3,
        items: [
          {
            created_at: 'Mon, 02 Jan 2006 15:04:05 MST',
            id: '5a5f34c2e64e9a1b7c9d0e11',
            is_disabled: false,
            name: 'mg.example.com',
            require_tls: false,
            skip_verification: false,
            smtp_login: 'postmaster@mg.example.com',
            spam_action: 'disabled',
            state: 'active',
            type: 'custom',
            web_prefix: 'email',
            web_scheme: 'https',
            wildcard: false,
          },
        ],
      },
    }),
    revoked: () => MAILGUN_FORBIDDEN,
  },
];
