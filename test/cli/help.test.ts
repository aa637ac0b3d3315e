import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsFor, SETTINGS, type SettingReader } from '../../services/config/settings.js';
import { cleanEnv, ensureBuilt, runCli, type CliRun } from './built-cli.js';

/**
 * Every command and subcommand of the built CLI answers --help with status 0,
 * usage on stdout and nothing else: no Redis connection (REDIS_URL points at
 * a closed port), no config parsing (nothing else is set), no file written
 * (the work, state and audit paths stay absent). The commands are found by
 * reading the help itself, so a new one is covered without editing this file.
 * `serve --help` and `worker --help` list every setting the schema gives
 * them. Errors are one line with a code, the stack only with --debug.
 */
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'pushgate-help-'));
  mkdirSync(join(dir, 'cwd'));
  env = Object.assign(bareEnv(), {
    REDIS_URL: 'redis://127.0.0.1:1',
    PUSHGATE_WORK_DIR: join(dir, 'work'),
    PUSHGATE_STATE_DIR: join(dir, 'state'),
    PUSHGATE_AUDIT_FILE: join(dir, 'audit.jsonl'),
  });
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An environment with none of the service's settings (cleanEnv keeps REDIS_URL and GITHUB_* of the caller). */
function bareEnv(): NodeJS.ProcessEnv {
  const e = cleanEnv();
  for (const name of Object.keys(e)) if (name === 'REDIS_URL' || name.startsWith('GITHUB_')) delete e[name];
  return e;
}

const help = (args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<CliRun> => runCli([...args, '--help'], { cwd: join(dir, 'cwd'), env: { ...env, ...extraEnv } });

/** The names under "Commands:" in a help text (command lines start with two spaces, wrapped ones with more). */
function commandsIn(text: string): string[] {
  const section = text.split(/^Commands:\n/m)[1];
  if (section === undefined) return [];
  const names: string[] = [];
  for (const line of section.split('\n')) {
    if (line === '') break;
    const m = /^ {2}([a-z][a-z-]*)\b/.exec(line);
    if (m && m[1] !== 'help' && !names.includes(m[1]!)) names.push(m[1]!);
  }
  return names;
}

/** The regular expression matching a setting's line in the help: name, then `required` or `default: ...`, then `secret` when it is one. */
function settingLine(name: string): RegExp {
  const s = SETTINGS.find((x) => x.name === name)!;
  const esc = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const tags = [s.default === 'required' ? 'required' : `default: ${esc(s.default)}`, ...(s.secret ? ['secret'] : [])].join(', ');
  return new RegExp(`^ {2}${esc(name)} {2}${tags}$`, 'm');
}

describe('pushgate --help', () => {
  it('lists every command, and every command and subcommand answers --help without side effects', async () => {
    const top = await help([]);
    expect(top).toMatchObject({ code: 0, stderr: '' });
    expect(top.stdout).toContain('Usage: pushgate');
    const commands = commandsIn(top.stdout);
    expect([...commands].sort()).toEqual(['audit', 'hook', 'scan', 'serve', 'store', 'token', 'worker']);

    const failures: string[] = [];
    for (const command of commands) {
      const run = await help([command]);
      if (run.code !== 0 || run.stderr !== '' || !run.stdout.includes('Usage:')) failures.push(`${command}: status ${run.code}, stderr ${JSON.stringify(run.stderr)}`);
      for (const sub of commandsIn(run.stdout)) {
        const subRun = await help([command, sub]);
        if (subRun.code !== 0 || subRun.stderr !== '' || !subRun.stdout.includes('Usage:')) failures.push(`${command} ${sub}: status ${subRun.code}, stderr ${JSON.stringify(subRun.stderr)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['cwd']);
    expect(readdirSync(join(dir, 'cwd'))).toEqual([]);
  }, 120_000);

  it.each<SettingReader>(['serve', 'worker'])('%s --help lists every setting the schema gives it, secrets marked', async (reader) => {
    const run = await help([reader]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`Usage: pushgate ${reader}`);
    expect(run.stdout).toContain('Settings (environment variables):');
    const flat = run.stdout.replace(/\s+/g, ' ');
    const missing = settingsFor(reader).filter((s) => !settingLine(s.name).test(run.stdout) || !flat.includes(s.description));
    expect(missing.map((s) => s.name)).toEqual([]);
    const others = SETTINGS.filter((s) => !s.readBy.includes(reader) && settingLine(s.name).test(run.stdout));
    expect(others.map((s) => s.name)).toEqual([]);
  });

  it('serve --help and worker --help neither connect nor parse the config', async () => {
    for (const reader of ['serve', 'worker']) {
      const started = Date.now();
      // The closed port would make serve wait 15 s for Redis; a bad value would fail the config.
      const run = await help([reader], { PUSHGATE_PORT: 'not-a-port', PUSHGATE_ENCRYPTION_KEY: 'short' });
      expect(run.code).toBe(0);
      expect(Date.now() - started).toBeLessThan(5000);
    }
    expect(readdirSync(dir).sort()).toEqual(['cwd']);
  });

  it('`pushgate help serve` shows the same help as `pushgate serve --help`', async () => {
    const [a, b] = await Promise.all([runCli(['help', 'serve'], { env }), help(['serve'])]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('errors of the service commands', () => {
  const oneLine = /^pushgate: error: [^\n]+ \[[A-Z][A-Z0-9_]+\]\n$/;

  it.each(['serve', 'worker'])('%s without its settings: one line with CONFIG_INVALID naming every problem, the stack only with --debug', async (command) => {
    const run = await runCli([command], { env: bareEnv() });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(oneLine);
    expect(run.stderr).toContain('[CONFIG_INVALID]');
    expect(run.stderr).toContain('REDIS_URL: required');
    expect(run.stderr).toContain('PUSHGATE_ENCRYPTION_KEY: required');

    const debug = await runCli([command, '--debug'], { env: bareEnv() });
    expect(debug.code).toBe(2);
    expect(debug.stderr.split('\n')[0]).toBe(run.stderr.trimEnd());
    expect(debug.stderr).toMatch(/^ {4}at /m);
  });

  it('token, store and audit fail with one line and a code', async () => {
    const runs = await Promise.all([
      runCli(['token', 'list'], { env }),
      runCli(['store', 'reseal'], { env: bareEnv() }),
      runCli(['audit', 'verify', '--public-key', join(dir, 'missing.pem')], { env }),
    ]);
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2]);
    for (const r of runs) expect(r.stderr).toMatch(oneLine);
    expect(runs.map((r) => /\[([A-Z_]+)\]\n$/.exec(r.stderr)?.[1])).toEqual(['REDIS_UNAVAILABLE', 'CONFIG_INVALID', 'AUDIT_KEY_INVALID']);
  });

  it('a usage error of a subcommand exits 2, as one of a command does', async () => {
    const run = await runCli(['token', 'create'], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("required option '--role <role>' not specified");
  });
});
