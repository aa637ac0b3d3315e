import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditActor } from '../audit/audit-log.js';
import { roleAllows, type Permission } from '../auth/roles.js';
import type { Principal, TokenStore } from '../auth/token-store.js';
import { ApiError } from './api-error.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the caller's role must allow; routes without one are public (health, metrics, OpenAPI). */
    permission?: Permission;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

/**
 * Bearer-token authentication and role checks for every route that names a
 * `permission` in its config. Runs on `onRequest`, before the body is read,
 * so an unauthenticated caller cannot make us parse a large body.
 */
export function installAuth(app: FastifyInstance, tokens: TokenStore): void {
  app.addHook('onRequest', async (request, reply) => {
    const permission = request.routeOptions.config.permission;
    if (!permission) return;
    const token = bearerTokenOf(request.headers.authorization);
    if (!token) {
      reply.header('www-authenticate', 'Bearer realm="pushgate"');
      throw new ApiError(401, 'AUTH_REQUIRED', 'this endpoint needs an `Authorization: Bearer <token>` header');
    }
    const principal = await tokens.authenticate(token);
    if (!principal) {
      reply.header('www-authenticate', 'Bearer realm="pushgate", error="invalid_token"');
      throw new ApiError(401, 'AUTH_INVALID', 'the bearer token is not valid (unknown or revoked)');
    }
    if (!roleAllows(principal.role, permission)) {
      throw new ApiError(403, 'AUTH_FORBIDDEN', `role ${principal.role} may not do this (needs ${permission})`);
    }
    request.principal = principal;
  });
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerTokenOf(header: string | undefined): string | undefined {
  return (header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null)?.[1];
}

/** The audit actor for an authenticated request. */
export function actorOf(request: FastifyRequest): AuditActor {
  const p = request.principal;
  return p ? { kind: 'token', id: p.tokenId, role: p.role } : { kind: 'system', id: 'anonymous' };
}
