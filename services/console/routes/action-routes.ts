import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ConsoleContext } from '../console-deps.js';
import { sessionActor } from '../console-deps.js';
import { ConsoleError } from '../console-error.js';
import { CSRF_FIELD } from '../csrf.js';
import { TriageError } from '../../triage/triage-error.js';
import { applyBulk, MAX_BULK, type BulkAction } from '../../triage/bulk.js';
import { bulkResultPage } from '../pages/bulk-result-page.js';
import { RESOLUTION_KINDS, type ResolutionKind } from '../../store/findings-store.js';

/**
 * The console's state-changing forms, each for role with `findings:triage`.
 * They call the same TriageStore and LivenessControl as the JSON API
 * (services/api/routes/triage.ts), then redirect back to the finding with a
 * fixed notice (post/redirect/get). CSRF and origin checks run in the
 * console's hooks before any of these handlers.
 */
const fingerprintParams = { type: 'object', required: ['fingerprint'], properties: { fingerprint: { type: 'string', pattern: '^[0-9a-f]{32}$' } } } as const;

function formBody(fields: Record<string, { maxLength: number }>, required: readonly string[] = []): Record<string, unknown> {
  const properties: Record<string, unknown> = { [CSRF_FIELD]: { type: 'string', maxLength: 200 } };
  for (const [name, f] of Object.entries(fields)) properties[name] = { type: 'string', maxLength: f.maxLength };
  return { type: 'object', additionalProperties: false, required, properties };
}

type Params = { Params: { fingerprint: string } };

