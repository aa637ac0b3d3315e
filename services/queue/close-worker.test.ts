import type { Worker } from 'bullmq';
import type { Logger } from 'pino';
import { describe, expect, it } from 'vitest';
import { closeWorker, InflightJobs } from './close-worker.js';

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
    // The timeout, then at most 2 s for close() to finish once its connections were closed by force.
    expect(Date.now() - started).toBeLessThan(3000);
    expect(warnings).toEqual([[{ queue: 'history-scan', timeoutMs: 50 }, expect.stringContaining('did not close in time')]]);
  });

  it('counts running jobs and keeps the processor\'s arity (BullMQ hands the abort signal only to processors of three parameters)', async () => {
    const inflight = new InflightJobs();
    let finish!: () => void;
    const processor = inflight.wrap(async (_job: unknown, _token?: string, signal?: AbortSignal) => {
      await new Promise<void>((r) => (finish = r));
      return signal?.aborted ?? false;
    });
    expect(processor.length).toBe(3);
    const running = processor({}, 'token', AbortSignal.abort());
    expect(inflight.running).toBe(1);
    let idle = false;
    const waiting = inflight.idle(10_000).then(() => (idle = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(idle).toBe(false);
    finish();
    expect(await running).toBe(true);
    await waiting;
    expect(inflight.running).toBe(0);
    const started = Date.now();
    await inflight.idle(10_000);
    expect(Date.now() - started).toBeLessThan(50);
  });
});
