import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyedFingerprinter } from '../../scanner/fingerprint.js';
import { GitRepo } from '../support/git-repo.js';
import { githubToken, push, serverRepo, startDaemonProcess } from './push-harness.js';

/**
 * Block events reach the service after the decision, never before it: the
 * hook spools them to disk and a detached sender delivers them; when the
 * service is down they wait in the spool and go with the next push.
 */
interface Received {
  readonly auth: string | undefined;
  readonly body: { id: string; reason: string; pusher: unknown; findings: Array<{ redacted: string }> };
  readonly raw: string;
}

let received: Received[] = [];
let service: Server;
let serviceUrl: string;
const cleanup: Array<() => void> = [];

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let s = '';
    req.on('data', (c: Buffer) => (s += c.toString('utf8')));
    req.on('end', () => resolve(s));
  });
}

beforeAll(async () => {
  service = createServer(async (req, res) => {
    const raw = await readBody(req);
    if (req.method === 'POST' && req.url === '/v1/events/push-blocked') {
      received.push({ auth: req.headers.authorization, body: JSON.parse(raw) as Received['body'], raw });
      res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => service.listen(0, '127.0.0.1', r));
  serviceUrl = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
});
afterAll(async () => {
  cleanup.forEach((c) => c());
  await new Promise((r) => service.close(r));
});

async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Server-side settings go into the hook script, as an administrator would set them. */
function configureHook(repoPath: string, vars: Record<string, string>): void {
  const hook = join(repoPath, 'hooks', 'pre-receive');
  const exports = Object.entries(vars).map(([k, v]) => `export ${k}='${v}'`).join('\n');
  writeFileSync(hook, readFileSync(hook, 'utf8').replace('input=$(cat)', `${exports}\ninput=$(cat)`));
}

/**
 * A server whose hook reports to the test service (as `pusher`), through the scan daemon at `socket` when given;
 * pushes a secret, expects the rejection, and waits for the one event to arrive.
 */
async function pushSecretToReportingServer(pusher: string, socket?: string, hookVars: Record<string, string> = {}) {
  const srv = await serverRepo('server.git', socket ? { socket } : {});
  cleanup.push(() => rmSync(srv.root, { recursive: true, force: true }));
  configureHook(srv.repo.path, { PUSHGATE_SERVER: serviceUrl, PUSHGATE_TOKEN: 'ingest-token-for-tests', REMOTE_USER: pusher, ...hookVars });
  const c = GitRepo.create();
  cleanup.push(() => c.dispose());
  const token = githubToken();
  const bad = c.commit({ files: { 'ci.yml': `token: ${token}\n` }, message: 'ci' });
  received = [];
  const r = await push(c, join(srv.root, srv.name), [`${bad}:refs/heads/main`]);
  expect(r.code).not.toBe(0);
  await until(() => received.length === 1);
  return { srv, token };
}

describe('block events', () => {
  it('sends each rejected push to the service with the ingest token, redacted', async () => {
    const { srv, token } = await pushSecretToReportingServer('carol');
    const [event] = received;
    expect(event!.auth).toBe('Bearer ingest-token-for-tests');
    expect(event!.body.reason).toBe('secrets');
    expect(event!.body.pusher).toEqual({ name: 'carol', source: 'REMOTE_USER' });
    expect(event!.body.findings[0]!.redacted).toBe(`${token.slice(0, 8)}***`);
    expect(event!.raw).not.toContain(token);
    await until(() => readdirSync(join(srv.repo.path, 'pushgate', 'spool')).filter((n) => n.endsWith('.json')).length === 0);
  });

  it("names findings by the service's keyed fingerprints when the hook has PUSHGATE_FINGERPRINT_KEY, in process and through the daemon", async () => {
    const key = randomBytes(32);
    const expected = (token: string) => keyedFingerprinter(key).of('github-token', token);
    const inProcess = await pushSecretToReportingServer('dave', undefined, { PUSHGATE_FINGERPRINT_KEY: key.toString('hex') });
    expect((received[0]!.body.findings[0] as { fingerprint?: string }).fingerprint).toBe(expected(inProcess.token));

    const socket = join(mkdtempSync(join(tmpdir(), 'pushgate-daemon-fp-')), 'run', 'hook.sock');
    cleanup.push(() => rmSync(join(socket, '..', '..'), { recursive: true, force: true }));
    const daemon = await startDaemonProcess(socket);
    try {
      const viaDaemon = await pushSecretToReportingServer('erin', socket, { PUSHGATE_FINGERPRINT_KEY: key.toString('hex') });
      expect(daemon.log()).toContain('"rejected"');
      expect((received[0]!.body.findings[0] as { fingerprint?: string }).fingerprint).toBe(expected(viaDaemon.token));
    } finally {
      await daemon.stop();
    }
  });

  it('sends them the same way when the scan daemon decides, with the hook\'s settings, not the daemon\'s', async () => {
    const socket = join(mkdtempSync(join(tmpdir(), 'pushgate-daemon-events-')), 'run', 'hook.sock');
    cleanup.push(() => rmSync(join(socket, '..', '..'), { recursive: true, force: true }));
    // The daemon's own environment has no PUSHGATE_SERVER or token: they come from the hook, as in process.
    const daemon = await startDaemonProcess(socket);
    try {
      const { token } = await pushSecretToReportingServer('dave', socket);
      expect(received[0]!.auth).toBe('Bearer ingest-token-for-tests');
      expect(received[0]!.body.pusher).toEqual({ name: 'dave', source: 'REMOTE_USER' });
      expect(received[0]!.raw).not.toContain(token);
      expect(daemon.log()).toContain('"rejected"');
    } finally {
      await daemon.stop();
    }
  });

  it('spools events while the service is unreachable and delivers them with the next push', async () => {
    const srv = await serverRepo();
    cleanup.push(() => rmSync(srv.root, { recursive: true, force: true }));
    const downPort = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    configureHook(srv.repo.path, { PUSHGATE_SERVER: `http://127.0.0.1:${downPort}` });
    const c = GitRepo.create();
    cleanup.push(() => c.dispose());
    const started = Date.now();
    const bad = c.commit({ files: { 'a.env': `T=${githubToken()}\n` }, message: 'a' });
    const r1 = await push(c, join(srv.root, srv.name), [`${bad}:refs/heads/main`]);
    expect(r1.code).not.toBe(0);
    expect(Date.now() - started).toBeLessThan(30_000);
    const spool = join(srv.repo.path, 'pushgate', 'spool');
    // The detached sender fails to connect and leaves the event where it is.
    await new Promise((r) => setTimeout(r, 1500));
    expect(readdirSync(spool).filter((n) => n.endsWith('.json'))).toHaveLength(1);

    // The service comes back (same address the hook now points at).
    configureHook(srv.repo.path, { PUSHGATE_SERVER: serviceUrl });
    received = [];
    const clean = c.commit({ files: { 'b.txt': 'fine\n' }, message: 'b', branch: 'other', parents: [] });
    const r2 = await push(c, join(srv.root, srv.name), [`${clean}:refs/heads/other`]);
    expect(r2.code).toBe(0);
    await until(() => received.length === 1);
    expect(received[0]!.body.reason).toBe('secrets');
    await until(() => readdirSync(spool).filter((n) => n.endsWith('.json')).length === 0);
    expect(existsSync(join(srv.repo.path, 'pushgate', 'events.jsonl'))).toBe(true);
  });
});
