import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { compareWithFile, readAuditFiles, type FileVerification, type ParsedAuditFile } from '../audit/audit-file.js';
import { readAuditHashes, verifyAuditChain, type AuditVerification } from '../audit/audit-log.js';
import { ServiceCliError, withRedis, type ServiceCliIo } from './service-cli.js';
import { addSettingsHelp, pickSettings, settingsHelp } from './settings-help.js';

/** Exit statuses of `pushgate audit verify`. */
export const EXIT_AUDIT_INTACT = 0;
export const EXIT_AUDIT_BROKEN = 1;

/**
 * `pushgate audit verify`: recomputes the audit hash chain in Redis and names
 * the first broken entry; with an audit file (--file, else
 * PUSHGATE_AUDIT_FILE) also compares Redis with the file and its latest
 * signed checkpoint, which is what catches a log shortened from its end,
 * recomputed or wiped by someone who controls Redis.
 */
export function auditCommand(io: ServiceCliIo, setExitCode: (code: number) => void): Command {
  const audit = new Command('audit').description("check the pushgate service's audit log");
  audit
    .command('verify')
    .description('recompute the hash chain and compare it with the audit file; exit 1 naming what was altered or removed')
    .option('--file <paths...>', 'the audit files to compare with, one per process that writes one (default PUSHGATE_AUDIT_FILE, comma-separated)')
    .option('--public-key <path>', 'PEM public key that verifies the checkpoints (default: derived from PUSHGATE_AUDIT_SIGNING_KEY)')
    .option('--json', 'print the result as JSON')
    .action(async (options: { file?: string[]; publicKey?: string; json?: boolean }) => {
      const files = options.file ?? (io.env['PUSHGATE_AUDIT_FILE'] ?? '').split(',').map((f) => f.trim()).filter((f) => f !== '');
      const publicKey = loadPublicKey(options.publicKey, io.env['PUSHGATE_AUDIT_SIGNING_KEY']);
      let parsed: ParsedAuditFile | undefined;
      if (files.length > 0) {
        parsed = await readAuditFiles(files).catch((err: unknown) => {
          throw new ServiceCliError('AUDIT_FILE_UNREADABLE', `cannot read the audit file (${(err as NodeJS.ErrnoException).path ?? files.join(', ')})`);
        });
      }
      const { chain, against } = await withRedis(io.env, async (redis, config) => {
        const chain = await verifyAuditChain(redis, config.redisPrefix);
        const against = parsed ? compareWithFile(await readAuditHashes(redis, config.redisPrefix), parsed, publicKey) : undefined;
        return { chain, against };
      });
      const ok = chain.ok && (against?.ok ?? true);
      io.stdout.write(options.json ? `${JSON.stringify({ ok, chain, file: against ?? null })}\n` : `${describeVerification(chain)}${against ? `\n${describeFileVerification(against, publicKey !== undefined)}` : ''}\n`);
      setExitCode(ok ? EXIT_AUDIT_INTACT : EXIT_AUDIT_BROKEN);
    });
  return addSettingsHelp(audit, settingsHelp(pickSettings(['REDIS_URL', 'PUSHGATE_REDIS_PREFIX', 'PUSHGATE_AUDIT_FILE', 'PUSHGATE_AUDIT_SIGNING_KEY'])));
}

function loadPublicKey(path: string | undefined, signingKey: string | undefined): KeyObject | undefined {
  try {
    if (path) return createPublicKey(readFileSync(path, 'utf8'));
    const text = signingKey?.trim();
    if (!text) return undefined;
    return createPublicKey(text.includes('-----BEGIN') ? text.replace(/\\n/g, '\n') : readFileSync(text, 'utf8'));
  } catch {
    throw new ServiceCliError('AUDIT_KEY_INVALID', 'the public key (--public-key or PUSHGATE_AUDIT_SIGNING_KEY) is not a readable PEM key');
  }
}

export function describeVerification(result: AuditVerification): string {
  if (result.ok) return `audit log intact: ${result.entries} entr${result.entries === 1 ? 'y' : 'ies'}${result.head ? `, head ${result.head}` : ''}`;
  const b = result.broken;
  return `audit log BROKEN at entry ${b.id ?? '?'} (sequence ${b.seq ?? '?'}): ${b.reason}: ${b.message}; ${result.entries} entries before it verify`;
}

export function describeFileVerification(result: FileVerification, keyed: boolean): string {
  const checkpoint = result.checkpoint ? `, signed checkpoint at ${result.checkpoint.seq} verified` : keyed ? '' : ' (no public key: checkpoints not checked)';
  if (result.ok) return `audit file agrees with Redis: ${result.fileEntries} entries${checkpoint}`;
  return `audit file DISAGREES with Redis:\n${result.problems.map((p) => `  - ${p}`).join('\n')}`;
}
