import type { Worker } from 'bullmq';
import type { Logger } from 'pino';
import { describe, expect, it } from 'vitest';
import { closeWorker } from './close-worker.js';

/** Only what closeWorker touches: a name and close(). */
function fakeWorker(close: () => Promise<void>): Worker {
  return { name: 'history-scan', close } as unknown as Worker;
}

function recordingLogger(): { logger: Logger; warnings: unknown[] } {
  const warnings: unknown[] = [];
  return { logger: { warn: (obj: unknown, msg: string) => warnings.push([obj, msg]) } as unknown as Logger, warnings };
}

describe('closeWorker', () => {
  it('resolves true when the worker closes in time, without a warning', async () => {
    const { logger, warnings } = recordingLogger();
    await expect(closeWorker(fakeWorker(() => new Promise((r) => setTimeout(r, 10))), logger, 1000)).resolves.toBe(true);
    expect(warnings).toEqual([]);
  });

  it('gives up on a worker whose close never ends (BullMQ after a Redis restart) and says so', async () => {
    const { logger, warnings } = recordingLogger();
    const started = Date.now();
    await expect(closeWorker(fakeWorker(() => new Promise(() => {})), logger, 50)).resolves.toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(warnings).toEqual([[{ queue: 'history-scan', timeoutMs: 50 }, expect.stringContaining('did not close in time')]]);
  });
});
