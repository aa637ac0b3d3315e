import type { FastifyPluginAsync } from 'fastify';
import { TRIAGE_ERROR_STATUS, TriageError } from '../../triage/triage-error.js';
import type { ResolutionInput, Resolutions } from '../../triage/resolutions.js';
import type { TriageStore } from '../../triage/triage-store.js';
import { ApiError } from '../api-error.js';
import { actorOf } from '../auth-hook.js';
import { bearerSecurity } from '../schemas/common.js';
import { assignSchema, commentSchema, getTriageSchema, resolveSchema, revocationRequestedSchema, unresolveSchema } from '../schemas/triage.js';

/**
 * Triage of findings over the API, a plugin for buildApi's `plugins`; the
 * console's forms call the same TriageStore and Resolutions. Changes need `findings:triage`
 * (admin, triage); read-only tokens get 403 AUTH_FORBIDDEN. Every change is
 * audited against the finding.
 */
type Params = { Params: { fingerprint: string } };

async function mapped<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof TriageError) throw new ApiError(TRIAGE_ERROR_STATUS[err.code], err.code, err.message);
    throw err;
  }
}

export function triageRoutes(deps: { triage: TriageStore; resolutions: Resolutions }): FastifyPluginAsync {
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

    app.delete<Params>(
      '/v1/findings/:fingerprint/resolution',
      { schema: { ...unresolveSchema, security: bearerSecurity }, config: { permission: 'findings:triage' } },
      async (request) => mapped(() => deps.resolutions.unresolve(request.params.fingerprint, actorOf(request), { requestId: request.id })),
    );
  };
}
