import { Command } from 'commander';
import type { ServiceCliIo } from './service-cli.js';
import { processSettingsHelp } from './settings-help.js';

/**
 * `pushgate worker`: the BullMQ scan workers, configured by the environment;
 * `--help` lists the settings from the schema (services/config/settings.ts).
 * With GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY set, push scans are reported
 * to GitHub as commit statuses and https repositories there are cloned with
 * installation tokens. The worker modules load only when it runs.
 */
export function workerCommand(io: ServiceCliIo, setExitCode: (code: number) => void): Command {
  return new Command('worker')
    .description('run pushgate scan workers (history and push scans from Redis; configured by environment variables)')
    .addHelpText('after', processSettingsHelp('worker'))
    .action(async () => {
      const [{ runWorker }, { githubWorkerOptions }] = await Promise.all([import('../worker.js'), import('../github/github-app.js')]);
      await runWorker({ env: io.env, ...githubWorkerOptions });
      setExitCode(0);
    });
}
