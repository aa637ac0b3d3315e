import { createAppAuth } from '@octokit/auth-app';
import { request as octokitRequest } from '@octokit/request';
import { SecretValue } from '../../scanner/secret-value.js';
import { GithubError } from './github-error.js';
import type { GithubHttp } from './http-client.js';

/**
 * Authenticates pushgate as a GitHub App. @octokit/auth-app signs the App's
 * JWT (RS256, GITHUB_APP_ID + GITHUB_APP_PRIVATE_KEY) and mints installation
 * tokens through our undici client. Tokens are cached here per installation
 * until shortly before the `expires_at` GitHub gave them (auth-app's own cache
 * assumes a fixed 59 minutes; GitHub Enterprise or a revoked App can differ),
 * and concurrent requests for one installation share one mint.
 */
export interface InstallationToken {
  readonly installationId: number;
  readonly token: SecretValue;
  readonly expiresAt: Date;
}

export interface GithubAppAuthOptions {
  readonly appId: string;
  /** PEM (PKCS#1 as GitHub issues it, or PKCS#8). */
  readonly privateKey: SecretValue;
  readonly http: GithubHttp;
  /** A token with less than this left is replaced (default 5 minutes). */
  readonly refreshMarginMs?: number;
  readonly clock?: () => number;
}

export class GithubAppAuth {
  private readonly auth: ReturnType<typeof createAppAuth>;
  private readonly cache = new Map<number, InstallationToken>();
  private readonly pending = new Map<number, Promise<InstallationToken>>();
  private readonly refreshMarginMs: number;
  private readonly now: () => number;
  private readonly http: GithubHttp;

  constructor(options: GithubAppAuthOptions) {
    this.http = options.http;
    this.refreshMarginMs = options.refreshMarginMs ?? 5 * 60_000;
    this.now = options.clock ?? Date.now;
    this.auth = createAppAuth({
      appId: options.appId,
      privateKey: options.privateKey.reveal(),
      request: octokitRequest.defaults({
        baseUrl: options.http.apiUrl,
        headers: { 'user-agent': options.http.userAgent },
        request: { fetch: options.http.fetch },
      }),
    });
  }

  /** A token for `installationId`, from the cache while it has more than the margin left. */
  installationToken(installationId: number): Promise<InstallationToken> {
    const cached = this.cache.get(installationId);
    if (cached && cached.expiresAt.getTime() - this.now() > this.refreshMarginMs) return Promise.resolve(cached);
    let pending = this.pending.get(installationId);
    if (!pending) {
      pending = this.http.retrying(() => this.mint(installationId)).finally(() => this.pending.delete(installationId));
      this.pending.set(installationId, pending);
    }
    return pending;
  }

  /** Drops a cached token GitHub refused (revoked, App suspended), so the next call mints a new one. */
  invalidate(installationId: number): void {
    this.cache.delete(installationId);
  }

  private async mint(installationId: number): Promise<InstallationToken> {
    let result: { token: string; expiresAt: string };
    try {
      // refresh: our cache decides when to mint; auth-app's would keep a token 59 minutes whatever its expiry.
      result = await this.auth({ type: 'installation', installationId, refresh: true });
    } catch (err) {
      throw toGithubError(err, installationId);
    }
    const expiresAt = new Date(result.expiresAt);
    if (Number.isNaN(expiresAt.getTime()) || typeof result.token !== 'string' || result.token === '') {
      throw new GithubError('GITHUB_RESPONSE_INVALID', `the installation token for installation ${installationId} came without a token or expiry`);
    }
    const token: InstallationToken = { installationId, token: new SecretValue(result.token), expiresAt };
    this.cache.set(installationId, token);
    return token;
  }
}

/** auth-app throws @octokit/request's RequestError (with `status`) or a fetch failure. */
function toGithubError(err: unknown, installationId: number): GithubError {
  if (err instanceof GithubError) return err;
  const status = typeof (err as { status?: unknown })?.status === 'number' ? (err as { status: number }).status : undefined;
  const where = `minting a token for installation ${installationId}`;
  if (status === undefined || (status === 500 && isNetworkFailure(err))) {
    return new GithubError('GITHUB_UNREACHABLE', `GitHub did not answer ${where}`, undefined, { cause: err });
  }
  if (status === 401 || status === 403 || status === 404) {
    return new GithubError('GITHUB_APP_AUTH_FAILED', `GitHub refused the App (${status}) ${where}: check GITHUB_APP_ID, the private key and that the App is installed`, status);
  }
  return new GithubError('GITHUB_HTTP_STATUS', `GitHub answered ${status} ${where}`, status);
}

/** @octokit/request reports a fetch that never got an answer as status 500 with a cause. */
function isNetworkFailure(err: unknown): boolean {
  const response = (err as { response?: unknown })?.response;
  return response === undefined;
}
