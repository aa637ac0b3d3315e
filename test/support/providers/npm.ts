import { bearerCredential, type StandInRoute } from '../provider-stand-in.js';

/**
 * npm registry stand-in. `GET /-/whoami` answers `{ "username": ... }` as
 * the npm CLI reads it (npm/cli lib/utils/get-identity.js, documented as
 * `npm whoami`: https://docs.npmjs.com/cli/v11/commands/npm-whoami); an
 * unknown token gets 401 with the registry's JSON error body.
 */
export const npmRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/-/whoami',
    credential: bearerCredential,
    live: () => ({ status: 200, body: { username: 'npm-octocat' } }),
    revoked: () => ({ status: 401, headers: { 'www-authenticate': 'Bearer' }, body: { error: 'Unauthorized' } }),
  },
];
