import { Command } from 'commander';
import type { ServiceCliIo } from './service-cli.js';
import { processSettingsHelp } from './settings-help.js';

/**
 * `pushgate serve`: the API, configured by the environment; `--help` lists
 * the settings from the schema (services/config/settings.ts). The service
 * modules load only when it runs, so help starts fast and touches nothing.
 */
export function serveCommand(io: ServiceCliIo, setExitCode: (code: number) => void): Command {
  return new Command('serve')
    .description('run the pushgate service API (configured by environment variables)')
    .addHelpText('after', processSettingsHelp('serve'))
    .action(async () => {
      const { serve } = await import('../serve.js');
      await serve({ env: io.env });
      setExitCode(0);
    });
}
