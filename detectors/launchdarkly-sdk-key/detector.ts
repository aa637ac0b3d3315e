import { launchDarklyDetector } from '../launchdarkly-access-token/launchdarkly.js';

export const detector = launchDarklyDetector('sdk', {
  id: 'launchdarkly-sdk-key',
  title: 'LaunchDarkly server-side SDK key',
  severity: 'medium',
  docs: 'https://launchdarkly.com/docs/sdk/concepts/client-side-server-side#keys',
  revoke: 'Reset the SDK key for the environment under Project settings > Environments in LaunchDarkly (with an expiry for the old key) and redeploy.',
});
