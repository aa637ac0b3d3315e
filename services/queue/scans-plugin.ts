import type { FastifyPluginAsync } from 'fastify';
import type { Engine } from '../../detectors/engine/engine.js';
import { ApiError } from '../api/api-error.js';
import { actorOf } from '../api/auth-hook.js';
import { bearerSecurity } from '../api/schemas/common.js';
import type { AuditLog } from '../audit/audit-log.js';
import { HISTORY_SCAN_QUEUE } from './jobs.js';
import { QueueError } from './queue-error.js';
import { parseRepositorySource } from './repository-source.js';
import type { RepositoryPolicy } from './repository-policy.js';
import type { ScanQueueName, ScanQueues } from './scan-queues.js';
import { getScanSchema, listDeadScansSchema, postScanSchema, retryDeadScanSchema } from './scans-schemas.js';

export interface ScansPluginDeps {
  readonly queues: ScanQueues;
  readonly audit: AuditLog;
  readonly engine: Engine;
  /** Refuses repositories scans may not fetch (403 REPOSITORY_NOT_ALLOWED) before a job exists; the worker checks again. */
  readonly policy: RepositoryPolicy;
}

/**
 * The scan routes, a plugin for buildApi's `plugins`:
 * `POST /v1/scans` queues a history scan (audited), `GET /v1/scans/:id` shows
 * it, `GET /v1/scans/dead` lists jobs of both queues that failed for good and
 * `POST /v1/scans/dead/:queue/:id/retry` sends one back (audited).
 */
export function scansPlugin(deps: ScansPluginDeps): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Body: { repository: string } }>(
      '/v1/scans',
      { schema: { ...postScanSchema, security: bearerSecurity }, config: { permission: 'scans:write' } },
      async (request, reply) => {
        const { repository } = request.body;
        let source;
        try {
          source = parseRepositorySource(repository);
        } catch (err) {
          if (err instanceof QueueError) throw new ApiError(400, err.code, err.message);
          throw err;
        }
        // Job data is stored in clear: a repository string that holds a token (in a path, say) is refused.
        if (deps.engine.scan(Buffer.from(repository, 'utf8')).length > 0) {
          throw new ApiError(422, 'REPOSITORY_CONTAINS_SECRET', 'the repository string carries a secret; give credentials to the workers, not in the URL');
        }
        try {
          await deps.policy.check(source);
        } catch (err) {
          if (err instanceof QueueError) throw new ApiError(403, err.code, err.message);
          throw err;
        }
        const principal = request.principal!;
        const queued = await deps.queues.enqueueHistoryScan({ repository, requestedBy: principal.tokenId, source: 'api' });
        await deps.audit.append({
          action: 'scan.enqueue',
          actor: actorOf(request),
          target: { type: 'scan', id: queued.id },
          data: { queue: HISTORY_SCAN_QUEUE, repository, deduplicated: queued.deduplicated },
          requestId: request.id,
        });
        const view = await deps.queues.view(HISTORY_SCAN_QUEUE, queued.id);
        reply.code(202);
        return { id: queued.id, queue: HISTORY_SCAN_QUEUE, state: view?.state ?? 'unknown', deduplicated: queued.deduplicated };
      },
    );

    app.get<{ Querystring: { queue?: ScanQueueName; offset?: number; limit?: number } }>(
      '/v1/scans/dead',
      { schema: { ...listDeadScansSchema, security: bearerSecurity }, config: { permission: 'scans:read' } },
      async (request) => deps.queues.deadLetters(request.query),
    );

    app.post<{ Params: { queue: ScanQueueName; id: string } }>(
      '/v1/scans/dead/:queue/:id/retry',
      { schema: { ...retryDeadScanSchema, security: bearerSecurity }, config: { permission: 'scans:write' } },
      async (request, reply) => {
        const { queue, id } = request.params;
        let view;
        try {
          view = await deps.queues.retryFailed(queue, id);
        } catch (err) {
          if (err instanceof QueueError && err.code === 'SCAN_NOT_FOUND') throw new ApiError(404, err.code, err.message);
          if (err instanceof QueueError && err.code === 'SCAN_NOT_FAILED') throw new ApiError(409, err.code, err.message);
          throw err;
        }
        await deps.audit.append({
          action: 'scan.retry',
          actor: actorOf(request),
          target: { type: 'scan', id },
          data: { queue, repository: view.repository },
          requestId: request.id,
        });
        reply.code(202);
        return view;
      },
    );

    app.get<{ Params: { id: string } }>(
      '/v1/scans/:id',
      { schema: { ...getScanSchema, security: bearerSecurity }, config: { permission: 'scans:read' } },
      async (request) => {
        const view = await deps.queues.view(HISTORY_SCAN_QUEUE, request.params.id);
        if (!view) throw new ApiError(404, 'SCAN_NOT_FOUND', 'no history scan with this id (unknown, or removed after its retention)');
        return view;
      },
    );
  };
}
