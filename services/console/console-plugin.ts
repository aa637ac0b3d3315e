import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyError, FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { roleAllows } from '../auth/roles.js';
import { StoreError } from '../store/store-error.js';
import { TRIAGE_ERROR_STATUS, TriageError } from '../triage/triage-error.js';
import { REVOCATION_ERROR_STATUS, RevocationError } from '../liveness/finding-revocation.js';
import { CONSOLE_CSS, CONSOLE_ICON_SVG, CONSOLE_JS } from './assets.js';
import { type ConsoleContext, type ConsoleDeps, SESSION_COOKIE } from './console-deps.js';
import { ConsoleError } from './console-error.js';
import { crossSiteReason, csrfMatches, csrfTokenOf } from './csrf.js';
import { messagePage } from './pages/layout.js';
import { actionRoutes } from './routes/action-routes.js';
import { pageRoutes } from './routes/page-routes.js';
import { sessionRoutes } from './routes/session-routes.js';
import { SessionStore } from './session-store.js';
import { errorSummary } from '../logging/repeat-filter.js';
import { isRedisUnavailable } from '../store/redis-client.js';

/**
 * The triage console, a plugin for buildApi's `plugins`: HTML pages under
 * `/console`, rendered on the server, with one small script. Callers log in
 * with an API token and get a session cookie (HttpOnly, SameSite=Strict,
 * Path=/console, Secure over https). Every state-changing request must carry
 * the session's CSRF token and, when the browser says where it comes from,
 * come from this origin. Roles are checked on every request with the same
 * permissions as the API. Everything here is encapsulated: the cookie and
 * form parsers, hooks, error and not-found handlers apply to /console only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const FORM_BODY_LIMIT = 64 * 1024;

export function consolePlugin(deps: ConsoleDeps): FastifyPluginAsync {
  const clock = deps.clock ?? (() => new Date());
  const ctx: ConsoleContext = {
    ...deps,
    sessions: new SessionStore({
      redis: deps.redis,
      prefix: deps.findings.keys.prefix,
      tokens: deps.tokens,
      ...(deps.sessionTtlSeconds ? { ttlSeconds: deps.sessionTtlSeconds } : {}),
      clock,
    }),
    now: () => clock().getTime(),
  };
  return async (app) => {
    await app.register(async (scope) => consoleScope(scope, ctx), { prefix: '/console' });
  };
}

async function consoleScope(app: FastifyInstance, ctx: ConsoleContext): Promise<void> {
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: FORM_BODY_LIMIT });
  app.decorateRequest('consoleSession', null);
  app.decorateRequest('consoleSessionId', null);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-frame-options', 'DENY');
    // Not `no-referrer`: under it browsers send `Origin: null` with our own forms, and the origin check needs the real one.
    // `same-origin` still sends no Referer to any other site (commit links, docs).
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('cache-control', 'no-store');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const reason = crossSiteReason(request.headers, request.host);
      if (reason) {
        request.log.warn({ reason }, 'console: cross-site request refused');
        throw new ConsoleError(403, 'CSRF_REJECTED', 'This request did not come from the console itself, so it was refused.');
      }
    }
    // Routes that do not say otherwise (and unknown paths) need a session: forgetting the config cannot open a page.
    const access = request.routeOptions.config?.consoleAccess ?? 'findings:read';
    if (access === 'public') return;
    const id = request.cookies[SESSION_COOKIE];
    const session = await ctx.sessions.get(id);
    if (!session) {
      if (request.method === 'GET' || request.method === 'HEAD') return reply.redirect('/console/login', 303);
      throw new ConsoleError(401, 'SESSION_REQUIRED', 'Your session has ended. Log in again.');
    }
    if (!roleAllows(session.role, access)) {
      request.consoleSession = session;
      throw new ConsoleError(403, 'CONSOLE_FORBIDDEN', `Your role (${session.role}) may not do this.`);
    }
    request.consoleSession = session;
    request.consoleSessionId = id ?? null;
  });

  // After the body is parsed: the session's CSRF token must come back with every state change.
  app.addHook('preHandler', async (request) => {
    const session = request.consoleSession;
    if (!session || request.method === 'GET' || request.method === 'HEAD') return;
    if (!csrfMatches(session.csrf, csrfTokenOf(request.headers, request.body))) {
      request.log.warn('console: request without a valid CSRF token refused');
      throw new ConsoleError(403, 'CSRF_REJECTED', 'The form was stale or forged (CSRF token missing or wrong). Reload the page and try again.');
    }
  });

  app.setErrorHandler((err: FastifyError, request, reply) => sendError(err, request, reply));
  app.setNotFoundHandler((request, reply) => reply.code(404).type('text/html; charset=utf-8').send(messagePage(null, 'Not found', 'There is no console page here.', '/console')));

  app.get('/assets/console.css', { schema: { hide: true }, config: { consoleAccess: 'public' }, logLevel: 'warn' }, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=300').type('text/css; charset=utf-8').send(CONSOLE_CSS),
  );
  app.get('/assets/console.js', { schema: { hide: true }, config: { consoleAccess: 'public' }, logLevel: 'warn' }, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=300').type('text/javascript; charset=utf-8').send(CONSOLE_JS),
  );

  app.get('/assets/icon.svg', { schema: { hide: true }, config: { consoleAccess: 'public' }, logLevel: 'warn' }, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=300').type('image/svg+xml').send(CONSOLE_ICON_SVG),
  );

  await app.register(sessionRoutes(ctx));
  await app.register(pageRoutes(ctx));
  await app.register(actionRoutes(ctx));
}

function sendError(err: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, code, message } = describeError(err);
  if (code === 'STORE_UNAVAILABLE') {
    reply.header('retry-after', '5');
    request.log.warn({ err: errorSummary(err) }, 'console request failed: the store (Redis) is unreachable');
  } else if (status >= 500) request.log.error({ err }, 'console error');
  else request.log.info({ code, statusCode: status }, 'console request refused');
  const back = request.method === 'POST' ? backTo(request) : '/console';
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(messagePage(request.consoleSession, status === 401 ? 'Logged out' : status === 403 ? 'Not allowed' : 'Could not do that', message, status === 401 ? '/console/login' : back));
}

/** For a refused action: the page of the finding it was about. */
function backTo(request: FastifyRequest): string {
  const m = /^\/console\/findings\/([0-9a-f]{32})\//.exec(request.url);
  return m ? `/console/findings/${m[1]}` : '/console';
}

