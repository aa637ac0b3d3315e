import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../liveness/duration.js';
import { DEFAULT_TIME_BUDGET_MS } from '../../hooks/pre-receive.js';
import { loadConfig, parseSizeText } from './config.js';
import { KNOWN_PUSHGATE_VARIABLES, LIVENESS_DEFAULTS, LIVENESS_VARIABLES, SETTINGS, settingsFor } from './settings.js';

const ROOT = resolve(import.meta.dirname, '../..');
/** Where the code of pushgate's processes lives (bench/ and test/ are not pushgate processes). */
const SOURCE_DIRS = ['bin', 'cli', 'detectors', 'hooks', 'liveness', 'scanner', 'scripts', 'services'];
const VARIABLE = String.raw`PUSHGATE_[A-Z0-9_]+|REDIS_URL|GITHUB_[A-Z0-9_]+`;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(path);
    // Tests are not processes; a detector's examples are text it scans, not variables it reads.
    if (/\.test\.ts$/.test(e.name) || /examples\.ts$/.test(e.name)) return [];
    return /\.(ts|mjs|js|pl)$/.test(e.name) ? [path] : [];
  });
}

const files = SOURCE_DIRS.flatMap((d) => sourceFiles(join(ROOT, d))).map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));

/**
 * Error codes are string literals of the same shape (GITHUB_HTTP_STATUS):
 * the members of `type ...Code = 'A' | 'B'` unions are not variables.
 */
function errorCodes(): Set<string> {
  const codes = new Set<string>();
  for (const { text } of files) {
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    for (const m of code.matchAll(/\btype\s+\w*Code\s*=([^;]*);/g)) for (const c of m[1]!.matchAll(/'([A-Z0-9_]+)'/g)) codes.add(c[1]!);
  }
  return codes;
}

/** Names the sources read from the environment: quoted literals (`env['X']`, `get('X')`, lists of names), `env.X` and Perl's `$ENV{X}`. */
function variablesInSources(): Map<string, string[]> {
  const codes = errorCodes();
  const found = new Map<string, string[]>();
  const patterns = [new RegExp(`(['"])(${VARIABLE})\\1`, 'g'), new RegExp(`\\benv\\.()(${VARIABLE})\\b`, 'g'), new RegExp(`\\$ENV\\{()(${VARIABLE})\\}`, 'g')];
  for (const { path, text } of files) {
    if (path === 'services/config/settings.ts') continue;
    for (const pattern of patterns) {
      for (const m of text.matchAll(pattern)) {
        const name = m[2]!;
        if (codes.has(name)) continue;
        found.set(name, [...(found.get(name) ?? []), path]);
      }
    }
  }
  return found;
}

