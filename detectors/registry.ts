import type { Detector } from './types.js';
import { TABLE_ENTRIES } from './tables/tables.js';
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
// imports: AI, payment and messaging folders
// imports: observability, SaaS and private-key folders
// imports: legacy and context folders
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
  // registry: AI, payment and messaging folders
  // registry: observability, SaaS and private-key folders
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
];

/** Only the detectors that may block a push. */
export const IDENTIFIABLE_DETECTORS: readonly Detector[] = ALL_DETECTORS.filter((d) => d.tier === 'identifiable');
