import type { Detector } from './types.js';
import { TABLE_ENTRIES } from './tables/tables.js';
import { registerIdentifiablePrefixes } from './builders/placeholder.js';
import { detector as githubPatClassic } from './github-pat-classic/detector.js';
import { detector as githubOauthToken } from './github-oauth-token/detector.js';
import { detector as githubUserToServerToken } from './github-user-to-server-token/detector.js';
import { detector as githubServerToServerToken } from './github-server-to-server-token/detector.js';
import { detector as githubRefreshToken } from './github-refresh-token/detector.js';
import { detector as npmAccessToken } from './npm-access-token/detector.js';
import { detector as githubFineGrainedPat } from './github-fine-grained-pat/detector.js';
import { detector as awsAccessKey } from './aws-access-key/detector.js';
import { detector as slackBotToken } from './slack-bot-token/detector.js';
import { detector as slackUserToken } from './slack-user-token/detector.js';
import { detector as slackAppToken } from './slack-app-token/detector.js';
import { detector as slackExpiringToken } from './slack-expiring-token/detector.js';
import { detector as slackRefreshToken } from './slack-refresh-token/detector.js';
import { detector as slackIncomingWebhook } from './slack-incoming-webhook/detector.js';
import { detector as slackWorkflowWebhook } from './slack-workflow-webhook/detector.js';
import { detector as stripeSecretKey } from './stripe-secret-key/detector.js';
import { detector as stripeRestrictedKey } from './stripe-restricted-key/detector.js';
import { detector as gitlabPat } from './gitlab-pat/detector.js';
import { detector as gitlabDeployToken } from './gitlab-deploy-token/detector.js';
import { detector as gitlabRunnerToken } from './gitlab-runner-token/detector.js';
import { detector as gitlabPipelineTriggerToken } from './gitlab-pipeline-trigger-token/detector.js';
import { detector as gitlabScimToken } from './gitlab-scim-token/detector.js';
import { detector as gitlabRunnerRegistrationToken } from './gitlab-runner-registration-token/detector.js';
import { detector as googleApiKey } from './google-api-key/detector.js';
import { detector as openaiApiKey } from './openai-api-key/detector.js';
import { detector as openaiAdminKey } from './openai-admin-key/detector.js';
import { detector as anthropicApiKey } from './anthropic-api-key/detector.js';
import { detector as anthropicAdminKey } from './anthropic-admin-key/detector.js';
import { detector as sendgridApiKey } from './sendgrid-api-key/detector.js';
import { detector as shopifyAccessToken } from './shopify-access-token/detector.js';
import { detector as shopifyCustomAppToken } from './shopify-custom-app-token/detector.js';
import { detector as shopifyPrivateAppToken } from './shopify-private-app-token/detector.js';
import { detector as shopifySharedSecret } from './shopify-shared-secret/detector.js';
import { detector as digitaloceanPat } from './digitalocean-pat/detector.js';
import { detector as digitaloceanOauthToken } from './digitalocean-oauth-token/detector.js';
import { detector as digitaloceanRefreshToken } from './digitalocean-refresh-token/detector.js';
import { detector as huggingfaceUserAccessToken } from './huggingface-user-access-token/detector.js';
import { detector as huggingfaceOrgApiToken } from './huggingface-org-api-token/detector.js';
import { detector as postmanApiKey } from './postman-api-key/detector.js';
import { detector as pypiUploadToken } from './pypi-upload-token/detector.js';
import { detector as databricksAccessToken } from './databricks-access-token/detector.js';
import { detector as dopplerToken } from './doppler-token/detector.js';
import { detector as linearApiKey } from './linear-api-key/detector.js';
import { detector as hashicorpVaultServiceToken } from './hashicorp-vault-service-token/detector.js';
import { detector as hashicorpVaultBatchToken } from './hashicorp-vault-batch-token/detector.js';
import { detector as atlassianApiToken } from './atlassian-api-token/detector.js';
import { detector as grafanaCloudAccessPolicyToken } from './grafana-cloud-access-policy-token/detector.js';
import { detector as grafanaServiceAccountToken } from './grafana-service-account-token/detector.js';
import { detector as sentryOrgAuthToken } from './sentry-org-auth-token/detector.js';
import { detector as sentryUserAuthToken } from './sentry-user-auth-token/detector.js';
import { detector as supabasePersonalAccessToken } from './supabase-personal-access-token/detector.js';
import { detector as planetscaleServiceToken } from './planetscale-service-token/detector.js';
import { detector as planetscalePassword } from './planetscale-password/detector.js';
import { detector as ageSecretKey } from './age-secret-key/detector.js';
import { detector as nugetApiKey } from './nuget-api-key/detector.js';
import { detector as privateKeyPem } from './private-key-pem/detector.js';
import { detector as privateKeyPemEncrypted } from './private-key-pem-encrypted/detector.js';
import { detector as privateKeyPemBase64 } from './private-key-pem-base64/detector.js';
import { detector as puttyPrivateKey } from './putty-private-key/detector.js';
import { detector as puttyPrivateKeyEncrypted } from './putty-private-key-encrypted/detector.js';
import { detector as azureStorageAccountKey } from './azure-storage-account-key/detector.js';
import { detector as azureCosmosDbKey } from './azure-cosmos-db-key/detector.js';
import { detector as azureBatchKey } from './azure-batch-key/detector.js';
import { detector as azureMlClassicKey } from './azure-ml-classic-key/detector.js';
import { detector as azureApimKey } from './azure-apim-key/detector.js';
import { detector as azureServiceBusKey } from './azure-service-bus-key/detector.js';
import { detector as azureEventHubsKey } from './azure-event-hubs-key/detector.js';
import { detector as azureRelayKey } from './azure-relay-key/detector.js';
import { detector as azureIotKey } from './azure-iot-key/detector.js';
import { detector as azureEventGridKey } from './azure-event-grid-key/detector.js';
import { detector as azureCacheForRedisKey } from './azure-cache-for-redis-key/detector.js';
import { detector as azureFunctionsKey } from './azure-functions-key/detector.js';
import { detector as azureSearchAdminKey } from './azure-search-admin-key/detector.js';
import { detector as azureSearchQueryKey } from './azure-search-query-key/detector.js';
import { detector as azureContainerRegistryKey } from './azure-container-registry-key/detector.js';
import { detector as entraClientSecret } from './entra-client-secret/detector.js';
import { detector as azureDevopsLegacyPat } from './azure-devops-legacy-pat/detector.js';
import { detector as azureDevopsPat } from './azure-devops-pat/detector.js';
import { detector as azureAiServicesKey } from './azure-ai-services-key/detector.js';
import { detector as microsoftCaskKey } from './microsoft-cask-key/detector.js';
// imports: cloud, CI/CD and registries folders
import { detector as gcpServiceAccountKey } from './gcp-service-account-key/detector.js';
import { detector as googleOauthAccessToken } from './google-oauth-access-token/detector.js';
import { detector as vercelPersonalAccessToken } from './vercel-personal-access-token/detector.js';
import { detector as vercelIntegrationToken } from './vercel-integration-token/detector.js';
import { detector as vercelAppAccessToken } from './vercel-app-access-token/detector.js';
import { detector as vercelAppRefreshToken } from './vercel-app-refresh-token/detector.js';
import { detector as vercelApiKey } from './vercel-api-key/detector.js';
import { detector as atlassianAccessToken } from './atlassian-access-token/detector.js';
import { detector as bitbucketAppPassword } from './bitbucket-app-password/detector.js';
import { detector as gitlabFeedToken } from './gitlab-feed-token/detector.js';
import { detector as gitlabIncomingEmailToken } from './gitlab-incoming-email-token/detector.js';
import { detector as gitlabAgentToken } from './gitlab-agent-token/detector.js';
import { detector as gitlabOauthApplicationSecret } from './gitlab-oauth-application-secret/detector.js';
import { detector as gitlabFeatureFlagsClientToken } from './gitlab-feature-flags-client-token/detector.js';
import { detector as gitlabCiJobToken } from './gitlab-ci-job-token/detector.js';
// imports: AI, payment and messaging folders
import { detector as elevenlabsApiKey } from './elevenlabs-api-key/detector.js';
import { detector as firecrawlApiKey } from './firecrawl-api-key/detector.js';
import { detector as polarOrganizationAccessToken } from './polar-organization-access-token/detector.js';
import { detector as telegramBotToken } from './telegram-bot-token/detector.js';
import { detector as discordWebhookUrl } from './discord-webhook-url/detector.js';
import { detector as microsoftTeamsIncomingWebhook } from './microsoft-teams-incoming-webhook/detector.js';
import { detector as azureLogicAppsTriggerUrl } from './azure-logic-apps-trigger-url/detector.js';
import { detector as powerAutomateWorkflowUrl } from './power-automate-workflow-url/detector.js';
import { detector as mailchimpApiKey } from './mailchimp-api-key/detector.js';
import { detector as mailgunApiKey } from './mailgun-api-key/detector.js';
import { detector as resendApiKey } from './resend-api-key/detector.js';
import { detector as intercomAccessToken } from './intercom-access-token/detector.js';
// imports: observability, SaaS and private-key folders
import { detector as grafanaApiKey } from './grafana-api-key/detector.js';
import { detector as onepasswordServiceAccountToken } from './onepassword-service-account-token/detector.js';
import { detector as sentryDsnWithSecret } from './sentry-dsn-with-secret/detector.js';
import { detector as cloudinaryUrl } from './cloudinary-url/detector.js';
import { detector as lobLiveApiKey } from './lob-live-api-key/detector.js';
import { detector as launchdarklyAccessToken } from './launchdarkly-access-token/detector.js';
import { detector as launchdarklySdkKey } from './launchdarkly-sdk-key/detector.js';
import { detector as posthogPersonalApiKey } from './posthog-personal-api-key/detector.js';
import { detector as zohoOauthToken } from './zoho-oauth-token/detector.js';
import { detector as clickupPersonalApiToken } from './clickup-personal-api-token/detector.js';
import { detector as pgpPrivateKey } from './pgp-private-key/detector.js';
import { detector as pgpPrivateKeyEncrypted } from './pgp-private-key-encrypted/detector.js';
import { detector as javaKeystoreBase64 } from './java-keystore-base64/detector.js';
import { detector as privateKeyDerBase64 } from './private-key-der-base64/detector.js';
import { detector as trelloApiToken } from './trello-api-token/detector.js';
import { detector as yandexCloudIamToken } from './yandex-cloud-iam-token/detector.js';
// imports: legacy and context folders
import { CONTEXT_ENTRIES } from './context-tables/context-tables.js';
import { detector as bearerTokenHeader } from './bearer-token-header/detector.js';
import { detector as jsonWebToken } from './json-web-token/detector.js';
import { detector as twitchStreamKey } from './twitch-stream-key/detector.js';
import { detector as salesforceAccessToken } from './salesforce-access-token/detector.js';
import { detector as commandLinePassword } from './command-line-password/detector.js';
import { detector as passwordInProse } from './password-in-prose/detector.js';
import { detector as jwtSigningSecret } from './jwt-signing-secret/detector.js';
import { detector as frontendEnvPassword } from './frontend-env-password/detector.js';
import { detector as hardcodedLoginCheck } from './hardcoded-login-check/detector.js';
import { detector as dependencyTrackApiKey } from './dependency-track-api-key/detector.js';
import { detector as userPasswordPair } from './user-password-pair/detector.js';
import { detector as stripeTestSecretKey } from './stripe-test-secret-key/detector.js';
import { detector as djangoSecretKey } from './django-secret-key/detector.js';
import { detector as wordpressAuthSalts } from './wordpress-auth-salts/detector.js';
import { detector as filezillaStoredPassword } from './filezilla-stored-password/detector.js';
import { detector as firefoxSavedLogin } from './firefox-saved-login/detector.js';
import { detector as unixPasswordHash } from './unix-password-hash/detector.js';
import { detector as sqlDumpPasswordHash } from './sql-dump-password-hash/detector.js';
import { detector as passwordAssignment } from './password-assignment/detector.js';
import { detector as urlCredentials } from './url-credentials/detector.js';
import { detector as databaseConnectionString } from './database-connection-string/detector.js';
import { detector as jdbcConnectionString } from './jdbc-connection-string/detector.js';
import { detector as azureStorageConnectionString } from './azure-storage-connection-string/detector.js';
import { detector as azureCosmosdbConnectionString } from './azure-cosmosdb-connection-string/detector.js';
import { detector as azureSharedAccessKeyConnectionString } from './azure-shared-access-key-connection-string/detector.js';
import { detector as awsSecretAccessKeyAssignment } from './aws-secret-access-key-assignment/detector.js';
import { detector as netrcCredentials } from './netrc-credentials/detector.js';
import { detector as npmrcAuth } from './npmrc-auth/detector.js';
import { detector as pypircPassword } from './pypirc-password/detector.js';
import { detector as dockerConfigAuths } from './docker-config-auths/detector.js';
import { detector as basicAuthHeader } from './basic-auth-header/detector.js';
import { detector as genericSecretAssignment } from './generic-secret-assignment/detector.js';
import { detector as privateKeyInKeystore } from './private-key-in-keystore/detector.js';
import { detector as credentialConstructorCall } from './credential-constructor-call/detector.js';
import { detector as privateKeyInKeystoreBase64 } from './private-key-in-keystore-base64/detector.js';

