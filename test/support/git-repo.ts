import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Builds real git repositories in temp directories for tests, with git's own
 * plumbing (hash-object, update-index on a private index, write-tree,
 * commit-tree, update-ref), so every object is exactly what the test says:
 * no work tree, no line-ending or filter conversion, fixed dates (hence
 * stable oids), merges with any resolution, commits that only a tag reaches.
 */

export interface Person {
  readonly name: string;
  readonly email: string;
}

/**
 * A file's content; `mode` 100755 for executables, 120000 for a symlink
 * (content is its target); `submodule` is a gitlink to a commit of another repository.
 */
export type FileSpec =
  | string
  | Buffer
  | { readonly content: string | Buffer; readonly mode: '100644' | '100755' | '120000' }
  | { readonly submodule: string };

export interface CommitSpec {
  /** Changes relative to the first parent: content to add or replace, `null` to delete. */
  readonly files?: Readonly<Record<string, FileSpec | null>>;
  /** Renames relative to the first parent (same blob, new path), applied before `files`. */
  readonly renames?: Readonly<Record<string, string>>;
  /** Default: the current tip of `branch` (none for its first commit). */
  readonly parents?: readonly string[];
  /** Branch to advance; default `main`. `null` leaves every ref alone (tag the commit to keep it reachable). */
  readonly branch?: string | null;
  readonly message?: string;
  readonly author?: Person;
  /** Default: the author. */
  readonly committer?: Person;
  /** Author and committer date, ISO 8601. Default: a fixed clock that advances one minute per commit. */
  readonly date?: string;
}

interface Entry {
  readonly mode: string;
  readonly oid: string;
}

export const DEFAULT_AUTHOR: Person = { name: 'Ada Tester', email: 'ada@example.com' };

/** Git with no user or system configuration, so tests behave the same on every machine. */
function isolatedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES']) {
    if (!(name in extra)) delete env[name];
  }
  env['GIT_CONFIG_NOSYSTEM'] = '1';
  env['GIT_CONFIG_GLOBAL'] = '/dev/null';
  env['LC_ALL'] = 'C';
  return env;
}

export class GitRepo {
  private readonly trees = new Map<string, Map<string, Entry>>();
  private readonly tips = new Map<string, string>();
  private clock = Date.parse('2021-03-04T05:06:07Z');
  private readonly indexFile: string;

  private constructor(
    readonly path: string,
    readonly bare: boolean,
  ) {
    this.indexFile = join(path, bare ? 'pushgate-test-index' : '.git/pushgate-test-index');
  }

  /** A handle on an existing repository (tests that need it at a known path, e.g. under a server root). */
  static open(path: string, bare: boolean): GitRepo {
    return new GitRepo(path, bare);
  }

  /** A new empty repository (default branch `main`) in a fresh temp directory. */
  static create(options: { bare?: boolean; objectFormat?: 'sha1' | 'sha256' } = {}): GitRepo {
    const dir = mkdtempSync(join(tmpdir(), 'pushgate-repo-'));
    const args = ['init', '-q', '-b', 'main'];
    if (options.bare) args.push('--bare');
    if (options.objectFormat) args.push(`--object-format=${options.objectFormat}`);
    execFileSync('git', [...args, dir], { env: isolatedEnv() });
    return new GitRepo(dir, options.bare === true);
  }

