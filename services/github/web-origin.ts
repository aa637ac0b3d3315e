/**
 * The web origin of the GitHub whose REST API is at `apiUrl`:
 * `https://api.github.com` -> `https://github.com`, a GitHub Enterprise
 * Server's `https://HOST/api/v3` -> `https://HOST`.
 */
export function githubWebOrigin(apiUrl: string): string {
  const u = new URL(apiUrl);
  if (u.hostname === 'api.github.com') return 'https://github.com';
  return u.origin;
}