describe('settings schema', () => {
  it('lists every PUSHGATE_*, REDIS_URL and GITHUB_* variable the sources read', () => {
    const listed = new Set(SETTINGS.map((s) => s.name));
    const missing = [...variablesInSources()].filter(([name]) => !listed.has(name)).map(([name, where]) => `${name} (${[...new Set(where)].join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('lists nothing the sources do not read', () => {
    const read = variablesInSources();
    const everywhere = files.filter((f) => f.path !== 'services/config/settings.ts').map((f) => f.text).join('\n');
    // Names outside the scanned shapes (GL_USERNAME, GIT_SSH_COMMAND) must still appear in some source.
    const stale = SETTINGS.filter((s) => !read.has(s.name) && !new RegExp(`['"]${s.name}['"]`).test(everywhere)).map((s) => s.name);
    expect(stale).toEqual([]);
  });

  it('has one well-formed entry per name', () => {
    const names = SETTINGS.map((s) => s.name);
    expect(names.length).toBe(new Set(names).size);
    const problems: string[] = [];
    for (const s of SETTINGS) {
      if (!/^[A-Z][A-Z0-9_]*$/.test(s.name)) problems.push(`${s.name}: not an environment variable name`);
      if (s.description.trim() === '' || s.description.includes('\n')) problems.push(`${s.name}: the description must be one line`);
      if (s.default.trim() === '') problems.push(`${s.name}: default must be text ('required', 'unset' or the value)`);
      if (s.readBy.length === 0) problems.push(`${s.name}: read by no process`);
      if (s.setBy === 'git-host' && (s.secret || s.readBy.join() !== 'hook')) problems.push(`${s.name}: git-host variables are the hook's, not secret`);
    }
    expect(problems).toEqual([]);
  });

  it('derives the known PUSHGATE_* names and the liveness names from the schema', () => {
    expect([...KNOWN_PUSHGATE_VARIABLES].sort()).toEqual(SETTINGS.map((s) => s.name).filter((n) => n.startsWith('PUSHGATE_')).sort());
    expect(LIVENESS_VARIABLES).toContain('PUSHGATE_LIVENESS');
    expect(LIVENESS_VARIABLES).toContain('PUSHGATE_LIVENESS_WEBHOOK_SECRET');
    expect(LIVENESS_VARIABLES.every((n) => n.startsWith('PUSHGATE_LIVENESS'))).toBe(true);
    // Every known name is accepted by the service without the typo warning; another one is not.
    const env: NodeJS.ProcessEnv = { REDIS_URL: 'redis://127.0.0.1:6379', PUSHGATE_ENCRYPTION_KEY: 'a'.repeat(64), PUSHGATE_HOSTT: 'x' };
    for (const name of KNOWN_PUSHGATE_VARIABLES) if (!(name in env)) env[name] = undefined;
    expect(loadConfig(env).unknownVariables).toEqual(['PUSHGATE_HOSTT']);
  });

  it('states the defaults the parsers apply', () => {
    const get = (name: string): string => SETTINGS.find((s) => s.name === name)!.default;
    const env = { REDIS_URL: 'redis://127.0.0.1:6379', PUSHGATE_ENCRYPTION_KEY: 'a'.repeat(64) };
    const c = loadConfig(env);
    expect(get('PUSHGATE_HOST')).toBe(c.host);
    expect(Number(get('PUSHGATE_PORT'))).toBe(c.port);
    expect(get('PUSHGATE_REDIS_PREFIX')).toBe(c.redisPrefix);
    expect(get('GITHUB_API_URL')).toBe(c.github.apiUrl);
    expect(Number(get('PUSHGATE_WORKER_CONCURRENCY'))).toBe(c.workerConcurrency);
    expect(get('PUSHGATE_LOG_LEVEL')).toBe(c.logLevel);
    expect(parseSizeText(get('PUSHGATE_SCAN_BODY_LIMIT'))).toBe(c.scanBodyLimit);
    expect(Number(get('PUSHGATE_AUDIT_CHECKPOINT_EVERY'))).toBe(c.audit.checkpointEvery);
    expect(parseDuration(get('PUSHGATE_LIVENESS_TIMEOUT'))).toBe(c.liveness.timeoutMs);
    expect(parseDuration(get('PUSHGATE_LIVENESS_RECHECK_LIVE'))).toBe(c.liveness.recheckLiveMs);
    expect(parseDuration(get('PUSHGATE_LIVENESS_RECHECK_UNKNOWN'))).toBe(c.liveness.recheckUnknownMs);
    expect(parseDuration(get('PUSHGATE_LIVENESS_RECHECK_UNKNOWN_MAX'))).toBe(c.liveness.recheckUnknownMaxMs);
    expect(parseDuration(get('PUSHGATE_LIVENESS_CONFIRM_REVOKED'))).toBe(c.liveness.confirmRevokedMs);
    expect(parseDuration(get('PUSHGATE_LIVENESS_CACHE'))).toBe(c.liveness.cacheMs);
    expect(Number(get('PUSHGATE_LIVENESS_CONCURRENCY'))).toBe(LIVENESS_DEFAULTS.concurrency);
    expect(Number(get('PUSHGATE_HOOK_TIMEOUT_MS'))).toBe(DEFAULT_TIME_BUDGET_MS);
    // What loadConfig requires, the schema calls required.
    const required = SETTINGS.filter((s) => s.default === 'required').map((s) => s.name).sort();
    expect(required).toEqual(['PUSHGATE_ENCRYPTION_KEY', 'REDIS_URL']);
  });

  it('gives serve and worker their settings', () => {
    const serve = settingsFor('serve').map((s) => s.name);
    const worker = settingsFor('worker').map((s) => s.name);
    expect(serve).toEqual(expect.arrayContaining(['REDIS_URL', 'PUSHGATE_ENCRYPTION_KEY', 'PUSHGATE_PORT', 'GITHUB_WEBHOOK_SECRET', 'PUSHGATE_TRUST_PROXY']));
    expect(worker).toEqual(expect.arrayContaining(['REDIS_URL', 'PUSHGATE_ENCRYPTION_KEY', 'PUSHGATE_WORK_DIR', 'GITHUB_APP_ID', 'PUSHGATE_LIVENESS_CONCURRENCY']));
    expect(serve).not.toContain('PUSHGATE_SERVER');
    expect(worker).not.toContain('PUSHGATE_PORT');
  });
});
