import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { FINDING_STATUSES, type FindingsStore } from '../store/findings-store.js';
import type { BlockEventsStore } from '../store/block-events-store.js';

/**
 * The service's Prometheus metrics, on one injectable registry: the API
 * exposes it at /metrics, and the queue and webhook parts register their own
 * metrics (queue depths, deliveries) on the same registry.
 */
export interface ServiceMetrics {
  readonly registry: Registry;
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route'>;
  readonly scanRequests: Counter<'kind' | 'outcome'>;
  readonly scanBytes: Counter<'kind'>;
  readonly scanFindings: Counter<'severity'>;
  readonly blockEventsReceived: Counter<'reason' | 'outcome'>;
}

export interface MetricsOptions {
  readonly registry?: Registry;
  /** Gauges read from the store at scrape time. */
  readonly findings?: FindingsStore;
  readonly blockEvents?: BlockEventsStore;
  /** Process metrics (CPU, memory, event loop); off in tests that make many registries. */
  readonly defaultMetrics?: boolean;
}

export function createServiceMetrics(options: MetricsOptions = {}): ServiceMetrics {
  const registry = options.registry ?? new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'pushgate_' });
  const registers = [registry];
  const findings = options.findings;
  if (findings) {
    new Gauge({
      name: 'pushgate_findings',
      help: 'Findings in the store, by status',
      labelNames: ['status'],
      registers,
      async collect() {
        const counts = await findings.countByStatus();
        for (const s of FINDING_STATUSES) this.set({ status: s }, counts[s]);
      },
    });
  }
  const blockEvents = options.blockEvents;
  if (blockEvents) {
    new Gauge({
      name: 'pushgate_block_events_stored',
      help: 'Block events in the store',
      registers,
      async collect() {
        this.set(await blockEvents.count());
      },
    });
  }
  return {
    registry,
    httpRequests: new Counter({ name: 'pushgate_http_requests_total', help: 'HTTP requests answered', labelNames: ['method', 'route', 'status'], registers }),
    httpDuration: new Histogram({
      name: 'pushgate_http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    scanRequests: new Counter({ name: 'pushgate_scan_requests_total', help: 'POST /v1/scan requests, by input kind and outcome (clean, findings)', labelNames: ['kind', 'outcome'], registers }),
    scanBytes: new Counter({ name: 'pushgate_scan_bytes_total', help: 'Bytes scanned by POST /v1/scan', labelNames: ['kind'], registers }),
    scanFindings: new Counter({ name: 'pushgate_scan_findings_total', help: 'Findings reported by POST /v1/scan, by severity', labelNames: ['severity'], registers }),
    blockEventsReceived: new Counter({
      name: 'pushgate_block_events_received_total',
      help: 'Block events received from hooks, by reason and outcome (stored, duplicate, rejected)',
      labelNames: ['reason', 'outcome'],
      registers,
    }),
  };
}
