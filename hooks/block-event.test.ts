import { describe, expect, it } from 'vitest';
import { detector as ghp } from '../detectors/github-pat-classic/detector.js';
import { makeCrc32Token } from '../detectors/builders/crc32-token-examples.js';
import { reportOf } from '../test/fixtures/reports.js';
import { TokenFactory } from '../test/support/token-factory.js';
import { buildBlockEvent } from './block-event.js';

describe('buildBlockEvent', () => {
  it('gives each location its kind, and its commit, tag, ref, path and encoding when known', () => {
    const token = makeCrc32Token(new TokenFactory('block-event'), 'ghp_');
    const commit = '3f2a1b4c5d6e7f8091a2b3c4d5e6f708192a3b4c';
    const tag = '9ab0123456789abcdef0123456789abcdef01234';
    const { findings } = reportOf([
      {
        detector: ghp,
        secret: token,
        at: [
          { path: 'k8s/secret.yml', line: 4, column: 9, commit, author: 'Ada', email: 'ada@example.com', encoding: 'base64' },
          { kind: 'path', path: 'keys/ghp_ab***', line: 1, column: 6, commit },
          { kind: 'commit-message', line: 2, column: 1, commit },
          { kind: 'tag-message', line: 3, column: 1, tag, tagName: 'v1.0', ref: 'refs/tags/v1.0' },
          { kind: 'ref-name', line: 1, column: 12, ref: 'refs/heads/ghp_ab***' },
        ],
      },
    ]);
    const event = buildBlockEvent({
      env: {},
      gitDir: '/srv/git/repo.git',
      updates: [{ ref: 'refs/heads/main', oldOid: '0'.repeat(40), newOid: commit, kind: 'create' }],
      findings,
      reason: 'secrets',
      now: new Date('2025-01-01T00:00:00Z'),
    });
    expect(event.findings[0]!.locations).toEqual([
      { kind: 'blob', commit, path: 'k8s/secret.yml', line: 4, encoding: 'base64' },
      { kind: 'path', commit, path: 'keys/ghp_ab***', line: 1 },
      { kind: 'commit-message', commit, line: 2 },
      { kind: 'tag-message', tag, tagName: 'v1.0', ref: 'refs/tags/v1.0', line: 3 },
      { kind: 'ref-name', ref: 'refs/heads/ghp_ab***', line: 1 },
    ]);
    // Authors and e-mails stay on the server: an event names places, not people.
    expect(JSON.stringify(event)).not.toContain('ada@example.com');
    expect(JSON.stringify(event)).not.toContain(token);
  });
});
