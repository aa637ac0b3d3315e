import { describe, expect, it } from 'vitest';
import { findingsIn, githubTokens } from '../../test/support/findings.js';
import { useTestRedis } from '../../test/support/redis.js';
import { KeyRing } from '../crypto/secret-box.js';
import { FindingsStore } from '../store/findings-store.js';
import { readStatusSamples, recordStatusSample, RETENTION_DAYS } from './status-samples.js';

const redis = useTestRedis();

describe('status samples', () => {
  it('records counts per status, one sample per minute (the latest wins), and drops old ones', async () => {
    const c = redis.client();
    const findings = new FindingsStore({ redis: c, prefix: redis.prefix(), keyRing: new KeyRing([Buffer.alloc(32, 1)]) });
    for (const [i, t] of githubTokens('samples', 3).entries()) await findings.addFindings('r', findingsIn(`T=${t}`, { path: `${i}` }));
    const fps = (await findings.list()).findings.map((f) => f.fingerprint);
    const t0 = Date.parse('2025-03-01T10:00:05Z');
    const at = (ms: number) => ({ redis: c, findings, clock: () => new Date(ms) });

    expect(await recordStatusSample(at(t0 - (RETENTION_DAYS + 1) * 86_400_000))).toMatchObject({ counts: { open: 3, live: 0 } });
    await recordStatusSample(at(t0));
    await findings.setStatus(fps[0]!, 'live');
    await recordStatusSample(at(t0 + 30_000));
    await findings.setStatus(fps[1]!, 'live');
    await recordStatusSample(at(t0 + 61_000));

    const samples = await readStatusSamples({ redis: c, findings }, 0);
    expect(samples.map((s) => [s.at - t0, s.counts.open, s.counts.live])).toEqual([
      [30_000, 2, 1],
      [61_000, 1, 2],
    ]);
    expect(await readStatusSamples({ redis: c, findings }, t0 + 60_000)).toHaveLength(1);
  });
});
