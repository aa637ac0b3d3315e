import { readFileSync } from 'node:fs';

let cached: string | undefined;

/**
 * pushgate's version for the OpenAPI document, from package.json found by
 * walking up from this module (services/ under vitest, dist/services/ when
 * built). Same lookup as cli/version.ts; kept separate while the CLI's module
 * is still changing.
 */
export function serviceVersion(): string {
  if (cached) return cached;
  let dir = new URL('.', import.meta.url);
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'pushgate' && pkg.version) return (cached = pkg.version);
    } catch {
      // No package.json at this level: keep walking up.
    }
    dir = new URL('..', dir);
  }
  return '0.0.0';
}
