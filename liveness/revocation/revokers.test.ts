import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examples as discordWebhook } from '../../detectors/discord-webhook-url/examples.js';
import { examples as dopplerToken } from '../../detectors/doppler-token/examples.js';
import { examples as sendgridKey } from '../../detectors/sendgrid-api-key/examples.js';
import { TABLE_ENTRIES } from '../../detectors/tables/tables.js';
import { examples as githubPat } from '../../detectors/github-pat-classic/examples.js';
import { examples as gitlabPat } from '../../detectors/gitlab-pat/examples.js';
import { examples as googleOauth } from '../../detectors/google-oauth-access-token/examples.js';
import { examples as slackBot } from '../../detectors/slack-bot-token/examples.js';
import { secretInput } from '../../test/support/liveness-harness.js';
import { ProviderStandIn, type StandInMode, type StandInRoute } from '../../test/support/provider-stand-in.js';
import { CLOUDFLARE_UNAUTHORIZED, cloudflareRevocationRoutes, cloudflareRoutes } from '../../test/support/providers/cloudflare.js';
import { discordWebhookRevocationRoutes, discordWebhookRoutes } from '../../test/support/providers/discord-webhook.js';
import { dopplerRevocationRoutes, dopplerRoutes } from '../../test/support/providers/doppler.js';
import { SENDGRID_ACCESS_FORBIDDEN, sendgridRevocationRoutes, sendgridRoutes } from '../../test/support/providers/sendgrid.js';
import { GITHUB_REVOCATION_SPAMMED, githubRevocationRoutes, githubRoutes } from '../../test/support/providers/github.js';
import { gitlabRevocationRoutes, gitlabRoutes } from '../../test/support/providers/gitlab.js';
import { googleOauthRevocationRoutes, googleOauthRoutes } from '../../test/support/providers/google-oauth.js';
import { slackRevocationRoutes, slackRoutes } from '../../test/support/providers/slack.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { LivenessHttp } from '../http/liveness-http.js';
import { checkForDetector } from '../registry.js';
import { runCheck } from '../run-check.js';
import type { CheckInput } from '../types.js';
import { REVOKERS, revokerForDetector } from './revokers.js';
import { runRevocation } from './run-revocation.js';
import { sendgridKeyId } from '../sendgrid/revoke.js';
import type { RevocationResult } from './types.js';

const t = new TokenFactory('revocation');
const discordUrl = discordWebhook.generate!(t);

interface RevokerCase {
  readonly detector: string;
  readonly secret: string;
  /** How the stand-in knows the credential (the discord webhook is `id/token`). */
  readonly credential: string;
  readonly routes: readonly StandInRoute[];
  readonly revocationRoutes: readonly StandInRoute[];
  /** The provider's documented refusal, answered for every credential. */
  readonly refusal?: { readonly status: number; readonly body?: unknown };
  /** GitHub does not tell an invalid token from a valid one: it accepts both. */
  readonly acceptsUnknownCredentials?: boolean;
}

