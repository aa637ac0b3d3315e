import { randomUUID } from 'node:crypto';
import swagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyPluginAsync, type FastifyRequest } from 'fastify';
import type { SecretValue } from '../../scanner/secret-value.js';
import { AuthError } from '../auth/auth-error.js';
import { scrubSecrets } from '../logging/scrub.js';
import { errorSummary } from '../logging/repeat-filter.js';
import { isRedisUnavailable } from '../store/redis-client.js';
import { StoreError } from '../store/store-error.js';
import { serviceVersion } from '../version.js';
import { ApiError } from './api-error.js';
import { installAuth } from './auth-hook.js';
import type { ApiDependencies } from './dependencies.js';
import { adminRoutes } from './routes/admin.js';
import { blockEventRoutes } from './routes/block-events.js';
import { findingsRoutes } from './routes/findings.js';
import { healthRoutes, type ReadinessCheck } from './routes/health.js';
import { scanRoutes } from './routes/scan.js';

export interface ApiOptions {
  /**
   * More route plugins, registered after the built-in ones and before the
   * OpenAPI document is generated (e.g. `/v1/scans`, `/webhooks/github`).
   * Each may declare `config: { permission }` to get bearer auth.
   */
  readonly plugins?: ReadonlyArray<FastifyPluginAsync>;
  /** Checks /readyz runs besides Redis. */
  readonly readinessChecks?: readonly ReadinessCheck[];
  /** Trust X-Forwarded-* from these proxies (PUSHGATE_TRUST_PROXY; off by default). */
  readonly trustProxy?: false | number | readonly string[];
  /** PUSHGATE_METRICS_TOKEN: /metrics then needs it and shows everything; without it, finding counts are left out. */
  readonly metricsToken?: SecretValue | undefined;
}

/** Body limit for every route but POST /v1/scan (which has its own, from the config). */
const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * Builds the API as a fastify instance without listening (services/serve.ts
 * listens; tests use `inject` or listen on port 0). Every route has JSON
 * schemas; the OpenAPI document generated from them is served at
 * /openapi.json. Errors answer `{ "error": { "code", "message", "requestId" } }`
 * with stable codes.
 */
export async function buildApi(deps: ApiDependencies, options: ApiOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger,
    // Requests are logged by the onResponse hook below: route pattern, never the raw URL or headers.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy: trustProxyOption(options.trustProxy),
    // Reject unknown fields where a schema says additionalProperties: false, instead of silently dropping them.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
  }) as unknown as FastifyInstance;

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'pushgate service API',
        version: serviceVersion(),
        description: 'Findings store, block events, synchronous scans. Secrets are never returned: only redacted values and fingerprints.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token (`pushgate token create --role ROLE`)' } } },
    },
  });

  installAuth(app, deps.tokens);

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    deps.metrics.httpRequests.inc({ method: request.method, route, status: String(status) });
    deps.metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    const line = {
      method: request.method,
      route,
      ...(route === 'unmatched' ? { path: scrubSecrets(deps.engine, request.url.split('?')[0] ?? '') } : {}),
      statusCode: status,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      ...(request.principal ? { tokenId: request.principal.tokenId } : {}),
    };
    // 503: the store is away (logged once more, as a warning, by the error handler): not a fault of this process.
    if (status === 503) request.log.warn(line, 'request failed');
    else if (status >= 500) request.log.error(line, 'request failed');
    else request.log.info(line, 'request');
  });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    const e = toApiError(err, request, deps);
    if (e.code === STORE_UNAVAILABLE) {
      reply.header('retry-after', String(STORE_RETRY_AFTER_SECONDS));
      request.log.warn({ err: errorSummary(err) }, 'request failed: the store (Redis) is unreachable');
    } else if (e.statusCode >= 500) request.log.error({ err }, 'request error');
    else request.log.info({ code: e.code, statusCode: e.statusCode }, 'request refused');
    if (e.statusCode === 401 && !reply.hasHeader('www-authenticate')) reply.header('www-authenticate', 'Bearer realm="pushgate"');
    return reply.code(e.statusCode).send({ error: { code: e.code, message: e.message, requestId: request.id, ...(e.details ? { details: e.details } : {}) } });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: { code: 'ROUTE_NOT_FOUND', message: `no route ${request.method} for this path`, requestId: request.id } }),
  );

  await app.register(healthRoutes({ redis: deps.redis, metrics: deps.metrics, readinessChecks: options.readinessChecks ?? [], metricsToken: options.metricsToken }));
  await app.register(findingsRoutes({ findings: deps.findings, liveness: deps.liveness, revocation: deps.revocation, engine: deps.engine }));
  await app.register(blockEventRoutes(deps));
  await app.register(scanRoutes(deps));
  await app.register(adminRoutes(deps));
  for (const plugin of options.plugins ?? []) await app.register(plugin);

  app.get('/openapi.json', { schema: { hide: true }, logLevel: 'warn' }, async () => app.swagger());
  return app;
}

