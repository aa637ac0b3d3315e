import { Agent, fetch as undiciFetch, request as undiciRequest } from 'undici';
import type { SecretValue } from '../../scanner/secret-value.js';
import { serviceVersion } from '../version.js';
import { GithubError } from './github-error.js';

/**
 * The one HTTP client pushgate uses to talk to GitHub's REST API: a single
 * undici Agent (keep-alive, connect/headers/body timeouts) plus an overall
 * deadline per request, a User-Agent naming pushgate (GitHub refuses requests
 * without one), and the API version header. Both our own calls
 * (`requestJson`) and @octokit/auth-app's (through `fetch`) go through it.
 */
export interface GithubHttpOptions {
  /** REST API base URL without a trailing slash (GITHUB_API_URL). */
  readonly apiUrl: string;
  readonly connectTimeoutMs?: number;
  /** Time to the response headers. */
  readonly headersTimeoutMs?: number;
  /** Longest pause while the body streams in. */
  readonly bodyTimeoutMs?: number;
  /** Whole request, including retries' individual attempts (each gets this much). */
  readonly requestTimeoutMs?: number;
  /** Attempts for retryable failures (network, 429, 5xx); default 3. */
  readonly attempts?: number;
  /** First retry delay, ms; doubled each time. */
  readonly retryDelayMs?: number;
}

export const GITHUB_API_VERSION = '2022-11-28';

export function githubUserAgent(): string {
  return `pushgate/${serviceVersion()} (secret scanning)`;
}

export interface GithubResponse {
  readonly status: number;
  readonly data: unknown;
}

export interface JsonRequest {
  /** `token ...`/`Bearer ...` credential; kept in a SecretValue until it is put on the wire. */
  readonly authorization?: SecretValue;
  readonly body?: unknown;
  /** Statuses that count as success (default any 2xx). */
  readonly expect?: readonly number[];
}

/** Bodies GitHub sends back are small; an error message is cut to this many characters. */
const MAX_ERROR_MESSAGE = 200;

export class GithubHttp {
  readonly apiUrl: string;
  readonly userAgent = githubUserAgent();
  private readonly agent: Agent;
  private readonly requestTimeoutMs: number;
  private readonly attempts: number;
  private readonly retryDelayMs: number;

  constructor(options: GithubHttpOptions) {
    this.apiUrl = options.apiUrl.replace(/\/+$/, '');
    this.requestTimeoutMs = options.requestTimeoutMs ?? 20_000;
    this.attempts = Math.max(1, options.attempts ?? 3);
    this.retryDelayMs = options.retryDelayMs ?? 500;
    this.agent = new Agent({
      connect: { timeout: options.connectTimeoutMs ?? 5_000 },
      headersTimeout: options.headersTimeoutMs ?? 15_000,
      bodyTimeout: options.bodyTimeoutMs ?? 15_000,
      // Short: reuse within a burst of reports, but an idle socket must not hold a stopping worker open for long.
      keepAliveTimeout: 4_000,
      keepAliveMaxTimeout: 10_000,
      connections: 16,
    });
  }

  /**
   * A fetch bound to this client's Agent and deadline, for @octokit/request
   * (which @octokit/auth-app uses to mint installation tokens).
   */
  readonly fetch = ((input: string | URL, init?: RequestInit): Promise<Response> => {
    const signal = init?.signal ?? AbortSignal.timeout(this.requestTimeoutMs);
    return undiciFetch(input, { ...(init as object), signal, dispatcher: this.agent }) as unknown as Promise<Response>;
  }) as typeof globalThis.fetch;

  /** A JSON call to `path` (e.g. `/repos/o/r/statuses/sha`), retried on network trouble, 429 and 5xx. */
  requestJson(method: 'GET' | 'POST' | 'PATCH', path: string, request: JsonRequest = {}): Promise<GithubResponse> {
    return this.retrying(() => this.once(method, path, request));
  }

  /** Runs `call` again (with doubling delays) while it fails with a retryable GithubError. */
  async retrying<T>(call: () => Promise<T>): Promise<T> {
    let delay = this.retryDelayMs;
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (err) {
        if (!(err instanceof GithubError) || !err.retryable || attempt >= this.attempts) throw err;
        await new Promise((r) => setTimeout(r, delay));
        delay *= 2;
      }
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  private async once(method: string, path: string, request: JsonRequest): Promise<GithubResponse> {
    const headers: Record<string, string> = {
      accept: 'application/vnd.github+json',
      'user-agent': this.userAgent,
      'x-github-api-version': GITHUB_API_VERSION,
    };
    if (request.authorization) headers['authorization'] = request.authorization.reveal();
    let body: string | undefined;
    if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['content-type'] = 'application/json; charset=utf-8';
    }
    const where = `${method} ${path}`;
    let status: number;
    let text: string;
    try {
      const res = await undiciRequest(`${this.apiUrl}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
        dispatcher: this.agent,
        signal: AbortSignal.timeout(this.requestTimeoutMs),
      });
      status = res.statusCode;
      text = await res.body.text();
    } catch (err) {
      const reason = err instanceof Error ? (err.name === 'TimeoutError' ? 'timed out' : err.message) : String(err);
      throw new GithubError('GITHUB_UNREACHABLE', `GitHub did not answer ${where}: ${reason}`, undefined, { cause: err });
    }
    const ok = request.expect ? request.expect.includes(status) : status >= 200 && status < 300;
    let data: unknown = undefined;
    if (text !== '') {
      try {
        data = JSON.parse(text);
      } catch {
        if (ok) throw new GithubError('GITHUB_RESPONSE_INVALID', `GitHub answered ${where} with a body that is not JSON`, status);
      }
    }
    if (!ok) {
      const message = typeof (data as { message?: unknown } | undefined)?.message === 'string' ? (data as { message: string }).message : '';
      const code = status === 401 ? 'GITHUB_APP_AUTH_FAILED' : 'GITHUB_HTTP_STATUS';
      throw new GithubError(code, `GitHub answered ${status} to ${where}${message ? `: ${message.slice(0, MAX_ERROR_MESSAGE)}` : ''}`, status);
    }
    return { status, data };
  }
}
