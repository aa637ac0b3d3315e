import { Command } from 'commander';
import { githubWorkerOptions } from '../github/github-app.js';
import { runWorker } from '../worker.js';
import type { ServiceCliIo } from './service-cli.js';

/**
 * `pushgate worker`: the BullMQ scan workers, configured by the environment
 * (README, "Service configuration"). With GITHUB_APP_ID and
 * GITHUB_APP_PRIVATE_KEY set, push scans are reported to GitHub as commit
 * statuses and https repositories there are cloned with installation tokens.
 */
export function workerCommand(io: ServiceCliIo, setExitCode: (code: number) => void): Command {
  return new Command('worker').description('run pushgate scan workers (history and push scans from Redis; configured by environment variables)').action(async () => {
    await runWorker({ env: io.env, ...githubWorkerOptions });
    setExitCode(0);
  });
}
