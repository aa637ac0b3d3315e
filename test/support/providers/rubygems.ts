import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * RubyGems.org API stand-in. The key travels bare in the `Authorization`
 * header (https://guides.rubygems.org/rubygems-org-api/#api-authorization).
 * The live body is the gem list of `GET /api/v1/gems.json`
 * (https://guides.rubygems.org/rubygems-org-api/#gem-methods; fields as in
 * the `GET /api/v1/gems/[GEM NAME].json` example, shortened). The refusals
 * are those of Api::BaseController in rubygems/rubygems.org: 401 with the
 * plain-text `please_sign_up` message for an unknown or expired key, 403
 * with `{"error": …}` (JSON for a `.json` path) for a key that exists but may
 * not list gems, or that was soft-deleted.
 */
export const RUBYGEMS_ACCESS_DENIED: StandInReply = {
  status: 401,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body: 'Access Denied. Please sign up for an account at https://rubygems.org',
};
export const RUBYGEMS_INSUFFICIENT_SCOPE: StandInReply = { status: 403, body: { error: 'This API key cannot perform the specified action on this gem.' } };
export const RUBYGEMS_SOFT_DELETED: StandInReply = { status: 403, body: { error: 'An invalid API key cannot be used. Please delete it and create a new one.' } };
export const RUBYGEMS_NO_USER: StandInReply = { status: 403, body: { error: "The API key doesn't have access" } };

/** The key as RubyGems.org reads it: the whole `Authorization` header, no scheme. */
export function rubygemsCredential(request: RecordedRequest): string | undefined {
  const header = request.headers.authorization;
  return header && header.startsWith('rubygems_') ? header : undefined;
}

const gem = (name: string, version: string): Record<string, unknown> => ({
  name,
  downloads: 1024,
  version,
  version_created_at: '2026-07-29T15:02:41.060Z',
  version_downloads: 64,
  platform: 'ruby',
  authors: 'Jane Doe',
  info: `The ${name} gem.`,
  licenses: ['MIT'],
  metadata: {},
  yanked: false,
  project_uri: `https://rubygems.org/gems/${name}`,
  gem_uri: `https://rubygems.org/gems/${name}-${version}.gem`,
});

export const rubygemsRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/api/v1/gems.json',
    credential: rubygemsCredential,
    live: () => ({ status: 200, body: [gem('bills', '0.0.2'), gem('coulda', '1.1.0')] }),
    revoked: () => RUBYGEMS_ACCESS_DENIED,
  },
];
