import { gitlabKindDetector } from '../gitlab-feed-token/gitlab-random-part.js';

/** `glcbt-` + a hex partition id, `_` and 20 characters. */
export const detector = gitlabKindDetector(
  { prefixes: ['glcbt-'], legacyBody: '[0-9a-f]{1,5}_[A-Za-z0-9_-]{20}', routable: false, legacyRandom: 20, legacyTail: true },
  {
    id: 'gitlab-ci-job-token',
    family: 'gitlab-token',
    provider: 'GitLab',
    title: 'GitLab CI/CD job token',
    severity: 'medium',
    docs: 'https://docs.gitlab.com/ci/jobs/ci_job_token/',
    revoke: 'A job token expires when its job finishes; cancel the job if it is still running, and rotate anything the job could reach if the leak was live.',
  },
);
