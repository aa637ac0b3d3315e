import { Command } from 'commander';
import { runWorker } from '../worker.js';
import type { ServiceCliIo } from './service-cli.js';

/** `pushgate worker`: the BullMQ scan workers, configured by the environment (README, "Service configuration"). */
export function workerCommand(io: ServiceCliIo, setExitCode: (code: number) => void): Command {
  return new Command('worker').description('run pushgate scan workers (history and push scans from Redis; configured by environment variables)').action(async () => {
    await runWorker({ env: io.env });
    setExitCode(0);
  });
}
