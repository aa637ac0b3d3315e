import { Command } from 'commander';
import { serve } from '../serve.js';
import type { ServiceCliIo } from './service-cli.js';

/** `pushgate serve`: the API, configured by the environment (README, "Service configuration"). */
export function serveCommand(io: ServiceCliIo, setExitCode: (code: number) => void): Command {
  return new Command('serve').description('run the pushgate service API (configured by environment variables)').action(async () => {
    await serve({ env: io.env });
    setExitCode(0);
  });
}