/**
 * Every detector, in a fixed order. One line per detector folder, then the
 * rows of the format tables; the conformance test fails when a folder is
 * missing here.
 */
export const ALL_DETECTORS: readonly Detector[] = [
  githubPatClassic,
  githubOauthToken,
  githubUserToServerToken,
  githubServerToServerToken,
  githubRefreshToken,
  npmAccessToken,
  githubFineGrainedPat,
  awsAccessKey,
  slackBotToken,
  slackUserToken,
  slackAppToken,
  slackExpiringToken,
  slackRefreshToken,
  slackIncomingWebhook,
  slackWorkflowWebhook,
  stripeSecretKey,
  stripeRestrictedKey,
  gitlabPat,
  gitlabDeployToken,
  gitlabRunnerToken,
  gitlabPipelineTriggerToken,
  gitlabScimToken,
  gitlabRunnerRegistrationToken,
  googleApiKey,
  openaiApiKey,
  openaiAdminKey,
  anthropicApiKey,
  anthropicAdminKey,
  sendgridApiKey,
  shopifyAccessToken,
  shopifyCustomAppToken,
  shopifyPrivateAppToken,
  shopifySharedSecret,
  digitaloceanPat,
  digitaloceanOauthToken,
  digitaloceanRefreshToken,
  huggingfaceUserAccessToken,
  huggingfaceOrgApiToken,
  postmanApiKey,
  pypiUploadToken,
  databricksAccessToken,
  dopplerToken,
  linearApiKey,
  hashicorpVaultServiceToken,
  hashicorpVaultBatchToken,
  atlassianApiToken,
  grafanaCloudAccessPolicyToken,
  grafanaServiceAccountToken,
  sentryOrgAuthToken,
  sentryUserAuthToken,
  supabasePersonalAccessToken,
  planetscaleServiceToken,
  planetscalePassword,
  ageSecretKey,
  nugetApiKey,
  privateKeyPem,
  privateKeyPemEncrypted,
  privateKeyPemBase64,
  puttyPrivateKey,
  puttyPrivateKeyEncrypted,
  azureStorageAccountKey,
  azureCosmosDbKey,
  azureBatchKey,
  azureMlClassicKey,
  azureApimKey,
  azureServiceBusKey,
  azureEventHubsKey,
  azureRelayKey,
  azureIotKey,
  azureEventGridKey,
  azureCacheForRedisKey,
  azureFunctionsKey,
  azureSearchAdminKey,
  azureSearchQueryKey,
  azureContainerRegistryKey,
  entraClientSecret,
  azureDevopsLegacyPat,
  azureDevopsPat,
  azureAiServicesKey,
  microsoftCaskKey,
  // Folders added with the catalogue (formats with their own validator or structure).
  // registry: cloud, CI/CD and registries folders
  gcpServiceAccountKey,
  googleOauthAccessToken,
  vercelPersonalAccessToken,
  vercelIntegrationToken,
  vercelAppAccessToken,
  vercelAppRefreshToken,
  vercelApiKey,
  atlassianAccessToken,
  bitbucketAppPassword,
  gitlabFeedToken,
  gitlabIncomingEmailToken,
  gitlabAgentToken,
  gitlabOauthApplicationSecret,
  gitlabFeatureFlagsClientToken,
  gitlabCiJobToken,
  // registry: AI, payment and messaging folders
  elevenlabsApiKey,
  firecrawlApiKey,
  polarOrganizationAccessToken,
  telegramBotToken,
  discordWebhookUrl,
  microsoftTeamsIncomingWebhook,
  azureLogicAppsTriggerUrl,
  powerAutomateWorkflowUrl,
  mailchimpApiKey,
  mailgunApiKey,
  resendApiKey,
  intercomAccessToken,
  // registry: observability, SaaS and private-key folders
  grafanaApiKey,
  onepasswordServiceAccountToken,
  sentryDsnWithSecret,
  cloudinaryUrl,
  lobLiveApiKey,
  launchdarklyAccessToken,
  launchdarklySdkKey,
  posthogPersonalApiKey,
  zohoOauthToken,
  clickupPersonalApiToken,
  pgpPrivateKey,
  pgpPrivateKeyEncrypted,
  javaKeystoreBase64,
  privateKeyDerBase64,
  trelloApiToken,
  yandexCloudIamToken,
  // Rows of the format tables (detectors/tables/): a prefix, an alphabet and a length.
  ...TABLE_ENTRIES.map((e) => e.detector),
  passwordAssignment,
  urlCredentials,
  databaseConnectionString,
  jdbcConnectionString,
  azureStorageConnectionString,
  azureCosmosdbConnectionString,
  azureSharedAccessKeyConnectionString,
  awsSecretAccessKeyAssignment,
  netrcCredentials,
  npmrcAuth,
  pypircPassword,
  dockerConfigAuths,
  basicAuthHeader,
  genericSecretAssignment,
  privateKeyInKeystore,
  credentialConstructorCall,
  privateKeyInKeystoreBase64,
  // registry: legacy and context folders
  bearerTokenHeader,
  jsonWebToken,
  twitchStreamKey,
  salesforceAccessToken,
  commandLinePassword,
  passwordInProse,
  jwtSigningSecret,
  frontendEnvPassword,
  hardcodedLoginCheck,
  dependencyTrackApiKey,
  userPasswordPair,
  stripeTestSecretKey,
  djangoSecretKey,
  wordpressAuthSalts,
  filezillaStoredPassword,
  firefoxSavedLogin,
  unixPasswordHash,
  sqlDumpPasswordHash,
  // Context-required formats (detectors/context-tables/): a value shape next to its provider's word.
  ...CONTEXT_ENTRIES.map((e) => e.detector),
];

/** Only the detectors that may block a push. */
export const IDENTIFIABLE_DETECTORS: readonly Detector[] = ALL_DETECTORS.filter((d) => d.tier === 'identifiable');

// Legacy detectors leave values that start like an identifiable format to that format's detector.
registerIdentifiablePrefixes(IDENTIFIABLE_DETECTORS.flatMap((d) => (d.keywordsIgnoreCase ? [] : d.keywords)));

/**
 * Families whose every detector is identifiable: their values are provider-issued
 * random bodies, so an unkeyed fingerprint of them may be a fast hash. A family
 * with any legacy detector may hold values people chose, and gets the slow one
 * (scanner/fingerprint.ts), whichever detector saw a value first.
 */
export const RANDOM_VALUE_FAMILIES: ReadonlySet<string> = (() => {
  const withLegacy = new Set(ALL_DETECTORS.filter((d) => d.tier === 'legacy').map((d) => d.family));
  return new Set(ALL_DETECTORS.filter((d) => !withLegacy.has(d.family)).map((d) => d.family));
})();
