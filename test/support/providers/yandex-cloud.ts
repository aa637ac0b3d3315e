import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * Yandex Cloud Resource Manager stand-in for `GET /resource-manager/v1/clouds`
 * (https://yandex.cloud/en/docs/resource-manager/api-ref/Cloud/list), reading
 * the IAM token from `Authorization: Bearer`
 * (https://yandex.cloud/en/docs/iam/concepts/authorization/iam-token). The
 * live body follows the `ListCloudsResponse` of that page; errors are the
 * `google.rpc.Status` bodies of
 * https://yandex.cloud/en/docs/api-design-guide/concepts/errors, whose REST
 * example is the one an invalid or expired token gets: 401
 * `{"code":16,"message":"Token is invalid or has expired.","details":[RequestInfo]}`.
 *
 * The path may carry a leading `/<api domain>` segment: the check's base URL
 * `<stand-in>/{api}` then reaches one installation per domain, and
 * `yandexInstallationRoutes` makes a token known to one installation only.
 */
export const YANDEX_TOKEN_INVALID: StandInReply = {
  status: 401,
  body: { code: 16, message: 'Token is invalid or has expired.', details: [{ '@type': 'type.googleapis.com/google.rpc.RequestInfo', requestId: 'e38e71c3-adc6-4584-98a4-b0f103d55f61' }] },
};
export const YANDEX_PERMISSION_DENIED: StandInReply = {
  status: 403,
  body: { code: 7, message: 'Permission denied', details: [{ '@type': 'type.googleapis.com/google.rpc.RequestInfo', requestId: '5b1f2c4e-7d1a-4f0e-9a39-0c1e2d3f4a5b' }] },
};

export const YANDEX_CLOUDS: StandInReply = {
  status: 200,
  body: {
    clouds: [
      { id: 'b1gia87mbaomkfvsleds', createdAt: '2024-03-11T09:13:43Z', name: 'prod-cloud', description: '', organizationId: 'bpf3crucp1v28b74p3rk', labels: {} },
      { id: 'b1g8dn6s3v2eiid9dbci', createdAt: '2024-05-02T16:40:05Z', name: 'staging-cloud', description: '', organizationId: 'bpf3crucp1v28b74p3rk', labels: {} },
    ],
  },
};

const CLOUDS_PATH = /^(\/[a-z.]+)?\/resource-manager\/v1\/clouds$/;

export const yandexCloudRoutes: StandInRoute[] = [
  { method: 'GET', path: CLOUDS_PATH, credential: bearerCredential, live: () => YANDEX_CLOUDS, revoked: () => YANDEX_TOKEN_INVALID },
];

/** Routes where only the installation at `domain` knows the stand-in's tokens; the others answer 401 code 16. */
export function yandexInstallationRoutes(domain: string): StandInRoute[] {
  const own = `/${domain}/resource-manager/v1/clouds`;
  return [
    { method: 'GET', path: own, credential: bearerCredential, live: () => YANDEX_CLOUDS, revoked: () => YANDEX_TOKEN_INVALID },
    { method: 'GET', path: CLOUDS_PATH, credential: () => undefined, live: () => YANDEX_CLOUDS, revoked: () => YANDEX_TOKEN_INVALID },
  ];
}
