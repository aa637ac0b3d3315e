import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HOSTILE_ALL, UNSAFE_FOR_TERMINAL } from '../test/fixtures/hostile-text.js';
import { PROTOCOL, startScanDaemon } from './scan-daemon.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'pushgate-daemon-log-'));
  dirs.push(d);
  return d;
}

function send(socket: string, fields: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const conn = connect(socket);
    let answer = '';
    conn.on('data', (c: Buffer) => (answer += c.toString('utf8')));
    conn.on('end', () => resolve(answer));
    conn.on('error', reject);
    conn.end(Buffer.from(fields.map((f) => `${f}\0`).join(''), 'utf8'));
  });
}

describe('scan daemon log', () => {
  it('escapes a crafted repository path in its log lines, and rejects the push it cannot read', async () => {
    const dir = tempDir();
    const state = tempDir();
    const entries: Array<Record<string, unknown>> = [];
    const daemon = await startScanDaemon({ socketPath: join(dir, 'hook.sock'), binPath: join(dir, 'missing-bin.js'), log: (e) => entries.push(e) });
    try {
      // No such repository: the scan cannot start, so the push is rejected (fail closed) and logged.
      const cwd = join(state, `repo${HOSTILE_ALL}.git`);
      const update = `${'0'.repeat(40)} ${'1'.repeat(40)} refs/heads/main\n`;
      const answer = await send(daemon.socketPath, [PROTOCOL, cwd, update, `PUSHGATE_STATE_DIR=${state}`]);
      expect(answer.startsWith('1\n')).toBe(true);
      expect(answer.slice(2).replace(/\n/g, '')).not.toMatch(UNSAFE_FOR_TERMINAL);
      const line = JSON.stringify(entries.find((e) => e['msg'] === 'push scanned'));
      expect(line).toContain('"decision":"rejected"');
      expect(line).toContain('\\\\x1b[2J');
      expect(line).toContain('\\\\u202e');
      expect(line).not.toMatch(UNSAFE_FOR_TERMINAL);
    } finally {
      await daemon.close();
    }
  });
});
