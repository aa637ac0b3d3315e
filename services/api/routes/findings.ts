import type { FastifyPluginAsync } from 'fastify';
import type { Severity } from '../../../detectors/types.js';
import type { FindingsStore, FindingStatus } from '../../store/findings-store.js';
import type { SortOrder } from '../../store/index-page.js';
import { ApiError } from '../api-error.js';
import { bearerSecurity } from '../schemas/common.js';
import { getFindingSchema, listFindingsSchema } from '../schemas/findings.js';

interface ListQuery {
  status?: FindingStatus;
  provider?: string;
  repository?: string;
  severity?: Severity;
  limit?: number;
  cursor?: string;
  order?: SortOrder;
}

export function findingsRoutes(deps: { findings: FindingsStore }): FastifyPluginAsync {
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
        return finding;
      },
    );
  };
}
