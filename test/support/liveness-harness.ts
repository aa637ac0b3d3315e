import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LivenessHttp } from '../../liveness/http/liveness-http.js';
import { runCheck } from '../../liveness/run-check.js';
import type { CheckInput, LivenessVerdict, ProviderCheck } from '../../liveness/types.js';
import { SecretValue } from '../../scanner/secret-value.js';
import { ProviderStandIn, type RecordedRequest, type StandInMode, type StandInRoute } from './provider-stand-in.js';

/**
 * The behaviours every provider check must show against its stand-in, as one
 * describe block per case: live (with the owner the provider reports),
 * revoked, and unknown for 429 (with Retry-After honoured), 500, a timeout,
 * an HTML page, a 200 sign-in page and a redirect to one. Also: the check only reads (methods in `readMethods`),
 * and no verdict carries the secret.
 */
export interface ProviderCheckCase {
  /** Label of this case (defaults to the detector id). */
  readonly name?: string;
  readonly input: CheckInput;
  /** What the stand-in must hold as valid for the live answer (usually the secret itself). */
  readonly credential: string;
  /** Assertions on the live verdict (owner, scopes). */
  readonly expectLive?: (verdict: LivenessVerdict) => void;
}

export interface ProviderCheckSpec {
  readonly check: ProviderCheck;
  readonly routes: readonly StandInRoute[];
  readonly cases: readonly ProviderCheckCase[];
  /** HTTP methods the check may use (default GET only). */
  readonly readMethods?: readonly string[];
  /** Base URL from the stand-in's URL (default: the URL itself). */
  readonly baseUrl?: (standInUrl: string) => string;
}

export function secretInput(detector: string, secret: string, extra: Partial<Omit<CheckInput, 'detector' | 'secret'>> = {}): CheckInput {
  return { detector, secret: new SecretValue(secret), context: {}, ...extra };
}

export function describeProviderCheck(spec: ProviderCheckSpec): void {
  describe(`${spec.check.id} liveness check against its stand-in`, () => {
    let standIn: ProviderStandIn;
    let http: LivenessHttp;
    const verdicts: LivenessVerdict[] = [];

    beforeAll(async () => {
      standIn = await ProviderStandIn.start({ routes: spec.routes, retryAfterSeconds: 7 });
      http = new LivenessHttp({ allowedPrivateHosts: ['127.0.0.1'], timeoutMs: 400 });
    });
    afterAll(async () => {
      await http.close();
      await standIn.close();
    });

    const run = async (c: ProviderCheckCase, mode: ProviderStandIn['mode']): Promise<LivenessVerdict> => {
      standIn.setMode(mode);
      standIn.accept(c.credential);
      const baseUrl = spec.baseUrl ? spec.baseUrl(standIn.url) : standIn.url;
      const verdict = await runCheck(spec.check, c.input, { http, baseUrl });
      verdicts.push(verdict);
      return verdict;
    };

    it('lists the detectors it checks and links the API reference', () => {
      expect(spec.check.detectors.length).toBeGreaterThan(0);
      expect(spec.check.apiReference).toMatch(/^https:\/\//);
      expect(spec.check.defaultBaseUrl).toMatch(/^https:\/\//);
    });

    for (const c of spec.cases) {
      const label = c.name ?? c.input.detector;
      describe(label, () => {
        it('is live when the provider accepts the credential', async () => {
          const v = await run(c, 'live');
          expect(v, v.reason).toMatchObject({ outcome: 'live' });
          c.expectLive?.(v);
        });
        it('is revoked when the provider rejects the credential', async () => {
          standIn.setMode('live');
          standIn.revoke(c.credential);
          const v = await runCheck(spec.check, c.input, { http, baseUrl: spec.baseUrl ? spec.baseUrl(standIn.url) : standIn.url });
          verdicts.push(v);
          expect(v, v.reason).toMatchObject({ outcome: 'revoked' });
          const v2 = await run(c, 'revoked');
          expect(v2, v2.reason).toMatchObject({ outcome: 'revoked' });
        });
        it('is unknown, with the wait, when rate limited', async () => {
          const v = await run(c, 'rate-limited');
          expect(v).toMatchObject({ outcome: 'unknown', httpStatus: 429, retryAfterMs: 7000 });
        });
        it('is unknown on a provider error', async () => {
          expect(await run(c, 'error')).toMatchObject({ outcome: 'unknown', httpStatus: 500 });
        });
        it('is unknown on a timeout', async () => {
          const v = await run(c, 'timeout');
          expect(v.outcome).toBe('unknown');
          expect(v.reason).toMatch(/TIMEOUT/);
        });
        it('is unknown on an HTML page from a proxy', async () => {
          const v = await run(c, 'html');
          expect(v.outcome).toBe('unknown');
          expect(v.reason).toMatch(/HTML/);
        });
        it('is unknown on a 200 sign-in page and on a redirect to one (never live, never revoked)', async () => {
          expect((await run(c, 'login-page')).outcome).toBe('unknown');
          expect((await run(c, 'login-redirect')).outcome).toBe('unknown');
        });
      });
    }

    it('only reads, and never echoes a secret in a verdict', () => {
      const allowed = spec.readMethods ?? ['GET'];
      expect(standIn.requests.length).toBeGreaterThan(0);
      for (const r of standIn.requests) {
        expect(allowed).toContain(r.method);
        expect(r.headers['user-agent']).toMatch(/pushgate/);
      }
      const json = JSON.stringify(verdicts);
      for (const c of spec.cases) {
        expect(json).not.toContain(c.input.secret.reveal());
        if (c.input.companion) expect(json).not.toContain(c.input.companion.value.reveal());
      }
    });
  });
}

export interface CheckOnceSpec {
  readonly check: ProviderCheck;
  readonly routes: readonly StandInRoute[];
  readonly input: CheckInput;
  /** Credentials the stand-in holds as valid. */
  readonly valid?: Iterable<string>;
  readonly mode?: StandInMode;
  /** Base URL from the stand-in's URL (default: the URL itself). */
  readonly baseUrl?: (standInUrl: string) => string;
}

/**
 * Runs a check once against a fresh stand-in, for the provider-specific
 * cases `describeProviderCheck` does not cover (a missing companion, an
 * answer only one provider gives). Returns the verdict and what the
 * stand-in received.
 */
export async function checkOnce(spec: CheckOnceSpec): Promise<{ verdict: LivenessVerdict; requests: readonly RecordedRequest[] }> {
  const standIn = await ProviderStandIn.start({ routes: spec.routes, ...(spec.valid ? { valid: spec.valid } : {}), retryAfterSeconds: 7 });
  const http = new LivenessHttp({ allowedPrivateHosts: ['127.0.0.1'], timeoutMs: 400 });
  try {
    standIn.setMode(spec.mode ?? 'live');
    const baseUrl = spec.baseUrl ? spec.baseUrl(standIn.url) : standIn.url;
    const verdict = await runCheck(spec.check, spec.input, { http, baseUrl });
    return { verdict, requests: [...standIn.requests] };
  } finally {
    await http.close();
    await standIn.close();
  }
}