function describeError(err: FastifyError): { status: number; code: string; message: string } {
  if (err instanceof ConsoleError) return { status: err.statusCode, code: err.code, message: err.message };
  if (isRedisUnavailable(err)) return { status: 503, code: 'STORE_UNAVAILABLE', message: 'The store is unreachable right now; try again in a moment.' };
  if (err instanceof RevocationError) return { status: REVOCATION_ERROR_STATUS[err.code], code: err.code, message: `${err.message}.` };
  if (err instanceof TriageError) return { status: TRIAGE_ERROR_STATUS[err.code], code: err.code, message: err.message };
  if (err instanceof StoreError) {
    if (err.code === 'FINDING_NOT_FOUND') return { status: 404, code: err.code, message: 'No finding with this fingerprint.' };
    if (err.code === 'CURSOR_INVALID') return { status: 400, code: err.code, message: 'That page link is not valid any more.' };
  }
  if (err.validation) {
    const first = err.validation[0];
    const where = `${err.validationContext ?? 'request'}${first?.instancePath ?? ''}`;
    return { status: 400, code: 'REQUEST_INVALID', message: `The request is not valid: ${where} ${first?.message ?? 'is invalid'}.` };
  }
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return { status: 413, code: 'BODY_TOO_LARGE', message: 'The form is too large.' };
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send forms as application/x-www-form-urlencoded.' };
  const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
  return status === 500
    ? { status, code: 'INTERNAL_ERROR', message: 'Something went wrong on our side; it was logged.' }
    : { status, code: 'REQUEST_INVALID', message: 'The request is not valid.' };
}
