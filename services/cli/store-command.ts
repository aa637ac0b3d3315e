import { Command } from 'commander';
import { checkForDetector } from '../../liveness/registry.js';
import { loadConfig } from '../config/config.js';
import { LivenessQueues } from '../liveness/liveness-queues.js';
import { recordFingerprintKey, serviceFingerprints } from '../store/fingerprint-binding.js';
import { FindingsStore } from '../store/findings-store.js';
import { cliActor, cliAuditLog, withRedis, type ServiceCliIo } from './service-cli.js';
import { addSettingsHelp, settingsHelp } from './settings-help.js';
import { SETTINGS } from '../config/settings.js';

/**
 * `pushgate store migrate-fingerprints` and `pushgate store reseal`: upkeep
 * of the findings store that needs the encryption keys (the service's own
 * environment), run by an operator, audited.
 */
export function storeCommand(io: ServiceCliIo, setExitCode: (code: number) => void): Command {
  const store = new Command('store').description("upkeep of the pushgate service's findings store (needs the service's environment)");
  store
    .command('migrate-fingerprints')
    .description('re-key every finding to the configured fingerprint key (after upgrading from unkeyed fingerprints, or to change the key); stop serve and workers first')
    .action(async () => {
      const r = await migrateFingerprints(io.env);
      io.stdout.write(
        `pushgate: ${r.moved} finding${r.moved === 1 ? '' : 's'} re-keyed, ${r.unchanged} already keyed; the store is keyed by fingerprint key ${r.keyId}\n` +
          (r.conflicts.length > 0
            ? `pushgate: ${r.conflicts.length} finding${r.conflicts.length === 1 ? '' : 's'} left under the old fingerprint because the new one is taken (the same secret stored twice): ${r.conflicts.join(', ')}\n`
            : ''),
      );
      setExitCode(r.conflicts.length > 0 ? 1 : 0);
    });
  store
    .command('reseal')
    .description('re-seal every stored secret under the current PUSHGATE_ENCRYPTION_KEY (after a rotation), so older keys can be dropped')
    .action(async () => {
      const r = await resealStore(io.env);
      io.stdout.write(`pushgate: ${r.resealed} of ${r.total} finding${r.total === 1 ? '' : 's'} re-sealed under key ${r.keyId}\n`);
      setExitCode(0);
    });
  // The service's environment: it parses the whole config (as serve does); these are the settings it uses.
  const used = SETTINGS.filter((s) => s.readBy.includes('cli') && s.readBy.includes('serve') && s.readBy.includes('worker'));
  return addSettingsHelp(store, settingsHelp(used, 'The whole service configuration is checked as `pushgate serve` checks it (`pushgate serve --help` lists it).'));
}

export interface MigrateFingerprintsResult {
  readonly keyId: string;
  readonly moved: number;
  readonly unchanged: number;
  readonly conflicts: readonly string[];
}

/**
 * Re-keys the store to the configured fingerprint key (services/store/
 * fingerprint-binding.ts), moves each moved finding's scheduled liveness
 * check to its new fingerprint, records the key, and audits each move (the
 * old fingerprint stays findable in the audit log) and the run.
 */
export async function migrateFingerprints(env: NodeJS.ProcessEnv, now: () => Date = () => new Date()): Promise<MigrateFingerprintsResult> {
  const config = loadConfig(env);
  const target = serviceFingerprints(config.fingerprintKey, config.keyRing).preferred;
  const keyId = target.keyId!;
  return withRedis(env, async (redis) => {
    const findings = new FindingsStore({ redis, prefix: config.redisPrefix, keyRing: config.keyRing });
    const queues = new LivenessQueues({ connection: redis, redisPrefix: config.redisPrefix });
    const { audit, close } = cliAuditLog(redis, config.redisPrefix, env);
    const actor = cliActor();
    try {
      const result = await findings.rekeyFingerprints(target);
      for (const { from, to } of result.moved) {
        await audit.append({ action: 'finding.fingerprint-changed', actor, target: { type: 'finding', id: to }, data: { from, keyId } });
        const summary = await findings.get(to, { locationLimit: 0 });
        const check = summary ? checkForDetector(summary.detector) : undefined;
        if (!check) continue;
        const job = await queues.queue(check.id).getJob(from);
        if (!job) continue; // never queued: the workers' first-check sweep queues it
        const delayMs = (await job.getState()) === 'delayed' ? Math.max(0, job.timestamp + (job.opts.delay ?? 0) - now().getTime()) : 0;
        await job.remove().catch(() => undefined);
        await queues.schedule(check.id, to, delayMs, job.data.trigger);
      }
      await recordFingerprintKey(redis, findings.keys, keyId, now());
      await audit.append({
        action: 'store.fingerprints-rekeyed',
        actor,
        data: { keyId, moved: result.moved.length, unchanged: result.unchanged, conflicts: result.conflicts.length },
      });
      return { keyId, moved: result.moved.length, unchanged: result.unchanged, conflicts: result.conflicts };
    } finally {
      await queues.close();
      await close();
    }
  });
}

export async function resealStore(env: NodeJS.ProcessEnv): Promise<{ resealed: number; total: number; keyId: string }> {
  const config = loadConfig(env);
  return withRedis(env, async (redis) => {
    const findings = new FindingsStore({ redis, prefix: config.redisPrefix, keyRing: config.keyRing });
    const { audit, close } = cliAuditLog(redis, config.redisPrefix, env);
    try {
      const r = await findings.resealSecrets();
      const keyId = config.keyRing.current.id;
      await audit.append({ action: 'store.secrets-resealed', actor: cliActor(), data: { keyId, resealed: r.resealed, total: r.total } });
      return { ...r, keyId };
    } finally {
      await close();
    }
  });
}
