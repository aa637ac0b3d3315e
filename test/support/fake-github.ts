import { createPublicKey, generateKeyPairSync, randomBytes, verify as verifySignature, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import ajvModule, { type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';

// CommonJS packages whose `module.exports` is also their `.default`; NodeNext types see only the latter.
const Ajv = ajvModule.default;
const addFormats = ajvFormats.default;

/**
 * A local stand-in for GitHub's REST API, on loopback, for the endpoints
 * pushgate calls. Every request it receives and every response it returns is
 * checked against GitHub's published OpenAPI description (@octokit/openapi):
 * path parameters, request bodies (stricter than GitHub: unknown body fields
 * are refused, so a misspelt field fails a test instead of being ignored) and
 * response bodies. A mismatch is answered with an error and recorded in
 * `violations`, which tests assert is empty, so the stand-in cannot drift from
 * the real API. The App JWT is verified as GitHub does (RS256 with the App's
 * public key, `iss` = App ID, at most 10 minutes long); the key pair is made
 * when the stand-in starts.
 */

interface OperationSpec {
  readonly method: string;
  readonly template: string;
  readonly operationId: string;
  readonly pattern: RegExp;
  readonly paramNames: readonly string[];
  /** Path parameters the description types as integers (parsed before validation, as GitHub's router does). */
  readonly integerParams: ReadonlySet<string>;
  readonly validateParams: ValidateFunction;
  readonly validateBody: ValidateFunction | undefined;
  readonly bodyRequired: boolean;
  readonly responses: ReadonlyMap<number, ValidateFunction | undefined>;
}

/** The operations the stand-in implements: method and path template exactly as GitHub's description spells them. */
const OPERATIONS = [
  { method: 'post', template: '/app/installations/{installation_id}/access_tokens' },
  { method: 'post', template: '/repos/{owner}/{repo}/statuses/{sha}' },
] as const;

/** Error statuses GitHub answers on any operation (authentication, access, validation), beyond those each operation lists. */
const COMMON_ERRORS: Record<number, string> = { 401: 'basic-error', 403: 'basic-error', 404: 'basic-error', 422: 'validation-error' };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

let compiled: { operations: OperationSpec[]; commonErrors: Map<number, ValidateFunction> } | undefined;

/**
 * Reads GitHub's description (13 MB) once per process, keeps the operations
 * above and the components they reference (transitively), and compiles them.
 */
function loadOperations(): { operations: OperationSpec[]; commonErrors: Map<number, ValidateFunction> } {
  if (compiled) return compiled;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const spec = JSON.parse(readFileSync(file, 'utf8')) as { paths: Record<string, Record<string, Json>>; components: Record<string, Record<string, Json>> };

  const components: Record<string, Record<string, Json>> = {};
  const resolvePointer = (ref: string): Json => {
    const m = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref);
    if (!m) throw new Error(`fake-github: unsupported $ref ${ref}`);
    const found = spec.components[m[1]!]?.[m[2]!];
    if (found === undefined) throw new Error(`fake-github: $ref ${ref} not found in the description`);
    return found;
  };
  const collect = (node: Json): void => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (node && typeof node === 'object') {
      const ref = node['$ref'];
      if (typeof ref === 'string') {
        const [, kind, name] = ref.split('/').slice(1);
        const bucket = (components[kind!] ??= {});
        if (!(name! in bucket)) {
          bucket[name!] = resolvePointer(ref);
          collect(bucket[name!]!);
        }
      }
      for (const [k, v] of Object.entries(node)) if (k !== '$ref') collect(v);
    }
  };
  // Dereference a node one level (parameters and responses are often $refs themselves).
  const deref = (node: Json): { [key: string]: Json } => {
    let n = node;
    while (n && typeof n === 'object' && !Array.isArray(n) && typeof n['$ref'] === 'string') n = resolvePointer(n['$ref']);
    return n as { [key: string]: Json };
  };

  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  const picked = OPERATIONS.map(({ method, template }) => {
    const op = spec.paths[template]?.[method];
    if (!op || typeof op !== 'object') throw new Error(`fake-github: ${method.toUpperCase()} ${template} is not in GitHub's description`);
    collect(op);
    return { method, template, op: op as { [key: string]: Json } };
  });
  for (const name of new Set(Object.values(COMMON_ERRORS))) collect({ $ref: `#/components/schemas/${name}` });
  // One schema document holds every referenced component; operation schemas point into it.
  ajv.addSchema({ $id: 'github', components } as object);
  const toAjv = (schema: Json): object => JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#/components/', '"$ref":"github#/components/')) as object;

  const operations = picked.map(({ method, template, op }): OperationSpec => {
    const params = ((op['parameters'] ?? []) as Json[]).map(deref).filter((p) => p['in'] === 'path');
    const properties: Record<string, Json> = {};
    for (const p of params) properties[p['name'] as string] = p['schema']!;
    const validateParams = ajv.compile(toAjv({ type: 'object', properties, required: params.map((p) => p['name'] as string), additionalProperties: false }));
    let source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
    const paramNames: string[] = [];
    source = source.replace(/\{([^}]+)\}/g, (_, name: string) => {
      paramNames.push(name);
      const multi = params.find((p) => p['name'] === name)?.['x-multi-segment'] === true;
      return multi ? '(.+)' : '([^/]+)';
    });
    const requestBody = op['requestBody'] ? deref(op['requestBody']) : undefined;
    const bodySchema = (requestBody?.['content'] as { [k: string]: { schema: Json } } | undefined)?.['application/json']?.schema;
    // Stricter than GitHub: refuse body fields the description does not list.
    const strictBody = bodySchema && typeof bodySchema === 'object' && !Array.isArray(bodySchema) && !('$ref' in bodySchema) ? { ...bodySchema, additionalProperties: false } : bodySchema;
    const responses = new Map<number, ValidateFunction | undefined>();
    for (const [status, response] of Object.entries((op['responses'] ?? {}) as Record<string, Json>)) {
      const schema = (deref(response)['content'] as { [k: string]: { schema: Json } } | undefined)?.['application/json']?.schema;
      responses.set(Number(status), schema === undefined ? undefined : ajv.compile(toAjv(schema)));
    }
    return {
      method: method.toUpperCase(),
      template,
      operationId: op['operationId'] as string,
      pattern: new RegExp(`^${source}$`),
      paramNames,
      integerParams: new Set(params.filter((p) => (p['schema'] as { type?: unknown } | undefined)?.type === 'integer').map((p) => p['name'] as string)),
      validateParams,
      validateBody: strictBody === undefined ? undefined : ajv.compile(toAjv(strictBody)),
      bodyRequired: requestBody?.['required'] === true,
      responses,
    };
  });
  const commonErrors = new Map<number, ValidateFunction>();
  for (const [status, name] of Object.entries(COMMON_ERRORS)) commonErrors.set(Number(status), ajv.compile(toAjv({ $ref: `#/components/schemas/${name}` })));
  compiled = { operations, commonErrors };
  return compiled;
}