  /** Runs git in the repository and returns stdout. */
  git(args: readonly string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}): Buffer {
    return execFileSync('git', args, {
      cwd: this.path,
      env: isolatedEnv(options.env),
      ...(options.input !== undefined ? { input: options.input } : {}),
      maxBuffer: 1024 * 1024 * 1024,
    });
  }

  /** Writes a blob (a loose object) and returns its oid. */
  blob(content: string | Buffer): string {
    return this.blobs([content])[0]!;
  }

  /** Writes blobs with one git process, through temp files (no pipe limits for huge contents). */
  blobs(contents: ReadonlyArray<string | Buffer>): string[] {
    if (contents.length === 0) return [];
    const dir = mkdtempSync(join(this.path, this.bare ? 'tmp-blobs-' : '.git/tmp-blobs-'));
    try {
      const files = contents.map((content, i) => {
        const file = join(dir, String(i));
        writeFileSync(file, content);
        return file;
      });
      return this.git(['hash-object', '-w', '--no-filters', ...files]).toString().trim().split('\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** The tip of a branch, or undefined before its first commit. */
  tip(branch: string): string | undefined {
    const known = this.tips.get(branch);
    if (known) return known;
    try {
      return this.git(['rev-parse', '--verify', '-q', `refs/heads/${branch}`]).toString().trim();
    } catch {
      return undefined;
    }
  }

  /** Creates a commit and returns its oid. */
  commit(spec: CommitSpec = {}): string {
    const branch = spec.branch === undefined ? 'main' : spec.branch;
    const tip = branch === null ? undefined : this.tip(branch);
    const parents = spec.parents ?? (tip ? [tip] : []);
    const files = new Map(parents[0] ? this.treeOf(parents[0]) : []);
    for (const [from, to] of Object.entries(spec.renames ?? {})) {
      const entry = files.get(from);
      if (!entry) throw new Error(`rename of missing path ${from}`);
      files.delete(from);
      files.set(to, entry);
    }
    const added: Array<{ path: string; content: string | Buffer; mode: string }> = [];
    for (const [path, file] of Object.entries(spec.files ?? {})) {
      if (file === null) files.delete(path);
      else if (typeof file === 'string' || Buffer.isBuffer(file)) added.push({ path, content: file, mode: '100644' });
      else if ('submodule' in file) files.set(path, { mode: '160000', oid: file.submodule });
      else added.push({ path, content: file.content, mode: file.mode });
    }
    const oids = this.blobs(added.map((a) => a.content));
    added.forEach((a, i) => files.set(a.path, { mode: a.mode, oid: oids[i]! }));
    const tree = this.writeTree(files);
    const author = spec.author ?? DEFAULT_AUTHOR;
    const committer = spec.committer ?? author;
    const date = spec.date ?? this.tick();
    const args = ['commit-tree', tree, '-m', spec.message ?? 'change'];
    for (const p of parents) args.push('-p', p);
    const oid = this.git(args, {
      env: {
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_NAME: committer.name,
        GIT_COMMITTER_EMAIL: committer.email,
        GIT_COMMITTER_DATE: date,
      },
    })
      .toString()
      .trim();
    this.trees.set(oid, files);
    if (branch !== null) {
      this.git(['update-ref', `refs/heads/${branch}`, oid]);
      this.tips.set(branch, oid);
    }
    return oid;
  }

  /** A lightweight tag, or an annotated one when `message` is given. `target` may be any object. */
  tag(name: string, target: string, message?: string, tagger: Person = DEFAULT_AUTHOR): void {
    if (message === undefined) this.git(['update-ref', `refs/tags/${name}`, target]);
    else
      this.git(['tag', '-a', '-m', message, name, target], {
        env: { GIT_COMMITTER_NAME: tagger.name, GIT_COMMITTER_EMAIL: tagger.email, GIT_COMMITTER_DATE: this.tick() },
      });
  }

  /**
   * Writes an object exactly as given (`hash-object --literally`): commits
   * with custom headers or a NUL in the message, tags of tags, objects git's
   * porcelain would refuse to make. Returns its oid.
   */
  writeObject(type: 'commit' | 'tag' | 'tree' | 'blob', raw: string | Buffer): string {
    return this.git(['hash-object', '-t', type, '-w', '--stdin', '--literally'], { input: raw }).toString().trim();
  }

  /** The raw bytes of an object (`cat-file <type>`). */
  rawObject(type: 'commit' | 'tag', oid: string): Buffer {
    return this.git(['cat-file', type, oid]);
  }

  /** Points any ref (refs/remotes/..., refs/notes/...) at an object. */
  ref(name: string, target: string): void {
    this.git(['update-ref', name, target]);
    if (name.startsWith('refs/heads/')) this.tips.set(name.slice('refs/heads/'.length), target);
  }

  deleteRef(name: string): void {
    this.git(['update-ref', '-d', name]);
    if (name.startsWith('refs/heads/')) this.tips.delete(name.slice('refs/heads/'.length));
  }

  /** The tree oid of a commit. */
  treeOid(commit: string): string {
    return this.git(['rev-parse', `${commit}^{tree}`]).toString().trim();
  }

  /** The loose-object file of `oid` (for corrupting it in tests). */
  objectFile(oid: string): string {
    return join(this.path, this.bare ? '' : '.git', 'objects', oid.slice(0, 2), oid.slice(2));
  }

  dispose(): void {
    rmSync(this.path, { recursive: true, force: true });
  }

  private treeOf(commit: string): Map<string, Entry> {
    const known = this.trees.get(commit);
    if (known) return known;
    const files = new Map<string, Entry>();
    for (const line of this.git(['ls-tree', '-r', '-z', commit]).toString('utf8').split('\0')) {
      const tab = line.indexOf('\t');
      if (tab === -1) continue;
      const [mode, , oid] = line.slice(0, tab).split(' ');
      files.set(line.slice(tab + 1), { mode: mode!, oid: oid! });
    }
    return files;
  }

  private writeTree(files: Map<string, Entry>): string {
    const env = { GIT_INDEX_FILE: this.indexFile };
    // A missing index file is an empty index.
    rmSync(this.indexFile, { force: true });
    const info = [...files].map(([path, e]) => `${e.mode} ${e.oid}\t${path}\0`).join('');
    this.git(['update-index', '-z', '--index-info'], { env, input: info });
    return this.git(['write-tree'], { env }).toString().trim();
  }

  private tick(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString();
  }
}
