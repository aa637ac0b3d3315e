import type { Redis } from 'ioredis';
import type { Engine } from '../../detectors/engine/engine.js';
import type { AuditActor, AuditLog } from '../audit/audit-log.js';
import type { Permission } from '../auth/roles.js';
import type { TokenStore } from '../auth/token-store.js';
import type { FindingRevocation } from '../liveness/finding-revocation.js';
import type { LivenessControl } from '../liveness/liveness-control.js';
import type { BlockEventsStore } from '../store/block-events-store.js';
import type { FindingsStore } from '../store/findings-store.js';
import type { Resolutions } from '../triage/resolutions.js';
import type { TriageStore } from '../triage/triage-store.js';
import type { ConsoleSession, SessionStore } from './session-store.js';

/** What the console is built from (services/console/console-wiring.ts builds it from the service context). */
export interface ConsoleDeps {
  readonly redis: Redis;
  readonly findings: FindingsStore;
  readonly blockEvents: BlockEventsStore;
  readonly tokens: TokenStore;
  readonly audit: AuditLog;
  readonly triage: TriageStore;
  readonly resolutions: Resolutions;
  /** Masks the excerpts shown on finding pages. */
  readonly engine: Engine;
  /** Re-checks, liveness history and owners; without it the console shows no liveness and offers no re-check. */
  readonly liveness?: LivenessControl;
  /** "Revoke now"; without it the console offers no revocation. */
  readonly revocation?: FindingRevocation;
  readonly clock?: () => Date;
  /** Session lifetime (default 8 h). */
  readonly sessionTtlSeconds?: number;
}

/** The deps plus what the plugin builds once. */
export interface ConsoleContext extends ConsoleDeps {
  readonly sessions: SessionStore;
  readonly now: () => number;
}

/** Who may reach a console route: anyone (login, assets) or a session whose role grants the permission. */
export type ConsoleAccess = 'public' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    consoleAccess?: ConsoleAccess;
  }
  interface FastifyRequest {
    consoleSession: ConsoleSession | null;
    consoleSessionId: string | null;
  }
}

export const SESSION_COOKIE = 'pushgate_session';
export const LOGIN_CSRF_COOKIE = 'pushgate_login_csrf';

export function sessionActor(session: ConsoleSession): AuditActor {
  return { kind: 'token', id: session.tokenId, role: session.role };
}
