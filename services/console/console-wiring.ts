import type { FastifyPluginAsync } from 'fastify';
import type { ApiDependencies } from '../api/dependencies.js';
import { triageRoutes } from '../api/routes/triage.js';
import type { FindingRevocation } from '../liveness/finding-revocation.js';
import type { LivenessControl } from '../liveness/liveness-control.js';
import type { LivenessNotifier } from '../liveness/outgoing-webhooks.js';
import { recordStatusSample } from '../triage/status-samples.js';
import { Resolutions } from '../triage/resolutions.js';
import { TriageStore } from '../triage/triage-store.js';
import { consolePlugin } from './console-plugin.js';

export interface ConsoleWiringOptions {
  /** The liveness tracker (default: `deps.liveness`); without one the console shows no liveness history and offers no re-check. */
  readonly liveness?: LivenessControl;
  /** "Revoke now" (default: `deps.revocation`); without it the console offers no revocation. */
  readonly revocation?: FindingRevocation;
  readonly sessionTtlSeconds?: number;
  readonly clock?: () => Date;
  /** Where resolution changes are announced (the outgoing webhooks), when configured. */
  readonly notifier?: LivenessNotifier;
}

/**
 * The triage API routes (`/v1/findings/:fingerprint/{triage,assign,comments,revocation-requested,resolution}`)
 * and the console (`/console`), sharing one TriageStore and one Resolutions, as plugins for buildApi.
 */
export function consolePluginsFor(deps: ApiDependencies, options: ConsoleWiringOptions = {}): FastifyPluginAsync[] {
  const liveness = options.liveness ?? deps.liveness;
  const revocation = options.revocation ?? deps.revocation;
  const triage = new TriageStore({
    redis: deps.redis,
    prefix: deps.findings.keys.prefix,
    findings: deps.findings,
    audit: deps.audit,
    engine: deps.engine,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const resolutions = new Resolutions({
    findings: deps.findings,
    audit: deps.audit,
    engine: deps.engine,
    ...(options.notifier ? { notifier: options.notifier } : {}),
    // The console's chart samples the counts whenever a resolution changes a status.
    onStatusChange: () => recordStatusSample({ redis: deps.redis, findings: deps.findings, ...(options.clock ? { clock: options.clock } : {}) }).then(() => undefined),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return [
    triageRoutes({ triage, resolutions, findings: deps.findings, liveness, engine: deps.engine }),
    consolePlugin({
      redis: deps.redis,
      findings: deps.findings,
      blockEvents: deps.blockEvents,
      tokens: deps.tokens,
      audit: deps.audit,
      triage,
      resolutions,
      engine: deps.engine,
      ...(liveness ? { liveness } : {}),
      ...(revocation ? { revocation } : {}),
      ...(options.sessionTtlSeconds ? { sessionTtlSeconds: options.sessionTtlSeconds } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    }),
  ];
}
