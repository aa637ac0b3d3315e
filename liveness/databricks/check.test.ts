import { describe, expect, it } from 'vitest';
import { examples } from '../../detectors/databricks-access-token/examples.js';
import { WORKSPACE_HOST_COMPANION } from '../../detectors/databricks-access-token/detector.js';
import { SecretValue } from '../../scanner/secret-value.js';
import type { CheckInput } from '../types.js';
import type { StandInReply } from '../../test/support/provider-stand-in.js';
import { DATABRICKS_IP_BLOCKED, databricksRoutes } from '../../test/support/providers/databricks.js';
import { checkOnce, describeProviderCheck, secretInput } from '../../test/support/liveness-harness.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { attributeMe, databricksCheck, workspaceBaseUrl } from './check.js';

const t = new TokenFactory('liveness-databricks');
const token = examples.generate!(t);
const HOST = 'dbc-1a2b3c4d-5e6f.cloud.databricks.com';

function withHost(host: string = HOST): CheckInput {
  return secretInput('databricks-access-token', token, { companion: { name: WORKSPACE_HOST_COMPANION, value: new SecretValue(host) } });
}

describeProviderCheck({
  check: databricksCheck,
  routes: databricksRoutes,
  cases: [{ input: withHost(), credential: token, expectLive: (v) => expect(v.owner).toEqual({ user: 'jane.doe@example.com', email: 'jane.doe@example.com' }) }],
});

/** The stand-in answering `reply` to every credential. */
function answering(reply: StandInReply): typeof databricksRoutes {
  return databricksRoutes.map((r) => ({ ...r, live: () => reply, revoked: () => reply }));
}

describe('databricks liveness check, provider-specific answers', () => {
  it('calls the workspace found beside the token: {workspace} in the base URL is replaced by the companion', async () => {
    const { verdict, requests } = await checkOnce({ check: databricksCheck, routes: databricksRoutes, input: withHost(), valid: [token], baseUrl: (url) => `${url}/{workspace}` });
    expect(verdict.outcome).toBe('live');
    expect(requests.map((r) => r.path)).toEqual([`/${HOST}/api/2.0/preview/scim/v2/Me`]);
    expect(workspaceBaseUrl(databricksCheck.defaultBaseUrl, 'adb-1.2.azuredatabricks.net')).toBe('https://adb-1.2.azuredatabricks.net');
  });

  it('is unknown, without a request, when no workspace host was found beside the token', async () => {
    const { verdict, requests } = await checkOnce({ check: databricksCheck, routes: databricksRoutes, input: secretInput('databricks-access-token', token), valid: [token] });
    expect(verdict).toEqual({ outcome: 'unknown', reason: 'workspace host not found beside the token' });
    expect(requests).toEqual([]);
  });

  it('never sends the token to a host that is not a workspace', async () => {
    for (const host of ['accounts.cloud.databricks.com', 'evil.example', 'acme.cloud.databricks.com.evil.example', 'acme.cloud.databricks.com/x?']) {
      const { verdict, requests } = await checkOnce({ check: databricksCheck, routes: databricksRoutes, input: withHost(host), valid: [token], baseUrl: (url) => `${url}/{workspace}` });
      expect(verdict.outcome, host).toBe('unknown');
      expect(requests, host).toEqual([]);
    }
  });

  it('is unknown when the workspace IP access list blocks us (403)', async () => {
    const { verdict } = await checkOnce({ check: databricksCheck, routes: answering(DATABRICKS_IP_BLOCKED), input: withHost() });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
    expect(verdict.reason).toMatch(/IP access list/);
  });

  it('is revoked for a 401 "Invalid access token" and for an expired token', async () => {
    for (const reply of [
      { status: 401, body: { error_code: '401', message: 'Invalid access token.' } },
      { status: 403, headers: { 'x-databricks-reason-phrase': 'Token is expired' }, body: { error_code: 403 } },
    ]) {
      const { verdict } = await checkOnce({ check: databricksCheck, routes: answering(reply), input: withHost() });
      expect(verdict, JSON.stringify(reply)).toMatchObject({ outcome: 'revoked', httpStatus: reply.status });
    }
  });

  it('is unknown for another 403 (a permission, not the token)', async () => {
    const reply = { status: 403, body: { error_code: 'PERMISSION_DENIED', message: 'User is not authorized to use this API.' } };
    const { verdict } = await checkOnce({ check: databricksCheck, routes: answering(reply), input: withHost() });
    expect(verdict).toMatchObject({ outcome: 'unknown', httpStatus: 403 });
  });

  it('attributes a service principal', () => {
    expect(attributeMe({ id: '42', applicationId: '9f0c-app', displayName: 'ci-bot', userName: '9f0c-app' })).toEqual({ user: '9f0c-app' });
  });
});
