import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findingsIn, githubTokens } from '../../test/support/findings.js';
import { useTestRedis } from '../../test/support/redis.js';
import { KeyRing, keyId, sealedKeyId } from '../crypto/secret-box.js';
import { FindingsStore } from './findings-store.js';

const redis = useTestRedis();

function store(keyRing = new KeyRing([randomBytes(32)]), clock?: () => Date): FindingsStore {
  return new FindingsStore({ redis: redis.client(), prefix: redis.prefix(), keyRing, ...(clock ? { clock } : {}) });
}

/** Every string value under the test's prefix, to prove what is (not) stored in clear. */
async function dumpValues(): Promise<string> {
  const c = redis.client();
  const keys = await c.keys(`${redis.prefix()}*`);
  const out: string[] = [];
  for (const k of keys) {
    const type = await c.type(k);
    if (type === 'hash') out.push(JSON.stringify(await c.hgetall(k)));
    else if (type === 'string') out.push((await c.get(k)) ?? '');
    else if (type === 'zset') out.push(JSON.stringify(await c.zrange(k, 0, -1)));
    else if (type === 'set') out.push(JSON.stringify(await c.smembers(k)));
    else if (type === 'stream') out.push(JSON.stringify(await c.xrange(k, '-', '+')));
    else if (type === 'list') out.push(JSON.stringify(await c.lrange(k, 0, -1)));
  }
  return out.join('\n');
}

