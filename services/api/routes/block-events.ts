import type { FastifyPluginAsync } from 'fastify';
import type { Engine } from '../../../detectors/engine/engine.js';
import type { BlockEvent } from '../../../hooks/block-event.js';
import type { AuditLog } from '../../audit/audit-log.js';
import type { ServiceMetrics } from '../../metrics/metrics.js';
import type { BlockEventsStore } from '../../store/block-events-store.js';
import type { SortOrder } from '../../store/index-page.js';
import { ApiError } from '../api-error.js';
import { actorOf } from '../auth-hook.js';
import { bearerSecurity } from '../schemas/common.js';
import { getBlockEventSchema, listBlockEventsSchema, postBlockEventSchema } from '../schemas/block-events.js';

export interface BlockEventRouteDeps {
  readonly blockEvents: BlockEventsStore;
  readonly audit: AuditLog;
  readonly engine: Engine;
  readonly metrics: ServiceMetrics;
}

export function blockEventRoutes(deps: BlockEventRouteDeps): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Body: BlockEvent }>(
      '/v1/events/push-blocked',
      { schema: { ...postBlockEventSchema, security: bearerSecurity }, config: { permission: 'events:write' } },
      async (request, reply) => {
        const event = request.body;
        // Events are meant to carry redacted values only; one that carries a real-format token is refused, not stored.
        const leaked = deps.engine.scan(Buffer.from(JSON.stringify(event), 'utf8'));
        if (leaked.length > 0) {
          deps.metrics.blockEventsReceived.inc({ reason: event.reason, outcome: 'rejected' });
          request.log.warn({ detectors: [...new Set(leaked.map((m) => m.detector.id))] }, 'block event refused: it carries an unredacted secret');
          throw new ApiError(422, 'EVENT_CONTAINS_SECRET', 'the event carries an unredacted secret; events must hold redacted values only');
        }
        const principal = request.principal!;
        const { created } = await deps.blockEvents.record(event, principal.tokenId);
        deps.metrics.blockEventsReceived.inc({ reason: event.reason, outcome: created ? 'stored' : 'duplicate' });
        if (created) {
          await deps.audit.append({
            action: 'block-event.receive',
            actor: actorOf(request),
            target: { type: 'block-event', id: event.id },
            data: {
              repository: event.repository,
              pusher: event.pusher?.name ?? null,
              reason: event.reason,
              fingerprints: event.findings.map((f) => f.fingerprint),
            },
            requestId: request.id,
          });
        }
        reply.code(created ? 201 : 200);
        return { id: event.id, created };
      },
    );

    app.get<{ Querystring: { repository?: string; pusher?: string; limit?: number; cursor?: string; order?: SortOrder } }>(
      '/v1/events/push-blocked',
      { schema: { ...listBlockEventsSchema, security: bearerSecurity }, config: { permission: 'findings:read' } },
      async (request) => deps.blockEvents.list(request.query),
    );

    app.get<{ Params: { id: string } }>(
      '/v1/events/push-blocked/:id',
      { schema: { ...getBlockEventSchema, security: bearerSecurity }, config: { permission: 'findings:read' } },
      async (request) => {
        const stored = await deps.blockEvents.get(request.params.id);
        if (!stored) throw new ApiError(404, 'EVENT_NOT_FOUND', 'no block event with this id');
        return stored;
      },
    );
  };
}
