import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cleanEnv } from './built-cli.js';

/** A real git repository in a temp dir, built with plain git commands. */
export class GitFixture {
  readonly dir: string;
  private tick = 0;

  constructor(prefix = 'pushgate-cli-') {
    this.dir = mkdtempSync(join(tmpdir(), prefix));
    this.git('init', '-q', '-b', 'main');
  }

  git(...args: string[]): string {
    // Fixed identities and dates, one minute apart, so commits are reproducible.
    const date = new Date(Date.UTC(2024, 0, 2, 3, 4, 5) + this.tick * 60_000).toISOString();
    return execFileSync('git', args, {
      cwd: this.dir,
      env: cleanEnv({
        GIT_AUTHOR_NAME: 'Ada Lovelace',
        GIT_AUTHOR_EMAIL: 'ada@example.com',
        GIT_COMMITTER_NAME: 'Ada Lovelace',
        GIT_COMMITTER_EMAIL: 'ada@example.com',
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      }),
      encoding: 'utf8',
    });
  }

  write(path: string, content: string | Uint8Array): this {
    const abs = join(this.dir, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
    return this;
  }

  remove(path: string): this {
    rmSync(join(this.dir, path), { force: true, recursive: true });
    return this;
  }

  /** Stages everything (respecting .gitignore) and commits; returns the commit id. */
  commit(message: string): string {
    this.tick++;
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
