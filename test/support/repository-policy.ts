import { tmpdir } from 'node:os';
import { RepositoryPolicy, type AllowRule } from '../../services/queue/repository-policy.js';

/** Test repositories live under the system temp directory; the service refuses local paths unless allowed. */
export const TEST_REPOSITORY_ALLOW = tmpdir();

/** The policy a test worker runs with: local repositories under the temp directory, plus `extra`. */
export function localRepositoryPolicy(...extra: AllowRule[]): RepositoryPolicy {
  return new RepositoryPolicy([{ kind: 'path', prefix: TEST_REPOSITORY_ALLOW }, ...extra]);
}
