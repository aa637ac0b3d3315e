import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * HCP Terraform API stand-in. The account body follows the sample response
 * of https://developer.hashicorp.com/terraform/cloud-docs/api-docs/account#get-your-account-details
 * (a JSON:API `users` document); the 401 body is HCP Terraform's JSON:API
 * error for a token it does not know (`status` "401", `title`
 * "unauthorized"), see https://developer.hashicorp.com/terraform/cloud-docs/api-docs#authentication.
 */
export const TERRAFORM_CLOUD_UNAUTHORIZED: StandInReply = { status: 401, body: { errors: [{ status: '401', title: 'unauthorized' }] } };

export function terraformAccount(serviceAccount = false): StandInReply {
  return {
    status: 200,
    body: {
      data: {
        id: serviceAccount ? 'user-9dwMkSqDyMeQUZ3a' : 'user-V3R563qtJNcExAkN',
        type: 'users',
        attributes: {
          username: serviceAccount ? 'api-team_1234567' : 'admin',
          'is-service-account': serviceAccount,
          'avatar-url': 'https://www.gravatar.com/avatar/9babb00091b97b9ce9538c45807fd35f?s=100&d=mm',
          'v2-only': false,
          'is-site-admin': true,
          'is-sso-login': false,
          email: serviceAccount ? null : 'admin@hashicorp.com',
          'unconfirmed-email': null,
          permissions: { 'can-create-organizations': true, 'can-change-email': true, 'can-change-username': true },
        },
        relationships: { 'authentication-tokens': { links: { related: '/api/v2/users/user-V3R563qtJNcExAkN/authentication-tokens' } } },
        links: { self: '/api/v2/users/user-V3R563qtJNcExAkN' },
      },
    },
  };
}

export const terraformCloudRoutes: StandInRoute[] = [
  { method: 'GET', path: '/api/v2/account/details', credential: bearerCredential, live: () => terraformAccount(), revoked: () => TERRAFORM_CLOUD_UNAUTHORIZED },
];
