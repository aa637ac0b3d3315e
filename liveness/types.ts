import type { SecretValue } from '../scanner/secret-value.js';
import type { LivenessHttp } from './http/liveness-http.js';

/**
 * The liveness contract. A provider check asks the provider, with the least
 * intrusive read-only call it documents, whether a credential still works,
 * and who it belongs to. Three outcomes only:
 * - `live`: the provider accepted the credential;
 * - `revoked`: the provider answered, in its documented way, that the
 *   credential is invalid (wrong, expired, deleted);
 * - `unknown`: anything else (timeouts, 429, 5xx, firewall HTML pages,
 *   unexpected bodies, a missing second part). Never counted as either.
 */
export type LivenessOutcome = 'live' | 'revoked' | 'unknown';
export const LIVENESS_OUTCOMES: readonly LivenessOutcome[] = ['live', 'revoked', 'unknown'];

/** Who a credential belongs to, as far as its provider tells. */
export interface ProviderOwner {
  /** Login, user name or user id. */
  readonly user?: string;
  /** Account, organisation, workspace, shop or tenant. */
  readonly account?: string;
  readonly team?: string;
  readonly email?: string;
  /** Token name or label, where the provider has one. */
  readonly tokenName?: string;
}

export interface LivenessVerdict {
  readonly outcome: LivenessOutcome;
  /** Why, in a few words. Never contains the secret (runCheck scrubs it anyway). */
  readonly reason: string;
  /** HTTP status of the response that decided, when there was one. */
  readonly httpStatus?: number;
  readonly owner?: ProviderOwner;
  readonly scopes?: readonly string[];
  /** Milliseconds the provider asked us to wait (Retry-After on 429/503). */
  readonly retryAfterMs?: number;
  /** What the credential can reach, where the answer tells more than its scopes (liveness/reach.ts fills the rest). */
  readonly reach?: Partial<CredentialReach>;
}

/**
 * What a live credential can reach, as far as its provider tells: the most
 * it may do, whether it touches production, and which accounts or
 * resources. The triage queue puts live findings with more reach first.
 */
export type ReachLevel = 'admin' | 'write' | 'read';
export const REACH_LEVELS: readonly ReachLevel[] = ['admin', 'write', 'read'];

export interface CredentialReach {
  /** The most the credential may do; absent when the provider does not say. */
  readonly level?: ReachLevel;
  /** `production` (live mode, a live key) or `test` (test mode, sandbox); absent when unknown. */
  readonly environment?: 'production' | 'test';
  /** Accounts, organisations, projects or repositories it reaches (the first few). */
  readonly resources?: readonly string[];
  /** How many resources in all, when the provider counts them. */
  readonly resourceCount?: number;
  /** One line for people: "admin · production · account acct_1 (Acme)". */
  readonly summary: string;
}

/** What a check gets from a finding. The secret parts are SecretValues: revealed only into the request. */
export interface CheckInput {
  readonly detector: string;
  readonly secret: SecretValue;
  /** The second part found beside the secret (AWS secret access key, Shopify shop domain). */
  readonly companion?: { readonly name: string; readonly value: SecretValue };
  /** Other named groups of the match (account name of a connection string, host). */
  readonly context: Readonly<Record<string, string>>;
}

export interface CheckEnvironment {
  readonly http: LivenessHttp;
  /** Origin (and path prefix) of the provider's API: the default, or the configured one (tests, proxies, GHES). */
  readonly baseUrl: string;
}

export interface ProviderCheck {
  /** Stable id, kebab-case: names the folder, the queue, the config key. */
  readonly id: string;
  readonly provider: string;
  /** Detector ids whose findings this check can test. */
  readonly detectors: readonly string[];
  /** The provider's reference page for the call the check makes. */
  readonly apiReference: string;
  readonly defaultBaseUrl: string;
  /** How many checks per window the provider is sent (BullMQ limiter of its queue). */
  readonly rateLimit: { readonly max: number; readonly durationMs: number };
  check(input: CheckInput, env: CheckEnvironment): Promise<LivenessVerdict>;
}
