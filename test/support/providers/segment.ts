import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * Twilio Segment Public API stand-in. Bearer token
 * (https://docs.segmentapis.com/tag/Getting-Started/); the live body is the
 * response sample of Get Workspace
 * (https://docs.segmentapis.com/tag/Workspaces/); errors use the documented
 * envelope `{"errors": [{"type", "message"}]}` of
 * https://docs.segmentapis.com/tag/Error-Handling/ (the 401's `type` and
 * `message` values are illustrative: the page documents the envelope and the
 * status, not the words).
 *
 * Regions: with a base URL of `<stand-in>/{region}` the check asks
 * `/api/` (US) and `/eu1.api/` (EU); a base URL without the placeholder asks
 * `/`. `segmentRegionRoutes` answers one region as a foreign host does.
 */
export const SEGMENT_UNAUTHORIZED: StandInReply = { status: 401, body: { errors: [{ type: 'unauthorized', message: 'Unauthorized' }] } };

const WORKSPACE: StandInReply = { status: 200, body: { data: { workspace: { id: '9aQ1Lj62S4bomZKLF4DPqW', name: 'papi e2e', slug: 'papi-e2e' } } } };

export const segmentRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: /^\/(?:(?:api|eu1\.api)\/)?$/,
    credential: bearerCredential,
    live: () => WORKSPACE,
    revoked: () => SEGMENT_UNAUTHORIZED,
  },
];

/**
 * Routes where the token belongs to `home` (`api` or `eu1.api`): that
 * region answers as `segmentRoutes` do; the other one answers `foreign`
 * (by default the 401 a region gives a token it does not know).
 */
export function segmentRegionRoutes(home: 'api' | 'eu1.api', foreign: StandInReply = SEGMENT_UNAUTHORIZED): StandInRoute[] {
  const other = home === 'api' ? 'eu1.api' : 'api';
  return [
    { ...segmentRoutes[0]!, path: `/${home}/` },
    { method: 'GET', path: `/${other}/`, credential: bearerCredential, live: () => foreign, revoked: () => foreign },
  ];
}