export interface FakeInstallation {
  readonly id: number;
  /** `owner/name` of each repository the installation can access. */
  readonly repositories: readonly string[];
}

export interface FakeGithubOptions {
  /** Default `424242`. */
  readonly appId?: string;
  readonly installations?: readonly FakeInstallation[];
  /** Lifetime of the installation tokens it mints (GitHub: one hour). */
  readonly tokenLifetimeMs?: number;
}

export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  /** GitHub's operationId, or undefined for a route the stand-in does not implement. */
  readonly operationId: string | undefined;
  readonly params: Readonly<Record<string, string | number>>;
  readonly body: unknown;
  readonly userAgent: string | undefined;
  readonly status: number;
}

export interface RecordedStatus {
  readonly repository: string;
  readonly sha: string;
  readonly state: string;
  readonly description: string | null;
  readonly context: string;
  readonly installationId: number;
}

interface IssuedToken {
  readonly installationId: number;
  readonly expiresAt: number;
}

export class FakeGithub {
  readonly calls: RecordedCall[] = [];
  /** Every way a request or a response departed from GitHub's description; tests expect none. */
  readonly violations: string[] = [];
  readonly statuses: RecordedStatus[] = [];
  readonly appId: string;
  /** PKCS#1 PEM, the format GitHub hands out for App keys. */
  readonly privateKeyPem: string;
  private readonly publicKey: KeyObject;
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly everIssued: string[] = [];
  private readonly installations: Map<number, FakeInstallation>;
  private readonly tokenLifetimeMs: number;
  private readonly injected: Array<{ operationId: string; status: number }> = [];
  private readonly spec = loadOperations();
  private server: Server | undefined;
  private nextStatusId = 1;
  url = '';

