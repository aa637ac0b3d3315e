import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * Hugging Face Hub stand-in. The whoami body follows the shape documented
 * by the Hub's clients (huggingface.js `packages/hub/src/lib/who-am-i.ts`:
 * WhoAmIUser / WhoAmIOrg with `auth.accessToken.{displayName, role}`), see
 * https://huggingface.co/docs/huggingface_hub/package_reference/hf_api#huggingface_hub.HfApi.whoami;
 * the 401 body is the Hub's answer to an invalid token.
 */
export const HUGGINGFACE_INVALID_TOKEN: StandInReply = { status: 401, body: { error: 'Invalid credentials in Authorization header' } };

/** Organization tokens start with this; the stand-in answers them as the organization. */
const ORG_TOKEN_PREFIX = 'api_org_';

function whoami(credential: string): StandInReply {
  if (credential.startsWith(ORG_TOKEN_PREFIX)) {
    return {
      status: 200,
      body: { type: 'org', id: '5e67bd5b1009063689407478', name: 'acme-research', fullname: 'Acme Research', email: null, canPay: true, avatarUrl: '', periodEnd: null, auth: { type: 'access_token' } },
    };
  }
  return {
    status: 200,
    body: {
      type: 'user',
      id: '60a76b174e24361791fe822d',
      name: 'julien-c',
      fullname: 'Julien Chaumond',
      email: 'julien@huggingface.co',
      emailVerified: true,
      isPro: false,
      canPay: true,
      periodEnd: null,
      avatarUrl: '',
      orgs: [{ type: 'org', id: '5e67bd5b1009063689407478', name: 'acme-research', fullname: 'Acme Research', email: null, canPay: true, avatarUrl: '', periodEnd: null, roleInOrg: 'admin' }],
      auth: { type: 'access_token', accessToken: { displayName: 'ci-upload', role: 'write', createdAt: '2024-05-02T09:12:44.000Z' } },
    },
  };
}

export const huggingfaceRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/api/whoami-v2',
    credential: bearerCredential,
    live: (_request, credential) => whoami(credential),
    revoked: () => HUGGINGFACE_INVALID_TOKEN,
  },
];
