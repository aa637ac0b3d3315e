import type { Candidate, Detector } from '../types.js';
import { shapeTokenDetector } from '../builders/shape-token.js';
import { CHARS } from '../builders/token-row.js';

/**
 * Databricks personal access token, and the workspace it was issued by when
 * its host sits nearby. A PAT is only valid on its own workspace's REST API,
 * so the liveness check needs that host (`workspace-host`):
 * - AWS: `<name>.cloud.databricks.com` (deployment name or `dbc-xxxxxxxx-xxxx`);
 * - Azure: `adb-<workspace id>.<n>.azuredatabricks.net`;
 * - Google Cloud: `<workspace id>.<n>.gcp.databricks.com`.
 * The account consoles (`accounts.cloud.databricks.com`, `accounts.gcp...`)
 * take account-level credentials, not workspace PATs, and are not paired.
 */
export const WORKSPACE_HOST_COMPANION = 'workspace-host';

/** Workspace hosts, RE2 and JavaScript syntax alike. */
const WORKSPACE_HOST = [
  '[a-z0-9][a-z0-9-]*\\.cloud\\.databricks\\.com',
  'adb-[0-9]+\\.[0-9]+\\.azuredatabricks\\.net',
  '[a-z0-9][a-z0-9-]*(?:\\.[0-9]+)?\\.gcp\\.databricks\\.com',
].join('|');
const WHOLE_WORKSPACE_HOST = new RegExp(`^(?:${WORKSPACE_HOST})$`);

/** True for a Databricks workspace host (not an account console): the only hosts a PAT is ever sent to. */
export function isWorkspaceHost(host: string): boolean {
  return WHOLE_WORKSPACE_HOST.test(host) && !host.startsWith('accounts.');
}

export const detector: Detector = {
  ...shapeTokenDetector(
    {
      id: 'databricks-access-token',
      family: 'databricks-token',
      provider: 'Databricks',
      title: 'Databricks personal access token',
      severity: 'critical',
      docs: 'https://docs.databricks.com/en/dev-tools/auth/pat.html',
      revoke: 'Revoke the token in the Databricks workspace (User Settings > Developer > Access tokens) or with the Token Management API.',
    },
    {
      // `dapi` + 32 hex, sometimes with a `-N` suffix.
      keywords: ['dapi'],
      pattern: '(?P<secret>dapi[0-9a-f]{32}(?:-[0-9]{1,2})?)',
      alphabet: 'A-Za-z0-9_',
      window: { before: 0, after: 35 },
      randomPart: ({ secret }) => secret.slice(4, 36),
      random: { alphabet: CHARS.hexLower.chars, minLength: 32, maxLength: 32 },
    },
  ),
  companion: {
    name: WORKSPACE_HOST_COMPANION,
    pattern: `(?P<secret>${WORKSPACE_HOST})`,
    window: 512,
    // Upper case and the dot too: a host is not cut out of a longer name (`x.dbc-1.cloud.databricks.com.evil.net`).
    alphabet: 'A-Za-z0-9.-',
    validate: ({ secret }: Candidate) => isWorkspaceHost(secret),
  },
};
