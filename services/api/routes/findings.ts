import type { FastifyPluginAsync } from 'fastify';
import type { Severity } from '../../../detectors/types.js';
import type { FindingsStore, FindingStatus } from '../../store/findings-store.js';
import type { SortOrder } from '../../store/index-page.js';
import { ApiError } from '../api-error.js';
import { bearerSecurity } from '../schemas/common.js';
import { getFindingSchema, listFindingsSchema } from '../schemas/findings.js';
import { findingLivenessSchema, recheckSchema, revokeSchema } from '../schemas/liveness.js';
import { type FindingRevocation, REVOCATION_ERROR_STATUS, RevocationError } from '../../liveness/finding-revocation.js';
import type { LivenessControl } from '../../liveness/liveness-control.js';
import type { AuditActor } from '../../audit/audit-log.js';
import type { Engine } from '../../../detectors/engine/engine.js';
import { shownExcerpt } from '../../store/shown-excerpt.js';

interface ListQuery {
  status?: FindingStatus;
  provider?: string;
  repository?: string;
  severity?: Severity;
  limit?: number;
  cursor?: string;
  order?: SortOrder;
}

export function findingsRoutes(deps: { findings: FindingsStore; liveness?: LivenessControl | undefined; revocation?: FindingRevocation | undefined; engine: Engine }): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: ListQuery }>(
      '/v1/findings',
      { schema: { ...listFindingsSchema, security: bearerSecurity }, config: { permission: 'findings:read' } },
      async (request) => deps.findings.list(request.query),
    );

    app.get<{ Params: { fingerprint: string } }>(
      '/v1/findings/:fingerprint',
      { schema: { ...getFindingSchema, security: bearerSecurity }, config: { permission: 'findings:read' } },
      async (request) => {
        const finding = await deps.findings.get(request.params.fingerprint);
        if (!finding) throw new ApiError(404, 'FINDING_NOT_FOUND', 'no finding with this fingerprint');
        return { ...finding, excerpt: await shownExcerpt(deps.findings, deps.engine, finding.fingerprint) };
      },
    );

    const livenessOf = (): LivenessControl => {
      if (!deps.liveness) throw new ApiError(503, 'LIVENESS_UNAVAILABLE', 'liveness tracking is not running in this process');
      return deps.liveness;
    };

    app.get<{ Params: { fingerprint: string }; Querystring: { limit?: number } }>(
      '/v1/findings/:fingerprint/liveness',
      { schema: { ...findingLivenessSchema, security: bearerSecurity }, config: { permission: 'findings:read' } },
      async (request) => {
        const liveness = livenessOf();
        const fp = request.params.fingerprint;
        const finding = await deps.findings.get(fp, { locationLimit: 0 });
        if (!finding) throw new ApiError(404, 'FINDING_NOT_FOUND', 'no finding with this fingerprint');
        const [owner, nextCheckAt, checks] = await Promise.all([liveness.owner(fp), liveness.nextCheck(fp), liveness.history(fp, request.query.limit ?? 100)]);
        return { status: finding.status, owner, nextCheckAt, checks };
      },
    );

    // "I revoked it" and "check again" are the same request: an immediate check. Nobody closes a finding by saying so.
    app.post<{ Params: { fingerprint: string }; Body: { note?: string } | null }>(
      '/v1/findings/:fingerprint/recheck',
      { schema: { ...recheckSchema, security: bearerSecurity }, config: { permission: 'findings:triage' } },
      async (request, reply) => {
        const liveness = livenessOf();
        const principal = request.principal!;
        const actor: AuditActor = { kind: 'token', id: principal.tokenId, role: principal.role };
        const note = request.body?.note;
        const result = await liveness.requestRecheck(request.params.fingerprint, actor, { requestId: request.id, ...(note ? { note } : {}) });
        if (!result.queued && result.reason === 'no such finding') throw new ApiError(404, 'FINDING_NOT_FOUND', 'no finding with this fingerprint');
        if (!result.queued && result.disabled) throw new ApiError(503, 'LIVENESS_DISABLED', result.reason ?? 'liveness checks are off on this server');
        if (!result.queued) throw new ApiError(409, 'LIVENESS_NOT_CHECKABLE', result.reason ?? 'this finding cannot be checked');
        return reply.code(202).send({ queued: true, reason: result.reason ?? 'queued' });
      },
    );

    // Revocation is a reviewed service action: the provider is asked, then the check decides (never a CLI side effect).
    app.post<{ Params: { fingerprint: string }; Body: { note?: string } | null }>(
      '/v1/findings/:fingerprint/revoke',
      { schema: { ...revokeSchema, security: bearerSecurity }, config: { permission: 'findings:triage' } },
      async (request, reply) => {
        if (!deps.revocation) throw new ApiError(503, 'LIVENESS_UNAVAILABLE', 'liveness tracking is not running in this process');
        const principal = request.principal!;
        const note = request.body?.note;
        try {
          const result = await deps.revocation.revoke(request.params.fingerprint, { kind: 'token', id: principal.tokenId, role: principal.role }, { requestId: request.id, ...(note ? { note } : {}) });
          return reply.code(202).send(result);
        } catch (err) {
          if (err instanceof RevocationError) throw new ApiError(REVOCATION_ERROR_STATUS[err.code], err.code, err.message);
          throw err;
        }
      },
    );
  };
}