  constructor(options: FakeGithubOptions = {}) {
    this.appId = options.appId ?? '424242';
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKeyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    this.publicKey = createPublicKey(publicKey.export({ type: 'spki', format: 'pem' }));
    this.installations = new Map((options.installations ?? []).map((i) => [i.id, i]));
    this.tokenLifetimeMs = options.tokenLifetimeMs ?? 3600_000;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch((err: unknown) => {
        this.violations.push(`stand-in crashed: ${String(err)}`);
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    const s = this.server;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }

  /** Calls of one operation (GitHub's operationId, e.g. `repos/create-commit-status`). */
  callsOf(operationId: string): RecordedCall[] {
    return this.calls.filter((c) => c.operationId === operationId);
  }

  /** Answers the next call of `operationId` with `status` (e.g. 502) instead of handling it. */
  failNext(operationId: string, status: number): void {
    this.injected.push({ operationId, status });
  }

  /** Installation tokens minted so far (tests check none of them reached a log). */
  issuedTokens(): string[] {
    return [...this.everIssued];
  }

  /** Makes every installation token minted so far invalid (as if revoked). */
  revokeTokens(): void {
    this.tokens.clear();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const userAgent = req.headers['user-agent'];
    const record = (operationId: string | undefined, params: Record<string, string | number>, body: unknown, status: number): void => {
      this.calls.push({ method, path: url.pathname, operationId, params, body, userAgent, status });
    };

    let op: OperationSpec | undefined;
    let match: RegExpExecArray | null = null;
    for (const o of this.spec.operations) {
      if (o.method !== method) continue;
      match = o.pattern.exec(url.pathname);
      if (match) {
        op = o;
        break;
      }
    }
    if (!op || !match) {
      this.violations.push(`${method} ${url.pathname}: not an operation the stand-in implements`);
      record(undefined, {}, undefined, 404);
      return this.send(res, undefined, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    }
    const where = `${op.operationId}`;
    const params: Record<string, string | number> = {};
    op.paramNames.forEach((name, i) => {
      const v = decodeURIComponent(match![i + 1]!);
      params[name] = op!.integerParams.has(name) && /^\d{1,15}$/.test(v) ? Number(v) : v;
    });
    const fail = (message: string, status = 400): void => {
      this.violations.push(`${where}: ${message}`);
      record(op.operationId, params, undefined, status);
      this.send(res, op, status, { message, documentation_url: 'https://docs.github.com/rest' }, true);
    };

    // GitHub refuses requests without a User-Agent; pushgate's must name pushgate.
    if (typeof userAgent !== 'string' || !/^pushgate\//.test(userAgent)) return fail(`User-Agent ${JSON.stringify(userAgent)} does not name pushgate`, 403);
    if (!op.validateParams(params)) return fail(`path parameters ${JSON.stringify(params)}: ${formatErrors(op.validateParams)}`, 404);
    let body: unknown = undefined;
    if (raw.length > 0) {
      const type = req.headers['content-type'] ?? '';
      if (!/^application\/json\s*(;|$)/i.test(type)) return fail(`body sent with content type ${JSON.stringify(type)}, not application/json`, 415);
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return fail('body is not JSON');
      }
      if (op.validateBody && !op.validateBody(body)) return fail(`request body does not match the description: ${formatErrors(op.validateBody)}`, 422);
    } else if (op.bodyRequired) {
      return fail('request body is required');
    }

    const injected = this.injected.findIndex((i) => i.operationId === op.operationId);
    if (injected !== -1) {
      const { status } = this.injected.splice(injected, 1)[0]!;
      record(op.operationId, params, body, status);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'injected failure' }));
      return;
    }

    const authorization = req.headers['authorization'] ?? '';
    const answer = (status: number, payload: unknown): void => {
      record(op.operationId, params, body, status);
      this.send(res, op, status, payload);
    };
    switch (op.operationId) {
      case 'apps/create-installation-access-token': {
        const problem = this.checkJwt(authorization);
        if (problem) return answer(401, { message: problem, documentation_url: 'https://docs.github.com/rest' });
        const installation = this.installations.get(params['installation_id'] as number);
        if (!installation) return answer(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
        // Fresh random material each run; never a fixed literal.
        const token = `ghs_${randomBytes(27).toString('base64url').replace(/[-_]/g, 'x').slice(0, 36)}`;
        const expiresAt = Date.now() + this.tokenLifetimeMs;
        this.tokens.set(token, { installationId: installation.id, expiresAt });
        this.everIssued.push(token);
        return answer(201, {
          token,
          expires_at: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          permissions: { contents: 'read', metadata: 'read', statuses: 'write' },
          repository_selection: 'selected',
        });
      }
      case 'repos/create-commit-status': {
        const m = /^(?:Bearer|token) (\S+)$/i.exec(authorization);
        const issued = m ? this.tokens.get(m[1]!) : undefined;
        if (!issued || issued.expiresAt <= Date.now()) return answer(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
        const repository = `${params['owner']}/${params['repo']}`;
        const installation = this.installations.get(issued.installationId);
        if (!installation?.repositories.some((r) => r.toLowerCase() === repository.toLowerCase())) {
          return answer(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
        }
        const b = body as { state: string; description?: string | null; context?: string; target_url?: string | null };
        // GitHub's own limit, not in the description.
        if (typeof b.description === 'string' && b.description.length > 140) {
          this.violations.push(`${where}: description longer than 140 characters`);
          return answer(422, {
            message: 'Validation Failed',
            documentation_url: 'https://docs.github.com/rest',
            errors: [{ resource: 'Status', code: 'custom', field: 'description', message: 'description is too long (maximum is 140 characters)' }],
          });
        }
        const sha = String(params['sha']);
        this.statuses.push({ repository, sha, state: b.state, description: b.description ?? null, context: b.context ?? 'default', installationId: issued.installationId });
        const id = this.nextStatusId++;
        const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
        return answer(201, {
          url: `${this.url}/repos/${repository}/statuses/${sha}`,
          avatar_url: 'https://avatars.githubusercontent.com/in/424242?v=4',
          id,
          node_id: Buffer.from(`StatusContext${id}`).toString('base64'),
          state: b.state,
          description: b.description ?? null,
          target_url: b.target_url ?? null,
          context: b.context ?? 'default',
          created_at: now,
          updated_at: now,
          creator: botUser(this.url),
        });
      }
      default:
        return fail('implemented in the description list but not here', 500);
    }
  }

  /** Validates the response against the operation's description before sending it. */
  private send(res: ServerResponse, op: OperationSpec | undefined, status: number, payload: unknown, skipCheck = false): void {
    if (op && !skipCheck) {
      const validate = op.responses.has(status) ? op.responses.get(status) : this.spec.commonErrors.get(status);
      if (!op.responses.has(status) && !this.spec.commonErrors.has(status)) this.violations.push(`${op.operationId}: the stand-in answered ${status}, which GitHub does not document`);
      else if (validate && !validate(payload)) this.violations.push(`${op.operationId}: the stand-in's ${status} response does not match the description: ${formatErrors(validate)}`);
    }
    const text = JSON.stringify(payload);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-github-media-type': 'github.v3; format=json' }).end(text);
  }

  /** undefined when `authorization` carries a JWT GitHub would take for this App; otherwise why not. */
  private checkJwt(authorization: string): string | undefined {
    const m = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/i.exec(authorization);
    if (!m) return 'A JSON web token could not be decoded';
    const [, h, p, s] = m as unknown as [string, string, string, string];
    let header: { alg?: unknown };
    let claims: { iss?: unknown; iat?: unknown; exp?: unknown };
    try {
      header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as typeof header;
      claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as typeof claims;
    } catch {
      return 'A JSON web token could not be decoded';
    }
    if (header.alg !== 'RS256') return `'alg' must be RS256, not ${String(header.alg)}`;
    if (!verifySignature('sha256', Buffer.from(`${h}.${p}`), this.publicKey, Buffer.from(s, 'base64url'))) {
      return 'A JSON web token could not be decoded (signature does not match the App key)';
    }
    const now = Math.floor(Date.now() / 1000);
    if (String(claims.iss) !== this.appId) return `'Issuer' claim ('iss') must be the App ID ${this.appId}`;
    if (typeof claims.iat !== 'number' || claims.iat > now + 60) return "'Issued at' claim ('iat') must be an Integer representing a time in the past";
    if (typeof claims.exp !== 'number' || claims.exp <= now) return "'Expiration time' claim ('exp') must be a numeric value representing the future time";
    if (claims.exp - claims.iat > 600 || claims.exp > now + 600 + 60) return "'Expiration time' claim ('exp') is too far in the future";
    return undefined;
  }
}

export async function startFakeGithub(options: FakeGithubOptions = {}): Promise<FakeGithub> {
  return new FakeGithub(options).start();
}

function formatErrors(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params['additionalProperty'])})` : ''}`).join('; ');
}

function botUser(base: string): Record<string, unknown> {
  const api = `${base}/users/pushgate%5Bbot%5D`;
  return {
    login: 'pushgate[bot]',
    id: 9_000_001,
    node_id: 'BOT_kgDOAIlUQQ',
    avatar_url: 'https://avatars.githubusercontent.com/in/424242?v=4',
    gravatar_id: '',
    url: api,
    html_url: 'https://github.com/apps/pushgate',
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: 'Bot',
    site_admin: false,
  };
}
