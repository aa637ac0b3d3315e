import { bearerCredential, type StandInRoute } from '../provider-stand-in.js';

/**
 * GitHub REST API stand-in. Bodies follow the examples of
 * https://docs.github.com/en/rest/users/users#get-the-authenticated-user and
 * https://docs.github.com/en/rest/apps/installations#list-repositories-accessible-to-the-app-installation;
 * the 401 body is GitHub's "Bad credentials" answer.
 */
const BAD_CREDENTIALS = { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } };

export const githubRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/user',
    credential: bearerCredential,
    live: () => ({
      status: 200,
      headers: { 'x-oauth-scopes': 'repo, read:org', 'x-ratelimit-remaining': '4999' },
      body: { login: 'octocat', id: 1, node_id: 'MDQ6VXNlcjE=', type: 'User', site_admin: false, name: 'monalisa octocat', company: 'GitHub', email: 'octocat@github.com' },
    }),
    revoked: () => BAD_CREDENTIALS,
  },
  {
    // https://docs.github.com/en/rest/orgs/orgs#list-organizations-for-the-authenticated-user
    method: 'GET',
    path: '/user/orgs',
    credential: bearerCredential,
    live: () => ({ status: 200, body: [{ login: 'octo-org', id: 2, node_id: 'MDEyOk9yZ2FuaXphdGlvbjI=', url: 'https://api.github.com/orgs/octo-org', description: 'A great organization' }] }),
    revoked: () => BAD_CREDENTIALS,
  },
  {
    method: 'GET',
    path: '/installation/repositories',
    credential: bearerCredential,
    live: () => ({
      status: 200,
      body: { total_count: 1, repositories: [{ id: 1296269, name: 'Hello-World', full_name: 'octo-org/Hello-World', owner: { login: 'octo-org', id: 2, type: 'Organization' } }] },
    }),
    revoked: () => BAD_CREDENTIALS,
  },
];

/** `{"credentials": [token]}` → token (the revocation API is unauthenticated: the token is in the body). */
function revokedCredential(request: { readonly body: string; readonly headers: Readonly<Record<string, string>> }): string | undefined {
  if (request.headers.authorization) return undefined; // GitHub answers an authenticated request 403
  try {
    const body = JSON.parse(request.body) as { credentials?: unknown };
    return Array.isArray(body.credentials) && typeof body.credentials[0] === 'string' ? body.credentials[0] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * https://docs.github.com/en/rest/credentials/revoke: 202 Accepted whether or
 * not the token was valid (GitHub does not tell), 422 for a malformed or
 * abusive request. A valid token stops working once accepted.
 */
export const githubRevocationRoutes: StandInRoute[] = [
  {
    method: 'POST',
    path: '/credentials/revoke',
    credential: revokedCredential,
    revokes: true,
    live: () => ({ status: 202, body: {} }),
    revoked: (request) => (request.headers.authorization ? { status: 403, body: { message: 'Must not be authenticated' } } : { status: 202, body: {} }),
  },
];

export const GITHUB_REVOCATION_SPAMMED = { status: 422, body: { message: 'Validation Failed', errors: [], documentation_url: 'https://docs.github.com/rest/credentials/revoke' } };
