import { gitlabTokenDetector } from '../builders/gitlab-token.js';

/**
 * Runner authentication token: `glrt-` (runner created in the UI/API) or
 * `glrtr-` (registered with a registration token), optionally followed by a
 * runner-type partition marker `t1_`/`t2_`/`t3_`; routable for group and
 * project runners.
 */
export const detector = gitlabTokenDetector(
  { prefixes: ['glrt-', 'glrtr-'], legacyBody: '(?:t[0-9a-f]_)?[A-Za-z0-9_-]{20}', routable: true },
  {
    id: 'gitlab-runner-token',
    family: 'gitlab-token',
    provider: 'GitLab',
    title: 'GitLab runner authentication token',
    severity: 'high',
    docs: 'https://docs.gitlab.com/security/tokens/#runner-authentication-tokens',
    revoke:
      'Reset the runner authentication token (runner page > Reset token, or the runners API), then re-register the runner; a leaked token lets anyone pick up the runner\'s jobs and their secrets.',
  },
);
