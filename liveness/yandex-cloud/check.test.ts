import { describe, expect, it } from 'vitest';
import { examples } from '../../detectors/yandex-cloud-iam-token/examples.js';
import { YANDEX_PERMISSION_DENIED, YANDEX_TOKEN_INVALID, yandexCloudRoutes, yandexInstallationRoutes } from '../../test/support/providers/yandex-cloud.js';
import type { StandInReply } from '../../test/support/provider-stand-in.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { regionBaseUrls } from '../http/regions.js';
import { API_PLACEHOLDER, attributeClouds, YANDEX_CLOUD_INSTALLATIONS, yandexCloudCheck } from './check.js';

const t = new TokenFactory('liveness-yandex-cloud');
const token = examples.generate!(t);
const input = secretInput('yandex-cloud-iam-token', token);
/** The production shape: one base URL per installation, through the stand-in. */
const perInstallation = (url: string): string => `${url}/{api}`;

describeProviderCheck({
  check: yandexCloudCheck,
  routes: yandexCloudRoutes,
  baseUrl: perInstallation,
  cases: [
    {
      input,
      credential: token,
      expectLive: (v) => {
        expect(v.owner).toEqual({ account: 'prod-cloud, staging-cloud', team: 'bpf3crucp1v28b74p3rk' });
        expect(v.reason).toContain('api.cloud.yandex.net');
      },
    },
  ],
});

function answering(reply: StandInReply): typeof yandexCloudRoutes {
  return yandexCloudRoutes.map((r) => ({ ...r, live: () => reply, revoked: () => reply }));
}

describe('yandex-cloud liveness check, Yandex-specific answers', () => {
  it('asks the installations in turn and is live from the one that knows the token', async () => {
    const { verdict, requests } = await checkOnce({ check: yandexCloudCheck, routes: yandexInstallationRoutes('api.yandexcloud.kz'), input, valid: [token], baseUrl: perInstallation });
    expect(verdict).toMatchObject({ outcome: 'live', httpStatus: 200 });
    expect(verdict.reason).toContain('api.yandexcloud.kz');
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api.cloud.yandex.net/resource-manager/v1/clouds', 'GET /api.yandexcloud.kz/resource-manager/v1/clouds']);
    for (const r of requests) expect(r.headers.authorization).toBe(`Bearer ${token}`);
  });

  it('stops at the first installation that accepts the token', async () => {
    const { verdict, requests } = await checkOnce({ check: yandexCloudCheck, routes: yandexInstallationRoutes('api.cloud.yandex.net'), input, valid: [token], baseUrl: perInstallation });
    expect(verdict.outcome).toBe('live');
    expect(requests.map((r) => r.path)).toEqual(['/api.cloud.yandex.net/resource-manager/v1/clouds']);
  });

  it('is revoked only when every installation refuses the token with UNAUTHENTICATED', async () => {
    const { verdict, requests } = await checkOnce({ check: yandexCloudCheck, routes: yandexCloudRoutes, input, baseUrl: perInstallation });
    expect(verdict).toMatchObject({ outcome: 'revoked', httpStatus: 401 });
    expect(requests).toHaveLength(2);
    // One installation refusing and the other unreachable in the documented way is not enough.
    const mixed = [{ ...yandexCloudRoutes[0]!, path: '/api.yandexcloud.kz/resource-manager/v1/clouds', live: () => ({ status: 503, body: { code: 14, message: 'Service unavailable' } }), revoked: () => ({ status: 503, body: { code: 14, message: 'Service unavailable' } }) }, ...yandexCloudRoutes];
    const second = await checkOnce({ check: yandexCloudCheck, routes: mixed, input, baseUrl: perInstallation });
    expect(second.verdict).toMatchObject({ outcome: 'unknown', httpStatus: 503 });
  });

  it('asks only the configured base URL when it names no installation', async () => {
    const { verdict, requests } = await checkOnce({ check: yandexCloudCheck, routes: yandexCloudRoutes, input, valid: [token] });
    expect(verdict.outcome).toBe('live');
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /resource-manager/v1/clouds']);
    expect(regionBaseUrls(yandexCloudCheck.defaultBaseUrl, YANDEX_CLOUD_INSTALLATIONS, API_PLACEHOLDER).map((i) => i.baseUrl)).toEqual(['https://resource-manager.api.cloud.yandex.net', 'https://resource-manager.api.yandexcloud.kz']);
  });

  it('is live for PERMISSION_DENIED (authenticated, may not list clouds) and for an empty list', async () => {
    const denied = await checkOnce({ check: yandexCloudCheck, routes: answering(YANDEX_PERMISSION_DENIED), input, baseUrl: perInstallation });
    expect(denied.verdict).toMatchObject({ outcome: 'live', httpStatus: 403 });
    const empty = await checkOnce({ check: yandexCloudCheck, routes: answering({ status: 200, body: {} }), input, baseUrl: perInstallation });
    expect(empty.verdict).toEqual({ outcome: 'live', reason: 'Yandex Cloud accepted the token (api.cloud.yandex.net)', httpStatus: 200 });
  });

  it('is unknown for a 401 without the UNAUTHENTICATED body and for a 200 carrying an error', async () => {
    for (const reply of [
      { status: 401, body: { message: 'Unauthorized' } },
      { status: 200, body: { code: 16, message: 'Token is invalid or has expired.' } },
      { status: 403, body: { code: 16, message: 'Token is invalid or has expired.' } },
    ]) {
      const { verdict } = await checkOnce({ check: yandexCloudCheck, routes: answering(reply), input, baseUrl: perInstallation });
      expect(verdict, JSON.stringify(reply)).toMatchObject({ outcome: 'unknown', httpStatus: reply.status });
    }
    expect(YANDEX_TOKEN_INVALID.status).toBe(401);
  });

  it('only ever reads: GET of the clouds list', async () => {
    const { requests } = await checkOnce({ check: yandexCloudCheck, routes: yandexCloudRoutes, input, baseUrl: perInstallation });
    expect(requests.every((r) => r.method === 'GET' && r.path.endsWith('/resource-manager/v1/clouds'))).toBe(true);
  });

  it('attributes cloud names and organisations', () => {
    expect(attributeClouds([{ id: 'b1g1', name: 'a', organizationId: 'o1' }, { id: 'b1g2', organizationId: 'o1' }, null])).toEqual({ account: 'a, b1g2', team: 'o1' });
    expect(attributeClouds([])).toBeUndefined();
  });
});
