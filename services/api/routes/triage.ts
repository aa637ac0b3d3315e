import type { FastifyPluginAsync } from 'fastify';
import { TRIAGE_ERROR_STATUS, TriageError } from '../../triage/triage-error.js';
import type { ResolutionInput, Resolutions } from '../../triage/resolutions.js';
import { applyBulk, type BulkAction } from '../../triage/bulk.js';
import { EXPORT_CONTENT_TYPES, renderExport, type ExportFormat } from '../../triage/findings-export.js';
import { selectQueue, type QueueFilters, type QueueStatusFilter } from '../../console/queue.js';
import type { FindingsStore } from '../../store/findings-store.js';
import type { Severity } from '../../../detectors/types.js';
import type { LivenessControl } from '../../liveness/liveness-control.js';
import type { Engine } from '../../../detectors/engine/engine.js';
import type { TriageStore } from '../../triage/triage-store.js';
import { ApiError } from '../api-error.js';
import { actorOf } from '../auth-hook.js';
import { bearerSecurity } from '../schemas/common.js';
import { assignSchema, bulkSchema, exportSchema, commentSchema, getTriageSchema, resolveSchema, revocationRequestedSchema, unresolveSchema } from '../schemas/triage.js';

/**
 * Triage of findings over the API, a plugin for buildApi's `plugins`; the
 * console's forms call the same TriageStore and Resolutions. Changes need `findings:triage`
 * (admin, triage); read-only tokens get 403 AUTH_FORBIDDEN. Every change is
 * audited against the finding.
 */
type Params = { Params: { fingerprint: string } };

interface ExportQuery {
  format?: ExportFormat;
  status?: string;
  severity?: Severity;
  provider?: string;
  repository?: string;
  q?: string;
}

async function mapped<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof TriageError) throw new ApiError(TRIAGE_ERROR_STATUS[err.code], err.code, err.message);
    throw err;
  }
}

export function triageRoutes(deps: { triage: TriageStore; resolutions: Resolutions; findings: FindingsStore; liveness?: LivenessControl | undefined; engine: Engine }): FastifyPluginAsync {
  return async (app) => {
    app.get<Params>(
      '/v1/findings/:fingerprint/triage',
      { schema: { ...getTriageSchema, security: bearerSecurity }, config: { permission: 'findings:read' } },
      async (request) => {
        if (!(await deps.triage.statusOf(request.params.fingerprint))) throw new ApiError(404, 'FINDING_NOT_FOUND', 'no finding with this fingerprint');
        return deps.triage.get(request.params.fingerprint);
      },
    );

    app.post<Params & { Body: { assignee: string | null } }>(
      '/v1/findings/:fingerprint/assign',
      { schema: { ...assignSchema, security: bearerSecurity }, config: { permission: 'findings:triage' } },
      async (request) => mapped(() => deps.triage.assign(request.params.fingerprint, request.body.assignee, actorOf(request), { requestId: request.id })),
    );

    app.post<Params & { Body: { text: string } }>(
      '/v1/findings/:fingerprint/comments',
      { schema: { ...commentSchema, security: bearerSecurity }, config: { permission: 'findings:triage' } },
      async (request, reply) => {
        const comment = await mapped(() => deps.triage.comment(request.params.fingerprint, request.body.text, actorOf(request), { requestId: request.id }));
        reply.code(201);
        return comment;
      },
    );

    app.post<Params & { Body: { note?: string } | null }>(
      '/v1/findings/:fingerprint/revocation-requested',
      { schema: { ...revocationRequestedSchema, security: bearerSecurity }, config: { permission: 'findings:triage' } },
      async (request) =>
        mapped(() => deps.triage.requestRevocation(request.params.fingerprint, request.body?.note ?? '', actorOf(request), { requestId: request.id })),
    );

    app.post<Params & { Body: ResolutionInput }>(
      '/v1/findings/:fingerprint/resolution',
      { schema: { ...resolveSchema, security: bearerSecurity }, config: { permission: 'findings:triage' } },
      async (request) => mapped(() => deps.resolutions.resolve(request.params.fingerprint, request.body, actorOf(request), { requestId: request.id })),
    );

    app.get<{ Querystring: ExportQuery }>(
      '/v1/findings/export',
      { schema: { ...exportSchema, security: bearerSecurity }, config: { permission: 'findings:read' } },
      async (request, reply) => {
        const q = request.query;
        const format = q.format ?? 'json';
        const filters: QueueFilters = {
          status: (q.status ?? 'all') as QueueStatusFilter,
          ...(q.severity ? { severity: q.severity } : {}),
          ...(q.provider ? { provider: q.provider } : {}),
          ...(q.repository ? { repository: q.repository } : {}),
          ...(q.q ? { search: q.q } : {}),
        };
        const { findings, truncated } = await selectQueue(deps.findings, filters, 'severity', 'asc', Date.now());
        const triage = await deps.triage.summaries(findings.map((f) => f.fingerprint));
        if (truncated) reply.header('x-pushgate-truncated', 'true');
        return reply
          .type(EXPORT_CONTENT_TYPES[format])
          .header('content-disposition', `attachment; filename="pushgate-findings.${format === 'sarif' ? 'sarif' : format}"`)
          .send(renderExport(findings.map((finding, i) => ({ finding, assignee: triage[i]!.assignee?.name ?? null })), format));
      },
    );

    app.post<{ Body: BulkAction & { fingerprints: string[] } }>(
      '/v1/findings/bulk',
      { schema: { ...bulkSchema, security: bearerSecurity }, config: { permission: 'findings:triage' } },
      async (request) => {
        const { fingerprints, ...input } = request.body;
        const results = await mapped(() => applyBulk(deps, fingerprints, input as BulkAction, actorOf(request), { requestId: request.id }));
        return { done: results.filter((r) => r.ok).length, refused: results.filter((r) => !r.ok).length, results };
      },
    );

    app.delete<Params>(
      '/v1/findings/:fingerprint/resolution',
      { schema: { ...unresolveSchema, security: bearerSecurity }, config: { permission: 'findings:triage' } },
      async (request) => mapped(() => deps.resolutions.unresolve(request.params.fingerprint, actorOf(request), { requestId: request.id })),
    );
  };
}
