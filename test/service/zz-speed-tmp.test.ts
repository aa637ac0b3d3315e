import { it } from 'vitest';
import { GitRepo } from '../../test/support/git-repo.js';
import { scanHistory } from '../../scanner/history.js';
import { testEngine, githubTokens } from '../../test/support/findings.js';
import { TokenFactory, ALPHA } from '../../test/support/token-factory.js';

it('speed', async () => {
  const repo = GitRepo.create({ bare: true });
  const t = new TokenFactory('speed');
  const t0 = performance.now();
  // invalid-checksum ghp_ tokens: keyword hits that the validator rejects
  for (let c = 0; c < 2; c++) {
    const files: Record<string, string> = {};
    for (let f = 0; f < 5; f++) {
      const lines: string[] = [];
      for (let l = 0; l < 2000; l++) lines.push(`token_${l} = "ghp_${t.chars(ALPHA.base62, 36)}"`);
      files[`dir${c}/f${f}.txt`] = lines.join('\n');
    }
    repo.commit({ files });
  }
  console.log('built', (performance.now() - t0) / 1000, repo.path);
  for (const threads of [0, 2]) {
    const s = performance.now();
    const r = await scanHistory(repo.path, { engine: testEngine(), threads });
    console.log('threads', threads, (performance.now() - s) / 1000, r.stats.blobs, r.stats.bytes, r.findings.length);
  }
  repo.dispose();
}, 300000);
