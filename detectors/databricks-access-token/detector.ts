import { shapeTokenDetector } from '../builders/shape-token.js';

export const detector = shapeTokenDetector(
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
  },
);
