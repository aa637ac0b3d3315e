import { Counter, type Registry } from 'prom-client';

/**
 * `pushgate_webhook_deliveries_total{event, outcome}`: every request to
 * POST /webhooks/github, by GitHub event and what became of it; and
 * `pushgate_webhook_scans_queued_total{queue}`. The event label only takes
 * GitHub's event names (anything else counts as `other`), so forged requests
 * cannot grow the label set.
 */
export type DeliveryOutcome =
  | 'accepted'
  | 'ignored'
  | 'duplicate'
  | 'unsigned'
  | 'forged'
  | 'malformed'
  | 'unsupported-media-type'
  | 'headers-missing'
  | 'too-large'
  | 'enqueue-failed';

export interface WebhookMetrics {
  readonly deliveries: Counter<'event' | 'outcome'>;
  readonly scansQueued: Counter<'queue'>;
}

/** Safe to call again with the same registry (a second API instance in one process reuses the metrics). */
export function webhookMetrics(registry: Registry): WebhookMetrics {
  const existing = registry.getSingleMetric('pushgate_webhook_deliveries_total') as Counter<'event' | 'outcome'> | undefined;
  const deliveries =
    existing ??
    new Counter({
      name: 'pushgate_webhook_deliveries_total',
      help: 'GitHub webhook deliveries received, by event and outcome (accepted, ignored, duplicate, unsigned, forged, malformed, ...)',
      labelNames: ['event', 'outcome'],
      registers: [registry],
    });
  const scansQueued =
    (registry.getSingleMetric('pushgate_webhook_scans_queued_total') as Counter<'queue'> | undefined) ??
    new Counter({ name: 'pushgate_webhook_scans_queued_total', help: 'Scan jobs queued by GitHub webhook deliveries, by queue', labelNames: ['queue'], registers: [registry] });
  return { deliveries, scansQueued };
}