/** A date input sends YYYY-MM-DD: an accepted risk lasts until the start of that day (UTC). Empty: none. */
function formDate(value: string | undefined): string | null {
  const day = value?.trim() ?? '';
  return day === '' ? null : /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T00:00:00.000Z` : day;
}

function backToFinding(reply: FastifyReply, fingerprint: string, notice: string, anchor = ''): FastifyReply {
  return reply.redirect(`/console/findings/${fingerprint}?notice=${notice}${anchor}`, 303);
}

export function actionRoutes(ctx: ConsoleContext): FastifyPluginAsync {
  const config = { consoleAccess: 'findings:triage' } as const;
  return async (app) => {
    app.post<Params>(
      '/findings/:fingerprint/recheck',
      { schema: { hide: true, params: fingerprintParams, body: formBody({}) }, config },
      async (request, reply) => {
        const fp = request.params.fingerprint;
        if (!ctx.liveness) throw new ConsoleError(503, 'LIVENESS_DISABLED', 'Liveness tracking is not enabled on this service, so nothing can re-check the finding.');
        if (!(await ctx.findings.get(fp, { locationLimit: 1 }))) throw new ConsoleError(404, 'FINDING_NOT_FOUND', 'No finding with this fingerprint.');
        const result = await ctx.liveness.requestRecheck(fp, sessionActor(request.consoleSession!), { requestId: request.id });
        return backToFinding(reply, fp, result.queued ? 'recheck-queued' : result.disabled ? 'liveness-off' : 'recheck-unavailable');
      },
    );

    app.post<Params & { Body: { confirm: string } }>(
      '/findings/:fingerprint/revoke',
      { schema: { hide: true, params: fingerprintParams, body: formBody({ confirm: { maxLength: 100 } }, ['confirm']) }, config },
      async (request, reply) => {
        const fp = request.params.fingerprint;
        if (!ctx.revocation) throw new ConsoleError(503, 'LIVENESS_DISABLED', 'Liveness tracking is not enabled on this service, so nothing could confirm a revocation.');
        const finding = await ctx.findings.get(fp, { locationLimit: 0 });
        if (!finding) throw new ConsoleError(404, 'FINDING_NOT_FOUND', 'No finding with this fingerprint.');
        if (request.body.confirm.trim() !== finding.detector) {
          throw new ConsoleError(400, 'REVOCATION_NOT_CONFIRMED', `Nothing was revoked: type ${finding.detector} exactly to confirm.`);
        }
        const result = await ctx.revocation.revoke(fp, sessionActor(request.consoleSession!), { requestId: request.id });
        return backToFinding(reply, fp, `revoke-${result.outcome}`);
      },
    );

    app.post<Params & { Body: { assignee: string } }>(
      '/findings/:fingerprint/assign',
      { schema: { hide: true, params: fingerprintParams, body: formBody({ assignee: { maxLength: 400 } }, ['assignee']) }, config },
      async (request, reply) => {
        const fp = request.params.fingerprint;
        const assignee = request.body.assignee.trim();
        await ctx.triage.assign(fp, assignee === '' ? null : assignee, sessionActor(request.consoleSession!), { requestId: request.id });
        return backToFinding(reply, fp, assignee === '' ? 'unassigned' : 'assigned');
      },
    );

    app.post<Params & { Body: { text: string } }>(
      '/findings/:fingerprint/comments',
      { schema: { hide: true, params: fingerprintParams, body: formBody({ text: { maxLength: 16000 } }, ['text']) }, config },
      async (request, reply) => {
        const fp = request.params.fingerprint;
        await ctx.triage.comment(fp, request.body.text, sessionActor(request.consoleSession!), { requestId: request.id });
        return backToFinding(reply, fp, 'commented');
      },
    );

    app.post<Params & { Body: { resolution: string; reason: string; expiresAt?: string } }>(
      '/findings/:fingerprint/resolution',
      {
        schema: {
          hide: true,
          params: fingerprintParams,
          body: formBody({ resolution: { maxLength: 40 }, reason: { maxLength: 4000 }, expiresAt: { maxLength: 40 } }, ['resolution', 'reason']),
        },
        config,
      },
      async (request, reply) => {
        const fp = request.params.fingerprint;
        const { resolution, reason } = request.body;
        if (!(RESOLUTION_KINDS as readonly string[]).includes(resolution)) throw new TriageError('TRIAGE_INPUT_INVALID', 'choose one of the listed resolutions');
        await ctx.resolutions.resolve(fp, { resolution: resolution as ResolutionKind, reason, expiresAt: formDate(request.body.expiresAt) }, sessionActor(request.consoleSession!), { requestId: request.id });
        return backToFinding(reply, fp, 'resolved');
      },
    );

    app.post<Params>(
      '/findings/:fingerprint/resolution/remove',
      { schema: { hide: true, params: fingerprintParams, body: formBody({}) }, config },
      async (request, reply) => {
        const fp = request.params.fingerprint;
        await ctx.resolutions.unresolve(fp, sessionActor(request.consoleSession!), { requestId: request.id });
        return backToFinding(reply, fp, 'unresolved');
      },
    );

    app.post<{ Body: { fingerprint?: string | string[]; action: string; assignee?: string; resolution?: string; reason?: string; expiresAt?: string } }>(
      '/bulk',
      {
        schema: {
          hide: true,
          body: {
            type: 'object',
            additionalProperties: false,
            required: ['action'],
            properties: {
              [CSRF_FIELD]: { type: 'string', maxLength: 200 },
              fingerprint: {
                anyOf: [
                  { type: 'string', pattern: '^[0-9a-f]{32}$' },
                  { type: 'array', maxItems: MAX_BULK, items: { type: 'string', pattern: '^[0-9a-f]{32}$' } },
                ],
              },
              action: { type: 'string', enum: ['assign', 'resolve', 'recheck'] },
              assignee: { type: 'string', maxLength: 400 },
              resolution: { type: 'string', maxLength: 40 },
              reason: { type: 'string', maxLength: 4000 },
              expiresAt: { type: 'string', maxLength: 40 },
            },
          },
        },
        config,
      },
      async (request, reply) => {
        const b = request.body;
        const fingerprints = b.fingerprint === undefined ? [] : Array.isArray(b.fingerprint) ? b.fingerprint : [b.fingerprint];
        if (fingerprints.length === 0) throw new TriageError('TRIAGE_INPUT_INVALID', 'select at least one finding first');
        let input: BulkAction;
        if (b.action === 'assign') input = { action: 'assign', assignee: b.assignee?.trim() ? b.assignee : null };
        else if (b.action === 'recheck') input = { action: 'recheck' };
        else {
          if (!(RESOLUTION_KINDS as readonly string[]).includes(b.resolution ?? '')) throw new TriageError('TRIAGE_INPUT_INVALID', 'choose one of the listed resolutions');
          input = { action: 'resolve', resolution: b.resolution as ResolutionKind, reason: b.reason ?? '', expiresAt: formDate(b.expiresAt) };
        }
        const outcomes = await applyBulk(
          { triage: ctx.triage, resolutions: ctx.resolutions, liveness: ctx.liveness, engine: ctx.engine },
          fingerprints,
          input,
          sessionActor(request.consoleSession!),
          { requestId: request.id },
        );
        return reply.type('text/html; charset=utf-8').send(bulkResultPage(request.consoleSession!, b.action, outcomes));
      },
    );

    app.post<Params & { Body: { note?: string } }>(
      '/findings/:fingerprint/revocation-requested',
      { schema: { hide: true, params: fingerprintParams, body: formBody({ note: { maxLength: 2000 } }) }, config },
      async (request, reply) => {
        const fp = request.params.fingerprint;
        await ctx.triage.requestRevocation(fp, request.body.note ?? '', sessionActor(request.consoleSession!), { requestId: request.id });
        return backToFinding(reply, fp, 'revocation-requested');
      },
    );
  };
}
