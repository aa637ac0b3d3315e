import type { Detector } from './types.js';
import { detector as githubPatClassic } from './github-pat-classic/detector.js';
import { detector as githubOauthToken } from './github-oauth-token/detector.js';
import { detector as githubUserToServerToken } from './github-user-to-server-token/detector.js';
import { detector as githubServerToServerToken } from './github-server-to-server-token/detector.js';
import { detector as githubRefreshToken } from './github-refresh-token/detector.js';

/**
 * Every detector, in a fixed order. One line per detector folder; the
 * conformance test fails when a folder is missing here.
 */
export const ALL_DETECTORS: readonly Detector[] = [
  githubPatClassic,
  githubOauthToken,
  githubUserToServerToken,
  githubServerToServerToken,
  githubRefreshToken,
];

/** Only the detectors that may block a push. */
export const IDENTIFIABLE_DETECTORS: readonly Detector[] = ALL_DETECTORS.filter((d) => d.tier === 'identifiable');
