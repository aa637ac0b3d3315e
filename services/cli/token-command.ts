import { Command, Option } from 'commander';
import { AuditLog } from '../audit/audit-log.js';
import { ROLES, type Role } from '../auth/roles.js';
import { TokenStore, type TokenInfo } from '../auth/token-store.js';
import { cliActor, cliAuditLog, withRedis, type ServiceCliIo } from './service-cli.js';
import { addSettingsHelp, pickSettings, settingsHelp } from './settings-help.js';

/**
 * `pushgate token create --role ROLE [--label TEXT]`, `pushgate token list`,
 * `pushgate token revoke ID`. Talks to Redis directly (REDIS_URL,
 * PUSHGATE_REDIS_PREFIX), so it works before any admin token exists.
 * `create` prints the token alone on stdout (for `$(...)`), details on stderr.
 */
export function tokenCommand(io: ServiceCliIo, setExitCode: (code: number) => void): Command {
  const token = new Command('token').description('mint, list and revoke API tokens of the pushgate service');
  token
    .command('create')
    .description('mint a token and print it once')
    .addOption(new Option('--role <role>', 'what the token may do').choices([...ROLES]).makeOptionMandatory())
    .option('--label <text>', 'a note saying who or what uses it')
    .action(async (options: { role: Role; label?: string }) => {
      const { token: value, info } = await createToken(io.env, options.role, options.label);
      io.stdout.write(`${value}\n`);
      io.stderr.write(`created token ${info.id} (role ${info.role}${info.label ? `, ${info.label}` : ''}); it is shown only now\n`);
      setExitCode(0);
    });
  token
    .command('list')
    .description('list tokens (ids, roles, labels; never the tokens)')
    .action(async () => {
      const tokens = await listTokens(io.env);
      for (const t of tokens) io.stdout.write(`${t.id}\t${t.role}\t${t.createdAt}\t${t.createdBy}\t${t.label}\n`);
      setExitCode(0);
    });
  token
    .command('revoke')
    .description('revoke a token by id; it stops working at once')
    .argument('<id>', 'token id (from `pushgate token list`)')
    .action(async (id: string) => {
      const info = await revokeToken(io.env, id);
      io.stderr.write(`revoked token ${info.id} (role ${info.role})\n`);
      setExitCode(0);
    });
  return addSettingsHelp(token, settingsHelp(pickSettings(['REDIS_URL', 'PUSHGATE_REDIS_PREFIX', 'PUSHGATE_AUDIT_FILE', 'PUSHGATE_AUDIT_SIGNING_KEY', 'PUSHGATE_AUDIT_CHECKPOINT_EVERY'])));
}

/** Mints a token as the CLI user (audited as `token.create` with actor cli:<user>). The returned string is the token. */
export async function createToken(env: NodeJS.ProcessEnv, role: string, label?: string): Promise<{ token: string; info: TokenInfo }> {
  return withRedis(env, async (redis, config) => {
    const { audit, close } = cliAuditLog(redis, config.redisPrefix, env);
    try {
      const store = new TokenStore({ redis, prefix: config.redisPrefix, audit });
      const { token, info } = await store.mint({ role, ...(label !== undefined ? { label } : {}), actor: cliActor() });
      return { token: token.reveal(), info };
    } finally {
      await close();
    }
  });
}

export async function listTokens(env: NodeJS.ProcessEnv): Promise<TokenInfo[]> {
  return withRedis(env, (redis, config) => new TokenStore({ redis, prefix: config.redisPrefix, audit: new AuditLog({ redis, prefix: config.redisPrefix }) }).list());
}

export async function revokeToken(env: NodeJS.ProcessEnv, id: string): Promise<TokenInfo> {
  return withRedis(env, async (redis, config) => {
    const { audit, close } = cliAuditLog(redis, config.redisPrefix, env);
    try {
      return await new TokenStore({ redis, prefix: config.redisPrefix, audit }).revoke(id, cliActor());
    } finally {
      await close();
    }
  });
}
