import { launchDarklyExamples } from './launchdarkly.js';

export const examples = launchDarklyExamples('api', 'LAUNCHDARKLY_ACCESS_TOKEN');
