import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, request as undiciRequest } from 'undici';
import { bareHostname, isPrivateAddress } from './address-policy.js';
import { LivenessHttpError } from './liveness-http-error.js';

/**
 * The one HTTP client every provider check uses (undici). It:
 * - refuses private, loopback and link-local addresses, checked on the
 *   resolved address at connect time (so DNS rebinding cannot slip past),
 *   except for hosts named by a configured base URL;
 * - never follows redirects (a 3xx is returned to the check, which calls it
 *   `unknown`), so a provider cannot send us, or the secret, to another host;
 * - bounds every request in time and every body in size;
 * - names itself in User-Agent.
 */
export interface LivenessHttpOptions {
  /** Hostnames (from explicitly configured base URLs) that may resolve to private addresses. */
  readonly allowedPrivateHosts?: Iterable<string>;
  readonly timeoutMs?: number;
  readonly maxBodyBytes?: number;
  readonly userAgent?: string;
  /** Connections per origin (default 32). */
  readonly connections?: number;
}

export interface LivenessRequest {
  /** DELETE only for revocations (liveness/revocation/): checks only read. */
  readonly method: 'GET' | 'POST' | 'HEAD' | 'DELETE';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface LivenessResponse {
  readonly status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  readonly contentType: string;
  /** The body as text, cut at maxBodyBytes. */
  readonly text: string;
  readonly truncated: boolean;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json(): unknown;
}

export const DEFAULT_USER_AGENT = 'pushgate-liveness/0.1 (+https://github.com/pushgate/pushgate; read-only credential validity check)';
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BODY = 256 * 1024;

export class LivenessHttp {
  private readonly allowed: ReadonlySet<string>;
  private readonly timeoutMs: number;
  private readonly maxBodyBytes: number;
  private readonly userAgent: string;
  private readonly agent: Agent;

  constructor(options: LivenessHttpOptions = {}) {
    this.allowed = new Set([...(options.allowedPrivateHosts ?? [])].map((h) => bareHostname(h.toLowerCase())));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.agent = new Agent({
      connections: options.connections ?? 32,
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
      connect: { timeout: this.timeoutMs, lookup: this.guardedLookup },
    });
  }

  /** Hostnames allowed to be private: for building child clients and for tests. */
  get allowedPrivateHosts(): readonly string[] {
    return [...this.allowed];
  }

  /** DNS lookup that fails for private answers unless the host is allowed. */
  private readonly guardedLookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as unknown as LookupAddress[];
      const allowed = this.allowed.has(hostname.toLowerCase());
      const usable = allowed ? list : list.filter((a) => !isPrivateAddress(a.address));
      if (usable.length === 0) {
        const refused = new LivenessHttpError('ADDRESS_REFUSED', `${hostname} resolves only to private addresses; configure its base URL to allow it`);
        return callback(refused as NodeJS.ErrnoException, '', 0);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
      const first = usable[0]!;
      return callback(null, first.address, first.family);
    });
  };

  async request(req: LivenessRequest): Promise<LivenessResponse> {
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      throw new LivenessHttpError('URL_INVALID', 'the provider URL is not a valid URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new LivenessHttpError('URL_INVALID', `protocol ${url.protocol} is not allowed`);
    const host = bareHostname(url.hostname.toLowerCase());
    // IP literals never go through DNS lookup: check them here.
    if (isIP(host) && isPrivateAddress(host) && !this.allowed.has(host)) {
      throw new LivenessHttpError('ADDRESS_REFUSED', `${url.origin} is a private address; configure its base URL to allow it`);
    }
    if (url.protocol === 'http:' && !this.allowed.has(host)) {
      throw new LivenessHttpError('URL_INVALID', `${url.origin} is plain HTTP; only configured base URLs may be`);
    }
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      const res = await undiciRequest(url, {
        dispatcher: this.agent,
        method: req.method,
        headers: { 'user-agent': this.userAgent, accept: 'application/json', ...req.headers },
        ...(req.body !== undefined ? { body: req.body } : {}),
        signal,
      });
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      for await (const chunk of res.body) {
        const buf = chunk as Buffer;
        if (size + buf.length > this.maxBodyBytes) {
          chunks.push(buf.subarray(0, this.maxBodyBytes - size));
          truncated = true;
          res.body.destroy();
          break;
        }
        chunks.push(buf);
        size += buf.length;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(res.headers)) {
        if (value === undefined) continue;
        headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      }
      const contentType = (headers['content-type'] ?? '').toLowerCase();
      let parsed: { value: unknown } | null = null;
      return {
        status: res.statusCode,
        headers,
        contentType,
        text,
        truncated,
        json() {
          if (parsed) return parsed.value;
          let value: unknown;
          try {
            value = truncated ? undefined : JSON.parse(text);
          } catch {
            value = undefined;
          }
          parsed = { value };
          return value;
        },
      };
    } catch (err) {
      throw toLivenessError(err, url.origin, signal);
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

function toLivenessError(err: unknown, origin: string, signal: AbortSignal): LivenessHttpError {
  if (err instanceof LivenessHttpError) return err;
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof LivenessHttpError) return cause;
  const code = (err as { code?: string }).code ?? '';
  if (signal.aborted || /TIMEOUT/.test(code) || (err as Error).name === 'TimeoutError') {
    return new LivenessHttpError('TIMEOUT', `${origin} did not answer in time`);
  }
  // Never the undici message verbatim: it may carry the full URL.
  return new LivenessHttpError('NETWORK', `${origin} could not be reached (${code || 'network error'})`);
}
