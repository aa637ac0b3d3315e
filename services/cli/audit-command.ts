import { Command } from 'commander';
import { verifyAuditChain, type AuditVerification } from '../audit/audit-log.js';
import { withRedis, type ServiceCliIo } from './service-cli.js';

/** Exit statuses of `pushgate audit verify`. */
export const EXIT_AUDIT_INTACT = 0;
export const EXIT_AUDIT_BROKEN = 1;

/** `pushgate audit verify`: recomputes the audit hash chain in Redis and names the first broken entry. */
export function auditCommand(io: ServiceCliIo, setExitCode: (code: number) => void): Command {
  const audit = new Command('audit').description("check the pushgate service's audit log");
  audit
    .command('verify')
    .description('recompute the hash chain; exit 1 and name the first broken entry if it was altered')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      const result = await withRedis(io.env, (redis, config) => verifyAuditChain(redis, config.redisPrefix));
      io.stdout.write(options.json ? `${JSON.stringify(result)}\n` : `${describeVerification(result)}\n`);
      setExitCode(result.ok ? EXIT_AUDIT_INTACT : EXIT_AUDIT_BROKEN);
    });
  return audit;
}

export function describeVerification(result: AuditVerification): string {
  if (result.ok) return `audit log intact: ${result.entries} entr${result.entries === 1 ? 'y' : 'ies'}${result.head ? `, head ${result.head}` : ''}`;
  const b = result.broken;
  return `audit log BROKEN at entry ${b.id ?? '?'} (sequence ${b.seq ?? '?'}): ${b.reason}: ${b.message}; ${result.entries} entries before it verify`;
}
