import { afterEach, describe, expect, it } from 'vitest';
import { ecSec1Pem } from '../detectors/private-key-pem/examples-keys.js';
import { redact } from '../detectors/engine/redact.js';
import { githubTokens, testEngine, TEST_FINGERPRINTS } from '../test/support/findings.js';
import { GitRepo } from '../test/support/git-repo.js';
import { excerptAround, maskSecrets } from './excerpt.js';
import { scanHistory } from './history.js';

const engine = testEngine();
let repo: GitRepo | undefined;
afterEach(() => {
  repo?.dispose();
  repo = undefined;
});

function at(text: string, secret: string): { offset: number; line: number } {
  const offset = Buffer.from(text.slice(0, text.indexOf(secret)), 'utf8').length;
  return { offset, line: text.slice(0, text.indexOf(secret)).split('\n').length };
}

describe('excerpts', () => {
  it('show the line and one line either side, with the secret and every other secret on them masked', () => {
    const [own, other] = githubTokens('excerpt-lines', 2) as [string, string];
    const text = `import os\n# deploy settings\nGITHUB_TOKEN = "${own}"  # rotate me\nBACKUP = "${other}"\nprint("done")\n`;
    const { offset, line } = at(text, own);
    const e = excerptAround(Buffer.from(text), offset, line, engine, own);
    expect(e).toEqual({ firstLine: 2, text: `# deploy settings\nGITHUB_TOKEN = "${redact(own)}"  # rotate me\nBACKUP = "${redact(other)}"` });
    expect(e.text).not.toContain(own);
    expect(e.text).not.toContain(other);
  });

  it('cut long lines around the secret, keep the first line of a file, and never show part of a multi-line key', () => {
    const [token] = githubTokens('excerpt-long', 1) as [string];
    const long = `${'x'.repeat(5000)} token=${token} ${'y'.repeat(5000)}`;
    const first = excerptAround(Buffer.from(long), at(long, token).offset, 1, engine, token);
    expect(first.firstLine).toBe(1);
    expect(first.text.length).toBeLessThan(700);
    expect(first.text).toMatch(/^…x+ token=/);
    expect(first.text).toMatch(/y…$/);
    expect(first.text).toContain(redact(token));

    const pem = ecSec1Pem();
    const file = `key: |\n${pem}rest: 1\n`;
    const m = engine.scan(Buffer.from(file)).find((x) => x.detector.id.startsWith('private-key'))!;
    const e = excerptAround(Buffer.from(file), m.start, m.line, engine, m.secret);
    const body = pem.split('\n')[1]!;
    expect(e.text).not.toContain(body.slice(0, 20));
    expect(e.text.split('\n')).toHaveLength(3);
  });

  it('mask again whatever the engine finds, and survive bytes that are not UTF-8', () => {
    const [token] = githubTokens('excerpt-mask', 1) as [string];
    expect(maskSecrets(`a ${token} b`, engine)).toBe(`a ${redact(token)} b`);
    expect(maskSecrets('hunter2 is the word', engine, ['hunter2'])).toBe(`${redact('hunter2')} is the word`);
    const bytes = Buffer.concat([Buffer.from('\xff\xfe bad\n', 'latin1'), Buffer.from(`T=${token}\n`), Buffer.from([0x00, 0x1b, 0x41])]);
    const e = excerptAround(bytes, bytes.indexOf(token), 2, engine, token);
    expect(e.text).not.toContain(token);
    expect(e.text).not.toMatch(/[\x00\x1b]/);
  });

  it('come with findings of a history scan that asks for them: files from their blob, commit messages as scanned', async () => {
    const [inFile, inMessage] = githubTokens('excerpt-history', 2) as [string, string];
    repo = GitRepo.create();
    repo.commit({ files: { 'config/app.env': `# app\nTOKEN=${inFile}\nDEBUG=0\n` }, message: `add config\n\nthe old one was ${inMessage}\n` });
    const plain = await scanHistory(repo.path, { engine, fingerprints: TEST_FINGERPRINTS });
    expect(plain.findings.every((f) => f.excerpt === undefined)).toBe(true);
    const report = await scanHistory(repo.path, { engine, fingerprints: TEST_FINGERPRINTS, excerpts: true });
    const byValue = new Map(report.findings.map((f) => [f.secret.reveal(), f]));
    expect(byValue.get(inFile)!.excerpt).toEqual({ firstLine: 1, text: `# app\nTOKEN=${redact(inFile)}\nDEBUG=0` });
    expect(byValue.get(inMessage)!.excerpt).toEqual({ firstLine: 2, text: `\nthe old one was ${redact(inMessage)}` });
    // The excerpt never reaches a report by accident: it is not part of the finding's JSON.
    expect(JSON.stringify(report.findings)).not.toContain(inFile);
  });
});
