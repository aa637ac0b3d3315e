import type { FastifyPluginAsync } from 'fastify';
import type { ApiDependencies } from '../api/dependencies.js';
import { triageRoutes } from '../api/routes/triage.js';
import type { LivenessControl } from '../liveness/liveness-control.js';
import { TriageStore } from '../triage/triage-store.js';
import { consolePlugin } from './console-plugin.js';

export interface ConsoleWiringOptions {
  /** The liveness tracker (default: `deps.liveness`); without one the console shows no liveness history and offers no re-check. */
  readonly liveness?: LivenessControl;
  readonly sessionTtlSeconds?: number;
  readonly clock?: () => Date;
}

/**
 * The triage API routes (`/v1/findings/:fingerprint/{triage,assign,comments,revocation-requested}`)
 * and the console (`/console`), sharing one TriageStore, as plugins for buildApi.
 */
export function consolePluginsFor(deps: ApiDependencies, options: ConsoleWiringOptions = {}): FastifyPluginAsync[] {
  const liveness = options.liveness ?? deps.liveness;
  const triage = new TriageStore({
    redis: deps.redis,
    prefix: deps.findings.keys.prefix,
    findings: deps.findings,
    audit: deps.audit,
    engine: deps.engine,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return [
    triageRoutes({ triage }),
    consolePlugin({
      redis: deps.redis,
      findings: deps.findings,
      blockEvents: deps.blockEvents,
      tokens: deps.tokens,
      audit: deps.audit,
      triage,
      ...(liveness ? { liveness } : {}),
      ...(options.sessionTtlSeconds ? { sessionTtlSeconds: options.sessionTtlSeconds } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
    }),
  ];
}
