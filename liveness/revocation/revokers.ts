import { cloudflareRevoker } from '../cloudflare/revoke.js';
import { discordWebhookRevoker } from '../discord-webhook/revoke.js';
import { dopplerRevoker } from '../doppler/revoke.js';
import { githubRevoker } from '../github/revoke.js';
import { gitlabRevoker } from '../gitlab/revoke.js';
import { googleOauthRevoker } from '../google-oauth/revoke.js';
import { checkById } from '../registry.js';
import { sendgridRevoker } from '../sendgrid/revoke.js';
import { slackRevoker } from '../slack/revoke.js';
import type { ProviderRevoker } from './types.js';

/** Every revoker, one per provider that documents a way to revoke an exposed credential. */
export const REVOKERS: readonly ProviderRevoker[] = [
  githubRevoker,
  slackRevoker,
  gitlabRevoker,
  googleOauthRevoker,
  discordWebhookRevoker,
  dopplerRevoker,
  sendgridRevoker,
  cloudflareRevoker,
];

const BY_DETECTOR = new Map<string, ProviderRevoker>();
for (const revoker of REVOKERS) {
  const check = checkById(revoker.checkId);
  for (const detector of revoker.detectors) {
    // A revocation is only worth offering where a check can confirm it.
    if (!check?.detectors.includes(detector)) throw new Error(`revoker ${revoker.checkId}: no liveness check confirms ${detector}`);
    if (BY_DETECTOR.has(detector)) throw new Error(`two revokers claim detector ${detector}`);
    BY_DETECTOR.set(detector, revoker);
  }
}

/** The revoker for findings of `detectorId`, if its provider offers one. */
export function revokerForDetector(detectorId: string): ProviderRevoker | undefined {
  return BY_DETECTOR.get(detectorId);
}
