import { launchDarklyExamples } from '../launchdarkly-access-token/launchdarkly.js';

export const examples = launchDarklyExamples('sdk', 'LAUNCHDARKLY_SDK_KEY');
