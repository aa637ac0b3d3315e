import { Gauge, type Registry } from 'prom-client';
import type { ScanQueues } from './scan-queues.js';

/**
 * `pushgate_queue_jobs{queue, state}`: jobs per state in each scan queue,
 * read from Redis when /metrics is scraped. Call once per registry.
 */
export function registerQueueMetrics(registry: Registry, queues: ScanQueues): Gauge<'queue' | 'state'> {
  return new Gauge({
    name: 'pushgate_queue_jobs',
    help: 'Scan jobs per queue and state (waiting, active, delayed, failed = dead letters, prioritized, waiting-children)',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      const depths = await queues.depths();
      for (const [queue, counts] of Object.entries(depths)) {
        for (const [state, n] of Object.entries(counts)) this.set({ queue, state }, n);
      }
    },
  });
}
