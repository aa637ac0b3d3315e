import { gitlabTokenDetector } from '../builders/gitlab-token.js';
import { CHARS } from '../builders/token-row.js';

/** Pipeline trigger token: `glptt-` + 40 characters (hex in issued tokens). */
export const detector = gitlabTokenDetector(
  // The placeholder judgment takes the legacy body as the 40 hex characters issued tokens have.
  { prefixes: ['glptt-'], legacyBody: '[A-Za-z0-9_-]{40}', routable: true, legacyRandom: 40, legacyAlphabet: CHARS.hexLower.chars },
  {
    id: 'gitlab-pipeline-trigger-token',
    family: 'gitlab-token',
    provider: 'GitLab',
    title: 'GitLab pipeline trigger token',
    severity: 'high',
    docs: 'https://docs.gitlab.com/ci/triggers/',
    revoke: 'Revoke it under the project Settings > CI/CD > Pipeline trigger tokens and create a new one.',
  },
);