const CASES: readonly RevokerCase[] = [
  { detector: 'github-pat-classic', secret: (() => githubPat.generate!(t))(), credential: '', routes: githubRoutes, revocationRoutes: githubRevocationRoutes, refusal: GITHUB_REVOCATION_SPAMMED, acceptsUnknownCredentials: true },
  { detector: 'slack-bot-token', secret: slackBot.generate!(t), credential: '', routes: slackRoutes, revocationRoutes: slackRevocationRoutes, refusal: { status: 200, body: { ok: false, error: 'not_allowed_token_type' } } },
  { detector: 'gitlab-pat', secret: gitlabPat.generate!(t), credential: '', routes: gitlabRoutes, revocationRoutes: gitlabRevocationRoutes, refusal: { status: 403, body: { message: '403 Forbidden' } } },
  { detector: 'google-oauth-access-token', secret: googleOauth.generate!(t), credential: '', routes: googleOauthRoutes, revocationRoutes: googleOauthRevocationRoutes },
  { detector: 'discord-webhook-url', secret: discordUrl, credential: discordUrl.replace(/^.*\/api\/webhooks\//, ''), routes: discordWebhookRoutes, revocationRoutes: discordWebhookRevocationRoutes },
  { detector: 'doppler-token', secret: dopplerToken.generate!(t), credential: '', routes: dopplerRoutes, revocationRoutes: dopplerRevocationRoutes, refusal: { status: 403, body: { messages: ['You do not have access to revoke this token'], success: false } } },
  { detector: 'sendgrid-api-key', secret: sendgridKey.generate!(t), credential: '', routes: sendgridRoutes, revocationRoutes: sendgridRevocationRoutes, refusal: SENDGRID_ACCESS_FORBIDDEN },
  {
    detector: 'cloudflare-user-api-token',
    secret: TABLE_ENTRIES.find((e) => e.row.id === 'cloudflare-user-api-token')!.examples.generate!(t),
    credential: '',
    routes: cloudflareRoutes,
    revocationRoutes: cloudflareRevocationRoutes,
    refusal: CLOUDFLARE_UNAUTHORIZED,
  },
].map((c) => ({ ...c, credential: c.credential || c.secret }));

const http = new LivenessHttp({ allowedPrivateHosts: ['127.0.0.1'], timeoutMs: 400 });
afterAll(() => http.close());

async function withStandIn<T>(c: RevokerCase, revocationRoutes: readonly StandInRoute[], run: (standIn: ProviderStandIn, input: CheckInput) => Promise<T>): Promise<T> {
  const standIn = await ProviderStandIn.start({ routes: [...c.routes, ...revocationRoutes], valid: [c.credential] });
  try {
    return await run(standIn, secretInput(c.detector, c.secret));
  } finally {
    await standIn.close();
  }
}

async function revokeThenCheck(standIn: ProviderStandIn, input: CheckInput): Promise<{ result: RevocationResult; after: string }> {
  const revoker = revokerForDetector(input.detector)!;
  const check = checkForDetector(input.detector)!;
  const result = await runRevocation(revoker, input, { http, baseUrl: standIn.url });
  standIn.setMode('live');
  const after = (await runCheck(check, input, { http, baseUrl: standIn.url })).outcome;
  return { result, after };
}

describe('revokers', () => {
  it('cover GitHub, Slack, GitLab, Google OAuth, Discord webhooks, Doppler, SendGrid and Cloudflare, each confirmed by its check', () => {
    expect(REVOKERS.map((r) => r.checkId)).toEqual(['github', 'slack', 'gitlab', 'google-oauth', 'discord-webhook', 'doppler', 'sendgrid', 'cloudflare']);
    for (const c of CASES) expect(revokerForDetector(c.detector), c.detector).toBeDefined();
    // Formats whose provider offers no revocation, or whose check could not confirm it.
    for (const id of ['aws-access-key', 'stripe-secret-key', 'github-refresh-token', 'slack-refresh-token', 'gitlab-deploy-token']) expect(revokerForDetector(id), id).toBeUndefined();
  });

  for (const c of CASES) {
    describe(c.detector, () => {
      it('a live credential: the provider accepts, and the check then says revoked', async () => {
        await withStandIn(c, c.revocationRoutes, async (standIn, input) => {
          const before = await runCheck(checkForDetector(c.detector)!, input, { http, baseUrl: standIn.url });
          expect(before.outcome).toBe('live');
          const { result, after } = await revokeThenCheck(standIn, input);
          expect(result.outcome).toBe('accepted');
          expect(after).toBe('revoked');
          expect(JSON.stringify(result)).not.toContain(c.secret);
          const call = standIn.requests.find((r) => r.method !== 'GET' && c.revocationRoutes.some((route) => route.method === r.method && (typeof route.path === 'string' ? route.path === r.path : route.path.test(r.path))));
          expect(call, 'the revocation call reached the provider').toBeDefined();
        });
      });

      it('a provider that answers accepted but leaves the credential live: the check catches it', async () => {
        await withStandIn(c, c.revocationRoutes.map((r) => ({ ...r, revokes: false })), async (standIn, input) => {
          const { result, after } = await revokeThenCheck(standIn, input);
          expect(result.outcome).toBe('accepted');
          expect(after).toBe('live');
        });
      });

      it(c.acceptsUnknownCredentials ? 'an unknown credential: accepted (the provider does not tell), and the check says revoked' : 'an unknown or dead credential: refused', async () => {
        await withStandIn(c, c.revocationRoutes, async (standIn, input) => {
          standIn.revoke(c.credential);
          const { result, after } = await revokeThenCheck(standIn, input);
          expect(result.outcome).toBe(c.acceptsUnknownCredentials ? 'accepted' : 'refused');
          expect(after).toBe('revoked');
        });
      });

      if (c.refusal) {
        const refusal = c.refusal;
        it(`the provider's documented refusal (${refusal.status}) is refused, and the credential stays live`, async () => {
          const refusing = c.revocationRoutes.map((r) => ({ ...r, revokes: false, live: () => refusal, revoked: () => refusal }));
          await withStandIn(c, refusing, async (standIn, input) => {
            const { result, after } = await revokeThenCheck(standIn, input);
            expect(result).toMatchObject({ outcome: 'refused', httpStatus: refusal.status });
            expect(after).toBe('live');
          });
        });
      }

      for (const mode of ['error', 'html', 'timeout', 'rate-limited', 'login-page', 'login-redirect'] as StandInMode[]) {
        it(`${mode}: failed, never accepted`, async () => {
          await withStandIn(c, c.revocationRoutes, async (standIn, input) => {
            standIn.setMode(mode);
            const result = await runRevocation(revokerForDetector(c.detector)!, input, { http, baseUrl: standIn.url });
            expect(result.outcome).toBe('failed');
            expect(result.reason).not.toContain(c.secret);
          });
        });
      }
    });
  }

  it('a provider that echoes the token in its refusal: the reason keeps only the redacted form', async () => {
    const c = CASES[0]!;
    const echoing = c.revocationRoutes.map((r) => ({ ...r, revokes: false, live: () => ({ status: 422, body: { message: `token ${c.secret} is not valid` } }) }));
    await withStandIn(c, echoing, async (standIn, input) => {
      const result = await runRevocation(revokerForDetector(c.detector)!, input, { http, baseUrl: standIn.url });
      expect(result.outcome).toBe('refused');
      expect(result.reason).not.toContain(c.secret);
      expect(result.reason).toContain(c.secret.slice(0, 4));
    });
  });

  it('does not revoke what no check could confirm: Doppler SCIM and audit tokens, a SendGrid value that is not SG.<id>.<secret>', async () => {
    const doppler = CASES.find((c) => c.detector === 'doppler-token')!;
    for (const kind of ['scim', 'audit']) {
      const token = doppler.secret.replace(/^dp\.[a-z]+\./, `dp.${kind}.`);
      const result = await runRevocation(revokerForDetector('doppler-token')!, secretInput('doppler-token', token), { http, baseUrl: 'http://127.0.0.1:9' });
      expect(result, kind).toMatchObject({ outcome: 'failed', reason: expect.stringContaining(kind) });
    }
    const key = CASES.find((c) => c.detector === 'sendgrid-api-key')!.secret;
    expect(sendgridKeyId(key)).toBe(key.split('.')[1]);
    expect(sendgridKeyId('SG.short.x')).toBeUndefined();
    const result = await runRevocation(revokerForDetector('sendgrid-api-key')!, secretInput('sendgrid-api-key', 'SG.not-a-key'), { http, baseUrl: 'http://127.0.0.1:9' });
    expect(result.outcome).toBe('failed');
  });

  it('an unreachable provider: failed', async () => {
    const c = CASES[0]!;
    const result = await runRevocation(revokerForDetector(c.detector)!, secretInput(c.detector, c.secret), { http, baseUrl: 'http://127.0.0.1:9' });
    expect(result.outcome).toBe('failed');
  });
});

beforeAll(() => {
  for (const c of CASES) expect(c.secret.length).toBeGreaterThan(10);
});
