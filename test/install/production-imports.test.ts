import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What runs in production (the CLI, the hooks, the service) must not load
 * test code. Detector examples (and their builders, `*examples*.ts`) and benches may use test/support (examples are
 * generated when the tests run); everything else may name its types only.
 */
const PRODUCTION = ['cli', 'detectors', 'hooks', 'liveness', 'scanner', 'services'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !/examples/.test(e.name) ? [path] : [];
  });
}

describe('production code', () => {
  it('imports nothing but types from test/', () => {
    const offenders: string[] = [];
    for (const file of PRODUCTION.flatMap(sources)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']*\/test\/[^']*)'/gms)) {
        if (!m[1]) offenders.push(`${file}: ${m[2]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