describe('findings store', () => {
  it('stores one record per secret with all its locations, sealed, and is idempotent', async () => {
    const [a, b] = githubTokens('store-1', 2);
    const s = store();
    const commit1 = 'a'.repeat(40);
    const commit2 = 'b'.repeat(40);
    const first = findingsIn(`export GITHUB_TOKEN=${a}\nother=${b}\n`, { path: 'env.sh', commit: commit1, author: 'Ada', email: 'ada@example.com', date: '2024-01-02T03:04:05Z' });
    expect(first).toHaveLength(2);
    const r1 = await s.addFindings('acme/widgets', first);
    expect(r1).toMatchObject({ created: 2, locationsAdded: 2 });

    // The same scan again (a rescan, or a job retried after a crash): nothing new.
    const r2 = await s.addFindings('acme/widgets', first);
    expect(r2).toMatchObject({ created: 0, locationsAdded: 0 });

    // The same secret in another commit and another repository: one finding, more locations.
    const again = findingsIn(`\n\ntoken: ${a}`, { path: 'config/app.yml', commit: commit2, author: 'Bob' });
    expect(await s.addFindings('acme/gadgets', again)).toMatchObject({ created: 0, locationsAdded: 1 });

    const fp = first.find((f) => f.secret.reveal() === a)!.fingerprint;
    const detail = await s.get(fp);
    expect(detail).toMatchObject({
      fingerprint: fp,
      detector: 'github-pat-classic',
      provider: 'GitHub',
      severity: 'critical',
      tier: 'identifiable',
      status: 'open',
      locationCount: 2,
      repositories: ['acme/gadgets', 'acme/widgets'],
      redacted: first.find((f) => f.fingerprint === fp)!.redacted,
      locationsTruncated: false,
    });
    expect(detail!.locations).toEqual([
      { repository: 'acme/gadgets', kind: 'blob', commit: commit2, path: 'config/app.yml', line: 3, column: 8, author: 'Bob', email: null, date: null },
      { repository: 'acme/widgets', kind: 'blob', commit: commit1, path: 'env.sh', line: 1, column: 21, author: 'Ada', email: 'ada@example.com', date: '2024-01-02T03:04:05Z' },
    ]);

    // The secret is in Redis only sealed: no stored value contains it, and reveal gives it back.
    const values = await dumpValues();
    expect(values).not.toContain(a);
    expect(values).not.toContain(b);
    expect((await s.revealSecret(fp))!.secret.reveal()).toBe(a);
    expect(JSON.stringify(detail)).not.toContain(a);
    expect(await s.get('0'.repeat(32))).toBeNull();
  });

  it('lists by status, provider, repository and severity with exact cursor pagination', async () => {
    const tokens = githubTokens('store-list', 23);
    let now = Date.UTC(2024, 0, 1);
    // Several findings share a millisecond: the cursor must still neither skip nor repeat.
    const s = store(undefined, () => new Date(now));
    for (const [i, t] of tokens.entries()) {
      if (i % 3 === 0) now += 1000;
      await s.addFindings(i % 2 === 0 ? 'acme/even' : 'acme/odd', findingsIn(`TOKEN=${t}`, { path: `f${i}.env`, commit: 'c'.repeat(40) }));
    }
    const pageAll = async (query: Parameters<FindingsStore['list']>[0]): Promise<string[]> => {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let guard = 0; guard < 50; guard++) {
        const page = await s.list({ ...query, limit: 4, ...(cursor ? { cursor } : {}) });
        expect(page.findings.length).toBeLessThanOrEqual(4);
        seen.push(...page.findings.map((f) => f.fingerprint));
        if (!page.nextCursor) return seen;
        cursor = page.nextCursor;
      }
      throw new Error('pagination did not end');
    };
    const all = await pageAll({});
    expect(all).toHaveLength(23);
    expect(new Set(all).size).toBe(23);
    // Newest first by default; oldest first on request: the same set reversed.
    const asc = await pageAll({ order: 'asc' });
    expect(asc).toEqual([...all].reverse());
    const firstSeen = await Promise.all(all.map(async (fp) => (await s.get(fp))!.firstSeen));
    expect([...firstSeen].sort().reverse()).toEqual(firstSeen);

    const even = await pageAll({ repository: 'acme/even' });
    expect(even).toHaveLength(12);
    expect(await pageAll({ repository: 'acme/even', provider: 'github', severity: 'critical', status: 'open' })).toEqual(even);
    expect(await pageAll({ severity: 'low' })).toEqual([]);
    expect(await pageAll({ repository: 'acme/none' })).toEqual([]);

    await s.setStatus(even[0]!, 'live');
    await s.setStatus(even[1]!, 'live');
    expect(await pageAll({ status: 'live' })).toEqual(even.slice(0, 2));
    expect(await pageAll({ status: 'live', repository: 'acme/odd' })).toEqual([]);
    expect(await s.countByStatus()).toEqual({ open: 21, live: 2, unknown: 0, revoked: 0, closed: 0, resolved: 0 });
    expect((await s.get(even[0]!))!.status).toBe('live');

    await expect(s.list({ cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'CURSOR_INVALID' });
    const page = await s.list({ limit: 2 });
    await expect(s.list({ cursor: page.nextCursor!, order: 'asc' })).rejects.toMatchObject({ code: 'CURSOR_INVALID' });
  });

  it('stores every kind of location with its tag, ref and encoding, each once', async () => {
    const [t] = githubTokens('store-kinds', 1);
    const s = store();
    const commit = 'c'.repeat(40);
    const tag = '9'.repeat(40);
    const text = `x=${t}`;
    const findings = [
      ...findingsIn(text, { path: 'k8s/secret.yml', commit, encoding: 'base64' }),
      ...findingsIn(text, { kind: 'path', path: 'dir/ghp_ab***', commit }),
      ...findingsIn(text, { kind: 'commit-message', commit, author: 'Ada' }),
      ...findingsIn(text, { kind: 'tag-message', tag, tagName: 'v1.0', ref: 'refs/tags/v1.0' }),
      ...findingsIn(text, { kind: 'tag-message', tag, tagName: 'v1.0', ref: 'refs/tags/other' }),
      ...findingsIn(text, { kind: 'ref-name', ref: 'refs/heads/ghp_ab***' }),
    ];
    // A second ref pointing at the same tag is the same place: the tag object holds the secret.
    expect(await s.addFindings('acme/kinds', findings)).toMatchObject({ created: 1, locationsAdded: 5 });
    expect(await s.addFindings('acme/kinds', findings)).toMatchObject({ created: 0, locationsAdded: 0 });
    const detail = await s.get(findings[0]!.fingerprint);
    const byKind = new Map(detail!.locations.map((l) => [l.kind, l]));
    expect([...byKind.keys()].sort()).toEqual(['blob', 'commit-message', 'path', 'ref-name', 'tag-message']);
    expect(byKind.get('blob')).toEqual({ repository: 'acme/kinds', kind: 'blob', commit, path: 'k8s/secret.yml', line: 1, column: 3, author: null, email: null, date: null, encoding: 'base64' });
    expect(byKind.get('path')).toMatchObject({ kind: 'path', commit, path: 'dir/ghp_ab***' });
    expect(byKind.get('commit-message')).toMatchObject({ kind: 'commit-message', commit, path: null, author: 'Ada' });
    expect(byKind.get('tag-message')).toMatchObject({ kind: 'tag-message', commit: null, path: null, tag, tagName: 'v1.0', ref: 'refs/tags/v1.0' });
    expect(byKind.get('ref-name')).toEqual({
      repository: 'acme/kinds',
      kind: 'ref-name',
      commit: null,
      path: null,
      line: 1,
      column: 3,
      author: null,
      email: null,
      date: null,
      ref: 'refs/heads/ghp_ab***',
    });
    // Files first among the locations of one commit.
    expect(detail!.locations.filter((l) => l.commit === commit).map((l) => l.kind)).toEqual(['blob', 'path', 'commit-message']);
  });

  it('reads locations stored before kinds as files, and does not add them again', async () => {
    const [t] = githubTokens('store-old', 1);
    const s = store();
    const commit = 'a'.repeat(40);
    const [f] = findingsIn(`x=${t}`, { path: 'old.env', commit });
    // The key and JSON an earlier version wrote for this location.
    const id = createHash('sha256').update(['acme/old', commit, 'old.env', 1, 3].join('\0')).digest('hex').slice(0, 32);
    const old = { repository: 'acme/old', commit, path: 'old.env', line: 1, column: 3, author: null, email: null, date: null };
    await redis.client().hset(s.keys.findingLocations(f!.fingerprint), id, JSON.stringify(old));
    expect(await s.addFindings('acme/old', [f!])).toMatchObject({ created: 1, locationsAdded: 0 });
    expect((await s.get(f!.fingerprint))!.locations).toEqual([{ ...old, kind: 'blob' }]);
  });

  it('moves status atomically and refuses unknown statuses', async () => {
    const [t] = githubTokens('store-status', 1);
    const s = store();
    const [f] = findingsIn(`x=${t}`, { path: 'a' });
    await s.addFindings('r', [f!]);
    expect(await s.setStatus(f!.fingerprint, 'unknown')).toEqual({ previous: 'open' });
    expect(await s.setStatus(f!.fingerprint, 'revoked')).toEqual({ previous: 'unknown' });
    expect(await s.setStatus('f'.repeat(32), 'closed')).toBeNull();
    await expect(s.setStatus(f!.fingerprint, 'gone' as never)).rejects.toMatchObject({ code: 'STATUS_INVALID' });
    const c = redis.client();
    for (const status of ['open', 'live', 'unknown', 'closed']) expect(await c.zcard(`${redis.prefix()}findings:status:${status}`)).toBe(0);
    expect(await c.zcard(`${redis.prefix()}findings:status:revoked`)).toBe(1);
  });

  it('writes each finding whole when many writers race on it', async () => {
    const [t] = githubTokens('store-race', 1);
    const writers = Array.from({ length: 8 }, () => store());
    const results = await Promise.all(
      writers.map((s, i) => s.addFindings('acme/race', findingsIn(`a=${t}\nb=${t}\n`, { path: `w${i % 2}.txt`, commit: 'd'.repeat(40) }))),
    );
    expect(results.reduce((n, r) => n + r.created, 0)).toBe(1);
    expect(results.reduce((n, r) => n + r.locationsAdded, 0)).toBe(4);
    const [f] = findingsIn(`a=${t}`, { path: 'x' });
    expect((await writers[0]!.get(f!.fingerprint))!.locationCount).toBe(4);
  });

  it('re-seals secrets under a rotated key', async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const tokens = githubTokens('store-rotate', 3);
    const before = store(new KeyRing([oldKey]));
    for (const t of tokens) await before.addFindings('r', findingsIn(`t=${t}`, { path: 'p' }));
    const after = store(new KeyRing([newKey, oldKey]));
    expect(await after.resealSecrets()).toEqual({ resealed: 3, total: 3 });
    expect(await after.resealSecrets()).toEqual({ resealed: 0, total: 3 });
    const c = redis.client();
    // The finding records themselves, not their locations, repositories or paths.
    const keys = (await c.keys(`${redis.prefix()}finding:*`)).filter((k) => /finding:[0-9a-f]{32}$/.test(k));
    expect(keys).toHaveLength(3);
    for (const k of keys) expect(sealedKeyId((await c.hget(k, 'secret'))!)).toBe(keyId(newKey));
    const onlyNew = store(new KeyRing([newKey]));
    for (const t of tokens) {
      const [f] = findingsIn(`t=${t}`, { path: 'p' });
      expect((await onlyNew.revealSecret(f!.fingerprint))!.secret.reveal()).toBe(t);
    }
  });

  it('writes a finding with more locations than one script call takes', async () => {
    const [t] = githubTokens('store-many', 1);
    const text = Array.from({ length: 1203 }, () => `k=${t}`).join('\n');
    const findings = findingsIn(text, { path: 'big.txt', commit: 'e'.repeat(40) });
    expect(findings[0]!.locations).toHaveLength(1203);
    const s = store();
    expect(await s.addFindings('r', findings)).toMatchObject({ created: 1, locationsAdded: 1203 });
    expect(await s.addFindings('r', findings)).toMatchObject({ created: 0, locationsAdded: 0 });
    const detail = await s.get(findings[0]!.fingerprint, { locationLimit: 10 });
    expect(detail).toMatchObject({ locationCount: 1203, locationsTruncated: true });
    expect(detail!.locations.map((l) => l.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('ends consistent when a writer dies mid-way and the job is retried', async () => {
    const tokens = githubTokens('store-crash', 60);
    const findings = tokens.flatMap((t, i) => findingsIn(`a=${t}\nb=${t}`, { path: `f${i}`, commit: 'f'.repeat(40) }));
    const dying = redis.client();
    const doomed = new FindingsStore({ redis: dying, prefix: redis.prefix(), keyRing: new KeyRing([randomBytes(32)]) });
    // The connection dies after 25 writes, as when a worker is killed mid-job. Each write is one
    // script, which Redis runs whole or not at all, so the cut falls between findings.
    const evalsha = dying.evalsha.bind(dying) as (...args: unknown[]) => Promise<unknown>;
    let calls = 0;
    (dying as unknown as { evalsha: (...args: unknown[]) => Promise<unknown> }).evalsha = (...args) => {
      if (++calls > 25) dying.disconnect();
      return evalsha(...args);
    };
    await expect(doomed.addFindings('acme/crash', findings)).rejects.toThrow();
    const s = store();
    const partial = (await s.countByStatus()).open;
    expect(partial).toBe(25);
    const retry = await s.addFindings('acme/crash', findings);
    expect(retry.created).toBe(60 - partial);
    const c = redis.client();
    expect(await c.zcard(`${redis.prefix()}findings:all`)).toBe(60);
    expect(await c.zcard(`${redis.prefix()}findings:repository:acme/crash`)).toBe(60);
    for (const f of findings) expect((await s.get(f.fingerprint))!.locationCount).toBe(2);
  });
});
