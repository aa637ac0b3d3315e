import { appendFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Encoding, Finding, Location, LocationKind } from '../scanner/types.js';
import type { RefUpdate } from './ref-updates.js';

/**
 * The record of one rejected push. Findings are redacted (fingerprints and
 * redacted values only): the event leaves the server and must carry nothing
 * that could be used as a credential.
 */
export interface BlockEvent {
  readonly id: string;
  readonly time: string;
  readonly hook: 'pre-receive';
  readonly repository: string;
  readonly pusher: { readonly name: string; readonly source: string } | null;
  readonly refs: ReadonlyArray<{ readonly ref: string; readonly oldOid: string; readonly newOid: string }>;
  /** `secrets`: findings were found. `scan-incomplete`: the scan could not finish (fail closed). */
  readonly reason: 'secrets' | 'scan-incomplete';
  readonly detail?: string;
  readonly findings: ReadonlyArray<{
    readonly detector: string;
    readonly title: string;
    readonly provider: string;
    readonly severity: string;
    readonly fingerprint: string;
    readonly redacted: string;
    readonly locations: ReadonlyArray<BlockEventLocation>;
  }>;
}

/**
 * Where a blocked secret was. `path` is present for files and paths only;
 * events from hooks before location kinds have no `kind` and mean a file.
 * Pusher-chosen strings (path, ref, tag name) arrive with every secret in
 * them masked by the scanner.
 */
export interface BlockEventLocation {
  readonly kind?: LocationKind;
  readonly commit?: string;
  readonly tag?: string;
  readonly tagName?: string;
  readonly ref?: string;
  readonly path?: string;
  readonly line: number;
  readonly encoding?: Encoding;
}

/** node:crypto, loaded on first use: only a rejected push builds an event, and loading it costs milliseconds at start-up. */
let nodeCrypto: typeof import('node:crypto') | undefined;

/** Hosting platforms name the pusher in different variables; the first one set wins. */
const PUSHER_VARIABLES = ['GITHUB_USER_LOGIN', 'GL_USERNAME', 'GITEA_PUSHER_NAME', 'REMOTE_USER', 'USER'] as const;
const REPOSITORY_VARIABLES = ['GITHUB_REPO_NAME', 'GL_PROJECT_PATH'] as const;

export function pusherFromEnv(env: NodeJS.ProcessEnv): BlockEvent['pusher'] {
  for (const name of PUSHER_VARIABLES) {
    const value = env[name];
    if (value) return { name: value, source: name };
  }
  return null;
}

export function repositoryFromEnv(env: NodeJS.ProcessEnv, gitDir: string): string {
  for (const name of REPOSITORY_VARIABLES) {
    const value = env[name];
    if (value) return value;
  }
  if (env['GITEA_REPO_USER_NAME'] && env['GITEA_REPO_NAME']) return `${env['GITEA_REPO_USER_NAME']}/${env['GITEA_REPO_NAME']}`;
  return resolve(gitDir);
}

export function buildBlockEvent(input: {
  env: NodeJS.ProcessEnv;
  gitDir: string;
  updates: readonly RefUpdate[];
  findings: readonly Finding[];
  reason: BlockEvent['reason'];
  detail?: string;
  now: Date;
}): BlockEvent {
  nodeCrypto ??= process.getBuiltinModule('node:crypto');
  return {
    id: nodeCrypto.randomUUID(),
    time: input.now.toISOString(),
    hook: 'pre-receive',
    repository: repositoryFromEnv(input.env, input.gitDir),
    pusher: pusherFromEnv(input.env),
    refs: input.updates.map((u) => ({ ref: u.ref, oldOid: u.oldOid, newOid: u.newOid })),
    reason: input.reason,
    ...(input.detail ? { detail: input.detail } : {}),
    findings: input.findings.map((f) => ({
      detector: f.detector,
      title: f.title,
      provider: f.provider,
      severity: f.severity,
      fingerprint: f.fingerprint,
      redacted: f.redacted,
      locations: f.locations.map(blockEventLocation),
    })),
  };
}

function blockEventLocation(l: Location): BlockEventLocation {
  return {
    kind: l.kind,
    ...(l.commit ? { commit: l.commit } : {}),
    ...(l.tag ? { tag: l.tag } : {}),
    ...(l.tagName ? { tagName: l.tagName } : {}),
    ...(l.ref ? { ref: l.ref } : {}),
    ...(l.path !== undefined ? { path: l.path } : {}),
    line: l.line,
    ...(l.encoding ? { encoding: l.encoding } : {}),
  };
}

/** Where the hook keeps its local log and its spool of undelivered events. */
export function stateDir(env: NodeJS.ProcessEnv, gitDir: string): string {
  return env['PUSHGATE_STATE_DIR'] || join(gitDir, 'pushgate');
}

/**
 * Appends the event to the local JSON-lines log and, when a server is
 * configured, to the spool that the detached sender drains. Both are plain
 * files: the push decision never waits on the network.
 */
export function recordBlockEvent(dir: string, event: BlockEvent, spool: boolean): void {
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, 'events.jsonl'), `${JSON.stringify(event)}\n`, { mode: 0o600 });
  if (spool) {
    const spoolDir = join(dir, 'spool');
    mkdirSync(spoolDir, { recursive: true });
    const name = `${event.time.replace(/[:.]/g, '-')}-${event.id}.json`;
    const tmp = join(spoolDir, `.${name}.tmp`);
    writeFileSync(tmp, JSON.stringify(event), { mode: 0o600 });
    renameSync(tmp, join(spoolDir, name));
  }
}
