import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/**
 * `npm ci` warns EBADENGINE when an installed package's `engines.node` does
 * not accept the running Node, and pushgate supports Node 20 (past its end of
 * life, but what CI and many servers run). The lockfile records every
 * package's `engines`; these read it, so a dependency bump that needs Node 22
 * fails here, not on a user's machine. Packages that need one pin live in
 * package.json `overrides` (cookie, content-type: see the README).
 */
const root = join(import.meta.dirname, '..', '..');
const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): { version: string } | null;
};
interface LockPackage {
  readonly engines?: Record<string, string> | string[];
  readonly dev?: boolean;
}
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockPackage> };
const declared = (lock.packages['']!.engines as Record<string, string>)['node']!;
const minimum = semver.minVersion(declared)!.version;

function nodeRange(p: LockPackage): string | undefined {
  return p.engines !== undefined && !Array.isArray(p.engines) ? p.engines['node'] : undefined;
}

describe('dependencies and the Node versions pushgate supports', () => {
  it(`accept the running Node (${process.version}): npm ci prints no EBADENGINE`, () => {
    const refused = Object.entries(lock.packages)
      .filter(([path, p]) => path !== '' && nodeRange(p) !== undefined && !semver.satisfies(process.version, nodeRange(p)!))
      .map(([path, p]) => `${path}: ${nodeRange(p)}`);
    expect(refused).toEqual([]);
  });

  it(`accept the oldest Node package.json declares (${declared}), for every runtime dependency`, () => {
    const refused = Object.entries(lock.packages)
      .filter(([path, p]) => path !== '' && p.dev !== true && nodeRange(p) !== undefined && !semver.satisfies(minimum, nodeRange(p)!))
      .map(([path, p]) => `${path}: ${nodeRange(p)}`);
    expect(refused).toEqual([]);
    // The check can fail: a package wanting Node 22 is refused at this minimum.
    expect(semver.satisfies(minimum, '>=22')).toBe(false);
  });
});
