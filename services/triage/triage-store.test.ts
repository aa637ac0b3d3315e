import { describe, expect, it } from 'vitest';
import { findingsIn, githubTokens, testEngine } from '../../test/support/findings.js';
import { useTestRedis } from '../../test/support/redis.js';
import { AuditLog } from '../audit/audit-log.js';
import { KeyRing } from '../crypto/secret-box.js';
import { FindingsStore } from '../store/findings-store.js';
import { TriageStore } from './triage-store.js';

const redis = useTestRedis();
const actor = { kind: 'token', id: 'tok_triage', role: 'triage' } as const;

async function setup(): Promise<{ triage: TriageStore; findings: FindingsStore; audit: AuditLog; fp: string; secret: string }> {
  const c = redis.client();
  const prefix = redis.prefix();
  const audit = new AuditLog({ redis: c, prefix });
  const findings = new FindingsStore({ redis: c, prefix, keyRing: new KeyRing([Buffer.alloc(32, 7)]) });
  const [secret] = githubTokens('triage-store', 1) as [string];
  await findings.addFindings('acme/widgets', findingsIn(`TOKEN=${secret}`, { path: 'a.env', commit: 'c'.repeat(40) }));
  const fp = (await findings.list()).findings[0]!.fingerprint;
  return { triage: new TriageStore({ redis: c, prefix, findings, audit, engine: testEngine() }), findings, audit, fp, secret };
}

describe('triage store', () => {
  it('assigns, comments and marks revocation requested, auditing each against the finding, without touching its status', async () => {
    const { triage, findings, audit, fp } = await setup();
    expect(await triage.get(fp)).toEqual({ fingerprint: fp, assignee: null, revocationRequested: null, commentCount: 0, comments: [] });

    const assigned = await triage.assign(fp, '  ada  ', actor, { requestId: 'r1' });
    expect(assigned.assignee).toMatchObject({ name: 'ada', by: 'token:tok_triage' });
    const comment = await triage.comment(fp, 'asked the owner\nto rotate', actor);
    expect(comment).toMatchObject({ id: expect.stringMatching(/^c_[0-9a-f]{12}$/), by: 'token:tok_triage', text: 'asked the owner\nto rotate' });
    const requested = await triage.requestRevocation(fp, 'mailed ops', actor);
    expect(requested.revocationRequested).toMatchObject({ note: 'mailed ops', by: 'token:tok_triage' });
    expect((await triage.assign(fp, null, actor)).assignee).toBeNull();

    expect((await findings.get(fp))!.status).toBe('open');
    const entries = await audit.listForTarget('finding', fp);
    expect(entries.map((e) => [e.entry.action, e.entry.actor.id, e.entry.data])).toEqual([
      ['finding.assign', 'tok_triage', { assignee: 'ada', previous: null }],
      ['finding.comment', 'tok_triage', { commentId: comment.id, text: 'asked the owner\nto rotate' }],
      ['finding.revocation-requested', 'tok_triage', { status: 'open', note: 'mailed ops' }],
      ['finding.assign', 'tok_triage', { assignee: null, previous: 'ada' }],
    ]);
    expect(entries[0]!.entry.requestId).toBe('r1');
    expect(await audit.verify()).toMatchObject({ ok: true, entries: 4 });
    expect(await triage.summaries([fp, 'f'.repeat(32)])).toEqual([
      { assignee: null, revocationRequested: expect.objectContaining({ note: 'mailed ops' }), commentCount: 1 },
      { assignee: null, revocationRequested: null, commentCount: 0 },
    ]);
  });

  it('refuses unknown findings, bad input, pasted secrets, and revocation requests for revoked findings, writing nothing', async () => {
    const { triage, findings, audit, fp, secret } = await setup();
    await expect(triage.assign('f'.repeat(32), 'ada', actor)).rejects.toMatchObject({ code: 'FINDING_NOT_FOUND' });
    await expect(triage.assign(fp, '', actor)).rejects.toMatchObject({ code: 'TRIAGE_INPUT_INVALID' });
    await expect(triage.assign(fp, 'a\nb', actor)).rejects.toMatchObject({ code: 'TRIAGE_INPUT_INVALID' });
    await expect(triage.comment(fp, 'x'.repeat(4001), actor)).rejects.toMatchObject({ code: 'TRIAGE_INPUT_INVALID' });
    await expect(triage.comment(fp, `the token is ${secret}`, actor)).rejects.toMatchObject({ code: 'TRIAGE_CONTAINS_SECRET' });
    await expect(triage.requestRevocation(fp, secret, actor)).rejects.toMatchObject({ code: 'TRIAGE_CONTAINS_SECRET' });
    await findings.setStatus(fp, 'revoked');
    await expect(triage.requestRevocation(fp, '', actor)).rejects.toMatchObject({ code: 'FINDING_NOT_ACTIVE' });
    expect(await triage.get(fp)).toMatchObject({ assignee: null, revocationRequested: null, commentCount: 0 });
    expect(await audit.list()).toEqual([]);
  });
});
