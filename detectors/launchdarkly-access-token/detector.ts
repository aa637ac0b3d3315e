import { launchDarklyDetector } from './launchdarkly.js';

export const detector = launchDarklyDetector('api', {
  id: 'launchdarkly-access-token',
  title: 'LaunchDarkly API access token',
  severity: 'high',
  docs: 'https://launchdarkly.com/docs/home/account/api',
  revoke: 'Delete or reset the token under Organization settings > Authorization > Access tokens in LaunchDarkly and create a new one.',
});
