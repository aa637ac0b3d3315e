import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ALL_DETECTORS } from '../detectors/registry.js';
import { CustomConfigError, customConfig, EMPTY_CUSTOM_CONFIG, type CustomConfig } from '../detectors/custom/custom-detectors.js';
import type { Detector } from '../detectors/types.js';
import type { Finding, ScanReport } from './types.js';

/**
 * Reads a custom-detector config file (YAML, or JSON, which is YAML too):
 * `--config FILE` for the CLI, PUSHGATE_CONFIG for the hooks, the scan
 * daemon and the service (which reads it while parsing its config, so this
 * is synchronous). A file that cannot be read or parsed, or whose detectors
 * fail their own examples, is an error with a code: the callers that
 * protect pushes fail closed on it.
 */
export function readCustomConfig(path: string | undefined): CustomConfig {
  if (path === undefined || path.trim() === '') return EMPTY_CUSTOM_CONFIG;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CustomConfigError('CUSTOM_CONFIG_INVALID', `cannot read the config file ${path}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  // Required only when a config is given: the push hook (one bundle, `yaml` left out of it) does not load a YAML parser otherwise.
  const { parse } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  let data: unknown;
  try {
    data = parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new CustomConfigError('CUSTOM_CONFIG_INVALID', `${path} is not valid YAML or JSON: ${message.split('\n')[0] ?? message}`);
  }
  try {
    return customConfig(data, ALL_DETECTORS);
  } catch (err) {
    if (err instanceof CustomConfigError) throw new CustomConfigError(err.code, `${path}: ${err.message}`);
    throw err;
  }
}

/** readCustomConfig for callers that await (the CLI and the hooks). */
export async function loadCustomConfig(path: string | undefined): Promise<CustomConfig> {
  return readCustomConfig(path);
}

/**
 * The identifiable detectors a push hook runs: the built-in ones plus the
 * identifiable custom ones of PUSHGATE_CONFIG (custom legacy detectors never
 * block). Throws CustomConfigError for a bad config: the hook rejects the push.
 */
export async function hookDetectors(env: NodeJS.ProcessEnv, builtins: readonly Detector[]): Promise<readonly Detector[]> {
  const custom = await loadCustomConfig(env['PUSHGATE_CONFIG']);
  const own = custom.detectors.filter((d) => d.tier === 'identifiable');
  return own.length === 0 ? builtins : [...builtins, ...own];
}

/**
 * The report without the legacy findings' locations in excluded paths (a
 * legacy finding left with none is dropped). Identifiable findings are never
 * touched.
 */
export function excludeLegacy(report: ScanReport, config: CustomConfig): ScanReport {
  if (config.excludeLegacyPaths.length === 0) return report;
  const findings: Finding[] = [];
  for (const f of report.findings) {
    if (f.tier !== 'legacy') {
      findings.push(f);
      continue;
    }
    const locations = f.locations.filter((l) => !((l.kind === 'blob' || l.kind === 'path') && l.path !== undefined && config.legacyExcluded(l.path)));
    if (locations.length > 0) findings.push(locations.length === f.locations.length ? f : { ...f, locations });
  }
  return { ...report, findings };
}
