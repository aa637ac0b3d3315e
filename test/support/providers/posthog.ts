import { bearerCredential, type RecordedRequest, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * PostHog private API stand-in. A personal API key travels as
 * `Authorization: Bearer` (https://posthog.com/docs/api, "Private endpoint
 * authentication"); the live body follows the user of
 * https://posthog.com/docs/api/users (shortened); the refusal is what
 * PostHog's `PersonalAPIKeyAuthentication` raises for an unknown key
 * (posthog/auth.py: "Personal API key found in request Authorization header
 * is invalid.", rendered by PostHog's exception handler as
 * `{type, code, detail, attr}`); a scoped key without `user:read` gets
 * APIScopePermission's 403 (posthog/permissions.py).
 *
 * Regions: the tests point both clouds at this stand-in with the base URL
 * `<stand-in>/{host}`, so a request's first path segment names the cloud it
 * stands for (`/eu.posthog.com/api/users/@me/`). A credential the stand-in
 * holds is `<host> <key>` (see `posthogRegional`): valid at that host only.
 * Without a host segment the credential is the bare key. The stand-in holds
 * keys whose random part starts with `S` as keys without the `user:read`
 * scope.
 */
export const POSTHOG_INVALID_KEY: StandInReply = {
  status: 401,
  body: { type: 'authentication_error', code: 'authentication_failed', detail: 'Personal API key found in request Authorization header is invalid.', attr: null },
};
export const POSTHOG_MISSING_SCOPE: StandInReply = {
  status: 403,
  body: { type: 'authentication_error', code: 'permission_denied', detail: "API key missing required scope 'user:read'", attr: null },
};

const PATH = /^(?:\/([a-z0-9.-]+))?\/api\/users\/@me\/$/;

/** What the stand-in holds for a key valid at one cloud. */
export function posthogRegional(host: string, key: string): string {
  return `${host} ${key}`;
}

function posthogCredential(request: RecordedRequest): string | undefined {
  const key = bearerCredential(request);
  if (!key) return undefined;
  const host = PATH.exec(request.path)?.[1];
  return host ? posthogRegional(host, key) : key;
}

export const posthogRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: PATH,
    credential: posthogCredential,
    live: (_request, credential) =>
      credential.split(' ').pop()!.startsWith('phx_S')
        ? POSTHOG_MISSING_SCOPE
        : {
            status: 200,
            body: {
              date_joined: '2019-08-24T14:15:22Z',
              uuid: '095be615-a8ad-4c33-8e9c-c7612fbf6c9f',
              distinct_id: 'string',
              first_name: 'Max',
              last_name: 'Hedgehog',
              email: 'max@example.com',
              is_email_verified: true,
              team: { id: 1, uuid: '0188e4b8-7c1a-0000-8a45-5b0d3d3f9b11', organization: '497f6eca-6276-4993-bfeb-53cbbbba6f08', name: 'Default project' },
              organization: { id: '497f6eca-6276-4993-bfeb-53cbbbba6f08', name: 'Hogflix', slug: 'hogflix', membership_level: 15 },
            },
          },
    revoked: () => POSTHOG_INVALID_KEY,
  },
];
