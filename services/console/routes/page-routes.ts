import type { FastifyPluginAsync } from 'fastify';
import { revokerForDetector } from '../../../liveness/revocation/revokers.js';
import { roleAllows } from '../../auth/roles.js';
import { recordStatusSample } from '../../triage/status-samples.js';
import { shownExcerpt } from '../../store/shown-excerpt.js';
import type { ConsoleContext } from '../console-deps.js';
import { ConsoleError } from '../console-error.js';
import { blockEventsPage } from '../pages/block-events-page.js';
import { findingPage, NOTICES } from '../pages/finding-page.js';
import { queuePage } from '../pages/queue-page.js';
import { queueQuerySchema, queueSelection, queueView, type QueueQuery } from '../queue-view.js';
import { selectQueue } from '../queue.js';
import { EXPORT_CONTENT_TYPES, renderExport } from '../../triage/findings-export.js';

/** The read-only pages: the queue (`/console`), a finding, block events. */
const fingerprintParams = { type: 'object', required: ['fingerprint'], properties: { fingerprint: { type: 'string', pattern: '^[0-9a-f]{32}$' } } } as const;

export function pageRoutes(ctx: ConsoleContext): FastifyPluginAsync {
  const html = 'text/html; charset=utf-8';
  return async (app) => {
    app.get<{ Querystring: QueueQuery }>('/', { schema: { hide: true, querystring: queueQuerySchema }, config: { consoleAccess: 'findings:read' } }, async (request, reply) => {
      const now = ctx.now();
      try {
        await recordStatusSample({ redis: ctx.redis, findings: ctx.findings, clock: () => new Date(now) });
      } catch (err) {
        request.log.warn({ err }, 'console: could not record a status sample');
      }
      const session = request.consoleSession!;
      return reply.type(html).send(queuePage(session, await queueView(ctx, request.query, now, roleAllows(session.role, 'findings:triage'))));
    });

    app.get<{ Querystring: QueueQuery & { format?: string } }>(
      '/export',
      {
        schema: { hide: true, querystring: { ...queueQuerySchema, properties: { ...queueQuerySchema.properties, format: { type: 'string', enum: ['csv', 'json'] } } } },
        config: { consoleAccess: 'findings:read' },
      },
      async (request, reply) => {
        const format = (request.query.format ?? 'csv') as 'csv' | 'json';
        const now = ctx.now();
        const { filters, sort, direction } = queueSelection(request.query);
        const { findings } = await selectQueue(ctx.findings, filters, sort, direction, now);
        const triage = await ctx.triage.summaries(findings.map((f) => f.fingerprint));
        const body = renderExport(
          findings.map((finding, i) => ({ finding, assignee: triage[i]!.assignee?.name ?? null })),
          format,
        );
        const day = new Date(now).toISOString().slice(0, 10);
        return reply
          .type(EXPORT_CONTENT_TYPES[format])
          .header('content-disposition', `attachment; filename="pushgate-findings-${day}.${format}"`)
          .send(body);
      },
    );

    app.get<{ Params: { fingerprint: string }; Querystring: { notice?: string } }>(
      '/findings/:fingerprint',
      {
        schema: { hide: true, params: fingerprintParams, querystring: { type: 'object', properties: { notice: { type: 'string', maxLength: 50 } } } },
        config: { consoleAccess: 'findings:read' },
      },
      async (request, reply) => {
        const fp = request.params.fingerprint;
        const session = request.consoleSession!;
        const finding = await ctx.findings.get(fp);
        if (!finding) throw new ConsoleError(404, 'FINDING_NOT_FOUND', 'No finding with this fingerprint.');
        const live = ctx.liveness;
        const [triage, audit, tokens, liveness, excerpt] = await Promise.all([
          ctx.triage.get(fp),
          ctx.audit.listForTarget('finding', fp),
          ctx.tokens.list(),
          live ? Promise.all([live.history(fp, 100), live.owner(fp), live.nextCheck(fp)]).then(([history, owner, nextCheck]) => ({ history, owner, nextCheck })) : null,
          shownExcerpt(ctx.findings, ctx.engine, fp),
        ]);
        const actorNames = new Map(tokens.map((t) => [`token:${t.id}`, t.label ? `${t.label} (${t.id})` : t.id] as const));
        const body = findingPage(session, {
          finding,
          triage,
          liveness,
          excerpt,
          audit,
          actorNames,
          canTriage: roleAllows(session.role, 'findings:triage'),
          providerCheck: !ctx.resolutions.allowedFor(finding.detector),
          revocation: ctx.revocation ? revocationOffer(finding.detector) : null,
          livenessEnabled: live?.enabled ?? false,
          notice: (request.query.notice && Object.hasOwn(NOTICES, request.query.notice) ? NOTICES[request.query.notice] : null) ?? null,
          now: ctx.now(),
        });
        return reply.type(html).send(body);
      },
    );

    app.get<{ Querystring: { repository?: string; pusher?: string; cursor?: string } }>(
      '/block-events',
      {
        schema: {
          hide: true,
          querystring: {
            type: 'object',
            properties: { repository: { type: 'string', maxLength: 1024 }, pusher: { type: 'string', maxLength: 200 }, cursor: { type: 'string', maxLength: 2048 } },
          },
        },
        config: { consoleAccess: 'findings:read' },
      },
      async (request, reply) => {
        const { repository, pusher, cursor } = request.query;
        const page = await ctx.blockEvents.list({ ...(repository ? { repository } : {}), ...(pusher ? { pusher } : {}), ...(cursor ? { cursor } : {}), limit: 50 });
        const recent = repository || pusher ? { events: [] } : await ctx.blockEvents.list({ limit: 500 });
        const tally = (names: Array<string | undefined>): Array<[string, number]> => {
          const m = new Map<string, number>();
          for (const n of names) if (n) m.set(n, (m.get(n) ?? 0) + 1);
          return [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10);
        };
        const body = blockEventsPage(request.consoleSession!, {
          ...(repository ? { repository } : {}),
          ...(pusher ? { pusher } : {}),
          events: page.events,
          nextCursor: page.nextCursor,
          byRepository: tally(recent.events.map((e) => e.event.repository)),
          byPusher: tally(recent.events.map((e) => e.event.pusher?.name)),
          recentCount: recent.events.length,
        });
        return reply.type(html).send(body);
      },
    );
  };
}

function revocationOffer(detector: string): { provider: string; call: string } | null {
  const revoker = revokerForDetector(detector);
  return revoker ? { provider: revoker.provider, call: revoker.call } : null;
}
