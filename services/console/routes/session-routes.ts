import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { roleAllows } from '../../auth/roles.js';
import { tokenHash } from '../../auth/token-store.js';
import { type ConsoleContext, LOGIN_CSRF_COOKIE, SESSION_COOKIE, sessionActor } from '../console-deps.js';
import { ConsoleError } from '../console-error.js';
import { CSRF_FIELD, csrfMatches, newCsrfToken, overHttps } from '../csrf.js';
import { loginPage } from '../pages/login-page.js';

/**
 * GET/POST /console/login and POST /console/logout. The login form is
 * protected by a double-submit token (a cookie only this path receives, and
 * the same value in the form), since there is no session yet. Logins and
 * failed logins are audited (never with the token); failures are counted per
 * client address and refused for a while past a limit, so the audit log
 * cannot be flooded.
 */
const LOGIN_FAILURES_ALLOWED = 20;
const LOGIN_FAILURE_WINDOW_SECONDS = 600;

export function sessionRoutes(ctx: ConsoleContext): FastifyPluginAsync {
  const hours = Math.round((ctx.sessions.ttlSeconds / 3600) * 10) / 10;
  const cookieBase = (request: FastifyRequest) => ({ httpOnly: true, sameSite: 'strict' as const, secure: overHttps(request.protocol, request.headers) });

  const showLogin = (request: FastifyRequest, reply: FastifyReply, status: number, error?: string): FastifyReply => {
    const csrf = newCsrfToken();
    reply.setCookie(LOGIN_CSRF_COOKIE, csrf, { ...cookieBase(request), path: '/console/login', maxAge: 3600 });
    return reply.code(status).type('text/html; charset=utf-8').send(loginPage(csrf, hours, error));
  };

  const failuresKey = (request: FastifyRequest): string => `${ctx.findings.keys.prefix}console:login-failures:${request.ip}`;

  const refuse = async (request: FastifyRequest, reply: FastifyReply, reason: string, status: number, message: string, role?: string): Promise<FastifyReply> => {
    const key = failuresKey(request);
    const failures = await ctx.redis.multi().incr(key).expire(key, LOGIN_FAILURE_WINDOW_SECONDS, 'NX').exec();
    const count = Number(failures?.[0]?.[1] ?? 0);
    if (count <= LOGIN_FAILURES_ALLOWED) {
      await ctx.audit.append({
        action: 'console.login-failed',
        actor: { kind: 'system', id: 'console' },
        data: { reason, ip: request.ip, ...(role ? { role } : {}) },
        requestId: request.id,
      });
    }
    return showLogin(request, reply, status, message);
  };

  return async (app) => {
    app.get('/login', { schema: { hide: true }, config: { consoleAccess: 'public' } }, async (request, reply) => {
      if (await ctx.sessions.get(request.cookies[SESSION_COOKIE])) return reply.redirect('/console', 303);
      return showLogin(request, reply, 200);
    });

    app.post<{ Body: { token: string; [CSRF_FIELD]?: string } }>(
      '/login',
      {
        schema: {
          hide: true,
          body: {
            type: 'object',
            required: ['token'],
            additionalProperties: false,
            properties: { token: { type: 'string', maxLength: 512 }, [CSRF_FIELD]: { type: 'string', maxLength: 200 } },
          },
        },
        config: { consoleAccess: 'public' },
      },
      async (request, reply) => {
        if (!csrfMatches(request.cookies[LOGIN_CSRF_COOKIE] ?? '', request.body[CSRF_FIELD])) {
          return showLogin(request, reply, 403, 'The login form expired. Enter the token again.');
        }
        const key = failuresKey(request);
        if (Number((await ctx.redis.get(key)) ?? 0) > LOGIN_FAILURES_ALLOWED) {
          throw new ConsoleError(429, 'LOGIN_THROTTLED', 'Too many failed logins from this address; wait a few minutes.');
        }
        const token = request.body.token.trim();
        const principal = await ctx.tokens.authenticate(token);
        if (!principal) return refuse(request, reply, 'token-invalid', 401, 'That token is not valid (unknown or revoked).');
        if (!roleAllows(principal.role, 'findings:read')) {
          return refuse(request, reply, 'role-not-allowed', 403, `Tokens with role ${principal.role} cannot use the console.`, principal.role);
        }
        // A new id at every login (no session fixation); an earlier session of this browser ends.
        await ctx.sessions.destroy(request.cookies[SESSION_COOKIE]);
        const { id } = await ctx.sessions.create(principal, tokenHash(token));
        await ctx.audit.append({
          action: 'console.login',
          actor: { kind: 'token', id: principal.tokenId, role: principal.role },
          target: { type: 'token', id: principal.tokenId },
          data: { ip: request.ip },
          requestId: request.id,
        });
        reply.clearCookie(LOGIN_CSRF_COOKIE, { path: '/console/login' });
        reply.setCookie(SESSION_COOKIE, id, { ...cookieBase(request), path: '/console', maxAge: ctx.sessions.ttlSeconds });
        return reply.redirect('/console', 303);
      },
    );

    app.post(
      '/logout',
      {
        schema: { hide: true, body: { type: 'object', additionalProperties: false, properties: { [CSRF_FIELD]: { type: 'string', maxLength: 200 } } } },
        config: { consoleAccess: 'findings:read' },
      },
      async (request, reply) => {
        const session = request.consoleSession!;
        await ctx.sessions.destroy(request.consoleSessionId ?? undefined);
        await ctx.audit.append({ action: 'console.logout', actor: sessionActor(session), target: { type: 'token', id: session.tokenId }, requestId: request.id });
        reply.clearCookie(SESSION_COOKIE, { path: '/console' });
        return reply.redirect('/console/login', 303);
      },
    );
  };
}
