import { readFileSync } from 'node:fs';

export interface PackageInfo {
  readonly version: string;
  /** `homepage` of package.json, if set (SARIF `informationUri`). */
  readonly homepage?: string;
}

let cached: PackageInfo | undefined;

/**
 * pushgate's package.json, found by walking up from this module (it runs from
 * cli/ under vitest and from dist/cli/ when built).
 */
export function pushgatePackage(): PackageInfo {
  if (cached) return cached;
  let dir = new URL('.', import.meta.url);
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string; version?: string; homepage?: unknown };
      if (pkg.name === 'pushgate' && pkg.version) {
        cached = { version: pkg.version, ...(typeof pkg.homepage === 'string' ? { homepage: pkg.homepage } : {}) };
        return cached;
      }
    } catch {
      // No package.json at this level: keep walking up.
    }
    dir = new URL('..', dir);
  }
  return { version: '0.0.0' };
}