/** fastify's trustProxy: a hop count as proxy-addr's trust function (the nth hop from us and nearer are proxies). */
function trustProxyOption(setting: ApiOptions['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (setting === undefined || setting === false) return false;
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return [...setting];
}

const AUTH_STATUS: Record<AuthError['code'], number> = {
  AUTH_REQUIRED: 401,
  AUTH_INVALID: 401,
  AUTH_FORBIDDEN: 403,
  TOKEN_ROLE_INVALID: 400,
  TOKEN_LABEL_INVALID: 400,
  TOKEN_NOT_FOUND: 404,
};

const STORE_STATUS: Record<StoreError['code'], number> = {
  CURSOR_INVALID: 400,
  STATUS_INVALID: 400,
  FINDING_NOT_FOUND: 404,
  REDIS_REPLY_UNEXPECTED: 500,
};

const STORE_UNAVAILABLE = 'STORE_UNAVAILABLE';
/** What Retry-After says while Redis is away: ioredis reconnects within two seconds of its return. */
const STORE_RETRY_AFTER_SECONDS = 5;

function storeUnavailable(): ApiError {
  return new ApiError(503, STORE_UNAVAILABLE, 'the store (Redis) is unreachable; retry shortly');
}

/** Maps anything thrown to a status and a stable code; messages never echo request content unscrubbed. */
function toApiError(err: FastifyError, request: FastifyRequest, deps: ApiDependencies): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof AuthError) return new ApiError(AUTH_STATUS[err.code], err.code, err.message);
  if (err instanceof StoreError) {
    const status = STORE_STATUS[err.code];
    return status >= 500 ? new ApiError(500, 'INTERNAL_ERROR', 'internal error') : new ApiError(status, err.code, err.message);
  }
  if (err.validation) {
    const where = err.validationContext ?? 'request';
    const details = err.validation.map((v) => ({ path: `${where}${v.instancePath}`, message: v.message ?? 'is invalid' }));
    const first = details[0];
    return new ApiError(400, 'REQUEST_INVALID', first ? `${first.path} ${first.message}` : 'the request does not match its schema', details);
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      if (request.routeOptions.url === '/v1/scan') {
        return new ApiError(413, 'SCAN_BODY_TOO_LARGE', `the body exceeds the scan limit of ${deps.scanBodyLimit} bytes (PUSHGATE_SCAN_BODY_LIMIT); split the input`);
      }
      return new ApiError(413, 'BODY_TOO_LARGE', `the body exceeds the limit of ${DEFAULT_BODY_LIMIT} bytes`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'this content type is not accepted here (see /openapi.json)');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ApiError(400, 'REQUEST_MALFORMED', 'the body is not valid JSON');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError(400, 'REQUEST_MALFORMED', 'the body is empty but the content type is JSON');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError(400, 'REQUEST_MALFORMED', 'the body does not match its Content-Length');
    default:
      break;
  }
  const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
  if (status >= 400 && status < 500) return new ApiError(status, 'REQUEST_INVALID', scrubSecrets(deps.engine, err.message));
  if (isRedisUnavailable(err, deps.redis)) return storeUnavailable();
  return new ApiError(500, 'INTERNAL_ERROR', `internal error (request ${request.id})`);
}
