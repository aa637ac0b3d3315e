import type { FastifyPluginAsync } from 'fastify';
import type { AuditLog } from '../../audit/audit-log.js';
import type { Role } from '../../auth/roles.js';
import type { TokenStore } from '../../auth/token-store.js';
import type { Engine } from '../../../detectors/engine/engine.js';
import { ApiError } from '../api-error.js';
import { actorOf } from '../auth-hook.js';
import { bearerSecurity } from '../schemas/common.js';
import { createTokenSchema, listAuditSchema, listTokensSchema, revokeTokenSchema, verifyAuditSchema } from '../schemas/admin.js';

/** Token management (admin) and the audit log (admin, triage). */
export function adminRoutes(deps: { tokens: TokenStore; audit: AuditLog; engine: Engine }): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Body: { role: Role; label?: string } }>(
      '/v1/tokens',
      { schema: { ...createTokenSchema, security: bearerSecurity }, config: { permission: 'tokens:manage' } },
      async (request, reply) => {
        // Labels are stored and listed in clear: a pasted credential must not end up there.
        if (request.body.label && deps.engine.scan(Buffer.from(request.body.label, 'utf8')).length > 0) {
          throw new ApiError(400, 'REQUEST_INVALID', 'body/label must not contain a secret');
        }
        const { token, info } = await deps.tokens.mint({
          role: request.body.role,
          ...(request.body.label !== undefined ? { label: request.body.label } : {}),
          actor: actorOf(request),
          requestId: request.id,
        });
        reply.code(201);
        // The one response that carries a credential: the caller asked for it, and it is never logged.
        return { ...info, token: token.reveal() };
      },
    );

    app.get(
      '/v1/tokens',
      { schema: { ...listTokensSchema, security: bearerSecurity }, config: { permission: 'tokens:manage' } },
      async () => ({ tokens: await deps.tokens.list() }),
    );

    app.delete<{ Params: { id: string } }>(
      '/v1/tokens/:id',
      { schema: { ...revokeTokenSchema, security: bearerSecurity }, config: { permission: 'tokens:manage' } },
      async (request) => {
        await deps.tokens.revoke(request.params.id, actorOf(request), request.id);
        return { id: request.params.id, revoked: true };
      },
    );

    app.get<{ Querystring: { limit?: number; before?: string } }>(
      '/v1/audit',
      { schema: { ...listAuditSchema, security: bearerSecurity }, config: { permission: 'audit:read' } },
      async (request) => ({ entries: await deps.audit.list(request.query) }),
    );

    app.get(
      '/v1/audit/verify',
      { schema: { ...verifyAuditSchema, security: bearerSecurity }, config: { permission: 'audit:read' } },
      async () => deps.audit.verify(),
    );
  };
}
