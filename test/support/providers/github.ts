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
