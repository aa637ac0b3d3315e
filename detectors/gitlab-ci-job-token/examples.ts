import { gitlabTokenExamples } from '../builders/gitlab-token-examples.js';
import { ALPHA } from '../../test/support/token-factory.js';

export const examples = gitlabTokenExamples({
  prefix: 'glcbt-',
  envName: 'CI_JOB_TOKEN',
  legacy: (t) => `glcbt-${(1 + t.int(0xfff)).toString(16)}_${t.chars(ALPHA.base64url, 20)}`,
  routable: false,
});
