import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A loopback HTTP server that answers as a credential provider's API does,
 * for liveness tests and the liveness benchmark. Each provider's stand-in
 * (test/support/providers/<id>.ts) lists its routes with the documented live
 * and revoked answers; this server switches between behaviours:
 * - `live`: a request carrying a credential the stand-in holds as valid gets
 *   the live answer; any other credential gets the revoked answer (so a
 *   check that sends the credential wrong fails its live test);
 * - `revoked`: every credential gets the revoked answer;
 * - `rate-limited`: 429 with `Retry-After`;
 * - `error`: 500 with a JSON error body;
 * - `timeout`: the request is held open and never answered;
 * - `html`: 403 with an HTML page, as a firewall or proxy answers;
 * - `login-page`: 200 with an HTML sign-in page (a captive portal, an SSO proxy);
 * - `login-redirect`: 302 to a sign-in page.
 * Every request is recorded (method, path, query, headers, body) so tests
 * can assert that checks only read.
 */
export type StandInMode = 'live' | 'revoked' | 'rate-limited' | 'error' | 'timeout' | 'html' | 'login-page' | 'login-redirect';
export const STAND_IN_MODES: readonly StandInMode[] = ['live', 'revoked', 'rate-limited', 'error', 'timeout', 'html', 'login-page', 'login-redirect'];

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface StandInReply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Objects are sent as JSON; strings as they are. */
  readonly body?: unknown;
}

export interface StandInRoute {
  readonly method: string;
  /** Exact path, or a pattern tested against the path. */
  readonly path: string | RegExp;
  /** The credential this request carries, as the provider reads it (header, query, body or path); undefined when none. */
  credential(request: RecordedRequest): string | undefined;
  /** The documented answer for a valid credential. `credential` is the one that matched. */
  live(request: RecordedRequest, credential: string): StandInReply;
  /** The documented answer for an invalid, expired or revoked credential. */
  revoked(request: RecordedRequest): StandInReply;
  /** A revocation endpoint: once it has answered live, the credential is no longer valid. */
  readonly revokes?: boolean;
}

export interface StandInOptions {
  readonly routes: readonly StandInRoute[];
  /** Credentials the provider holds as valid (more can be added with `accept`). */
  readonly valid?: Iterable<string>;
  /** Seconds sent in Retry-After in `rate-limited` mode (default 7). */
  readonly retryAfterSeconds?: number;
  /** Delay before every answer, as a remote provider has (benchmarks). */
  readonly latencyMs?: number;
}

export class ProviderStandIn {
  mode: StandInMode = 'live';
  readonly requests: RecordedRequest[] = [];
  private readonly valid: Set<string>;
  private readonly held = new Set<ServerResponse>();
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    private readonly options: StandInOptions,
    readonly url: string,
  ) {
    this.valid = new Set(options.valid ?? []);
  }

  static async start(options: StandInOptions): Promise<ProviderStandIn> {
    let self: ProviderStandIn | undefined;
    const server = createServer((req, res) => void self?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    self = new ProviderStandIn(server, options, `http://127.0.0.1:${port}`);
    const sockets = self.sockets;
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    return self;
  }

  /** Marks a credential valid (the provider issued it). */
  accept(credential: string): void {
    this.valid.add(credential);
  }

  /** Marks a credential invalid (the owner revoked it). */
  revoke(credential: string): void {
    this.valid.delete(credential);
  }

  setMode(mode: StandInMode): void {
    this.mode = mode;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const recorded: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers, body: Buffer.concat(chunks).toString('utf8') };
    this.requests.push(recorded);
    if (this.options.latencyMs) await new Promise((r) => setTimeout(r, this.options.latencyMs));
    const route = this.options.routes.find(
      (r) => r.method === recorded.method && (typeof r.path === 'string' ? r.path === recorded.path : r.path.test(recorded.path)),
    );
    if (!route) return send(res, { status: 404, body: { message: 'Not Found' } });
    switch (this.mode) {
      case 'timeout':
        this.held.add(res);
        return;
      case 'rate-limited':
        return send(res, { status: 429, headers: { 'retry-after': String(this.options.retryAfterSeconds ?? 7) }, body: { message: 'rate limit exceeded' } });
      case 'error':
        return send(res, { status: 500, body: { message: 'internal server error' } });
      case 'html':
        return send(res, {
          status: 403,
          headers: { 'content-type': 'text/html; charset=utf-8' },
          body: '<!DOCTYPE html><html><head><title>Access denied</title></head><body><h1>Request blocked by the corporate proxy</h1></body></html>',
        });
      case 'login-page':
        return send(res, {
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8' },
          body: '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form action="/login" method="post"><input name="username"><input type="password" name="password"><button>Sign in</button></form></body></html>',
        });
      case 'login-redirect':
        return send(res, { status: 302, headers: { location: 'https://login.example.com/sso?return=%2F', 'content-type': 'text/html' }, body: '<a href="https://login.example.com/sso">Found</a>' });
      case 'revoked':
        return send(res, route.revoked(recorded));
      case 'live': {
        const credential = route.credential(recorded);
        if (credential !== undefined && this.valid.has(credential)) {
          if (route.revokes) this.valid.delete(credential);
          return send(res, route.live(recorded, credential));
        }
        return send(res, route.revoked(recorded));
      }
    }
  }

  async close(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.held.clear();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function send(res: ServerResponse, reply: StandInReply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let body = '';
  if (typeof reply.body === 'string') body = reply.body;
  else if (reply.body !== undefined) {
    body = JSON.stringify(reply.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  res.writeHead(reply.status, headers);
  res.end(body);
}

/** `Authorization: Bearer <token>` → token. */
export function bearerCredential(request: RecordedRequest): string | undefined {
  const m = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '');
  return m?.[1];
}
