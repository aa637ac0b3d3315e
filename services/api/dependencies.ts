import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Engine } from '../../detectors/engine/engine.js';
import type { Fingerprinter } from '../../scanner/fingerprint.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { TokenStore } from '../auth/token-store.js';
import type { FindingRevocation } from '../liveness/finding-revocation.js';
import type { LivenessControl } from '../liveness/liveness-control.js';
import type { ServiceMetrics } from '../metrics/metrics.js';
import type { BlockEventsStore } from '../store/block-events-store.js';
import type { FindingsStore } from '../store/findings-store.js';

/** Everything the API needs, passed in (services/context.ts builds it from the config; tests build their own). */
export interface ApiDependencies {
  readonly redis: Redis;
  readonly findings: FindingsStore;
  readonly blockEvents: BlockEventsStore;
  readonly tokens: TokenStore;
  readonly audit: AuditLog;
  readonly engine: Engine;
  /** Keyed fingerprints for POST /v1/scan's findings (the same the workers store). */
  readonly fingerprints: Fingerprinter;
  readonly metrics: ServiceMetrics;
  readonly logger: Logger;
  /** Largest POST /v1/scan body, bytes. */
  readonly scanBodyLimit: number;
  /** Liveness tracking (re-check requests, check history); absent in tests that do not need it. */
  readonly liveness?: LivenessControl;
  /** "Revoke now"; absent where liveness is (tests that do not need it). */
  readonly revocation?: FindingRevocation;
}
