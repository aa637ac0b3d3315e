import { anthropicCheck } from './anthropic/check.js';
import { awsCheck } from './aws/check.js';
import { azureCosmosDbCheck } from './azure-cosmos-db/check.js';
import { azureStorageCheck } from './azure-storage/check.js';
import { brevoCheck } from './brevo/check.js';
import { buildkiteCheck } from './buildkite/check.js';
import { circleciCheck } from './circleci/check.js';
import { clickupCheck } from './clickup/check.js';
import { cloudflareCheck } from './cloudflare/check.js';
import { contentfulCheck } from './contentful/check.js';
import { databricksCheck } from './databricks/check.js';
import { digitaloceanCheck } from './digitalocean/check.js';
import { discordWebhookCheck } from './discord-webhook/check.js';
import { dopplerCheck } from './doppler/check.js';
import { duffelCheck } from './duffel/check.js';
import { easypostCheck } from './easypost/check.js';
import { elevenlabsCheck } from './elevenlabs/check.js';
import { figmaCheck } from './figma/check.js';
import { frameioCheck } from './frameio/check.js';
import { gcpServiceAccountCheck } from './gcp-service-account/check.js';
import { githubCheck } from './github/check.js';
import { gitlabCheck } from './gitlab/check.js';
import { googleApiKeyCheck } from './google-api-key/check.js';
import { googleOauthCheck } from './google-oauth/check.js';
import { groqCheck } from './groq/check.js';
import { herokuCheck } from './heroku/check.js';
import { hubspotCheck } from './hubspot/check.js';
import { huggingfaceCheck } from './huggingface/check.js';
import { intercomCheck } from './intercom/check.js';
import { launchdarklyCheck } from './launchdarkly/check.js';
import { linearCheck } from './linear/check.js';
import { mailchimpCheck } from './mailchimp/check.js';
import { mailgunCheck } from './mailgun/check.js';
import { mapboxCheck } from './mapbox/check.js';
import { netlifyCheck } from './netlify/check.js';
import { newRelicCheck } from './new-relic/check.js';
import { notionCheck } from './notion/check.js';
import { npmCheck } from './npm/check.js';
import { openaiCheck } from './openai/check.js';
import { openrouterCheck } from './openrouter/check.js';
import { pineconeCheck } from './pinecone/check.js';
import { posthogCheck } from './posthog/check.js';
import { postmanCheck } from './postman/check.js';
import { prefectCheck } from './prefect/check.js';
import { pulumiCheck } from './pulumi/check.js';
import { replicateCheck } from './replicate/check.js';
import { resendCheck } from './resend/check.js';
import { rubygemsCheck } from './rubygems/check.js';
import { segmentCheck } from './segment/check.js';
import { sendgridCheck } from './sendgrid/check.js';
import { sentryCheck } from './sentry/check.js';
import { shippoCheck } from './shippo/check.js';
import { shopifyCheck } from './shopify/check.js';
import { slackWebhookCheck } from './slack-webhook/check.js';
import { slackCheck } from './slack/check.js';
import { squareCheck } from './square/check.js';
import { stripeCheck } from './stripe/check.js';
import { supabaseCheck } from './supabase/check.js';
import { tailscaleCheck } from './tailscale/check.js';
import { telegramCheck } from './telegram/check.js';
import { terraformCloudCheck } from './terraform-cloud/check.js';
import { togetherCheck } from './together/check.js';
import { typeformCheck } from './typeform/check.js';
import { vercelCheck } from './vercel/check.js';
import { xaiCheck } from './xai/check.js';
import { yandexCloudCheck } from './yandex-cloud/check.js';
import type { ProviderCheck } from './types.js';

/** Every provider check, one per provider folder. */
export const LIVENESS_CHECKS: readonly ProviderCheck[] = [
  githubCheck,
  gitlabCheck,
  npmCheck,
  slackCheck,
  slackWebhookCheck,
  stripeCheck,
  awsCheck,
  openaiCheck,
  anthropicCheck,
  sendgridCheck,
  digitaloceanCheck,
  huggingfaceCheck,
  postmanCheck,
  shopifyCheck,
  databricksCheck,
  googleApiKeyCheck,
  groqCheck,
  xaiCheck,
  openrouterCheck,
  replicateCheck,
  linearCheck,
  notionCheck,
  figmaCheck,
  dopplerCheck,
  hubspotCheck,
  cloudflareCheck,
  herokuCheck,
  vercelCheck,
  netlifyCheck,
  terraformCloudCheck,
  tailscaleCheck,
  circleciCheck,
  buildkiteCheck,
  telegramCheck,
  discordWebhookCheck,
  mailchimpCheck,
  brevoCheck,
  resendCheck,
  sentryCheck,
  supabaseCheck,
  mapboxCheck,
  pulumiCheck,
  googleOauthCheck,
  elevenlabsCheck,
  shippoCheck,
  duffelCheck,
  contentfulCheck,
  togetherCheck,
  pineconeCheck,
  easypostCheck,
  gcpServiceAccountCheck,
  yandexCloudCheck,
  azureStorageCheck,
  azureCosmosDbCheck,
  mailgunCheck,
  newRelicCheck,
  intercomCheck,
  posthogCheck,
  frameioCheck,
  segmentCheck,
  rubygemsCheck,
  clickupCheck,
  squareCheck,
  launchdarklyCheck,
  typeformCheck,
  prefectCheck,
];

const BY_DETECTOR = new Map<string, ProviderCheck>();
for (const check of LIVENESS_CHECKS) {
  for (const detector of check.detectors) {
    if (BY_DETECTOR.has(detector)) throw new Error(`two liveness checks claim detector ${detector}`);
    BY_DETECTOR.set(detector, check);
  }
}

/** The check that tests findings of `detectorId`, if any. */
export function checkForDetector(detectorId: string): ProviderCheck | undefined {
  return BY_DETECTOR.get(detectorId);
}

export function checkById(id: string): ProviderCheck | undefined {
  return LIVENESS_CHECKS.find((c) => c.id === id);
}
