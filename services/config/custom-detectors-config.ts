import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { CustomConfigError, customConfig, EMPTY_CUSTOM_CONFIG, type CustomConfig } from '../../detectors/custom/custom-detectors.js';
import { ALL_DETECTORS } from '../../detectors/registry.js';

/**
 * PUSHGATE_CONFIG for serve and worker, read while the config is parsed (so
 * a bad file is one more CONFIG_INVALID problem at start-up, not a failure
 * mid-scan). The same file and rules as `pushgate scan --config` and the
 * hooks (scanner/custom-config.ts, which loads asynchronously so the hook
 * pays for the YAML parser only when it has a config).
 */
export function readCustomDetectors(path: string | undefined, problem: (message: string) => void): CustomConfig {
  if (path === undefined || path.trim() === '') return EMPTY_CUSTOM_CONFIG;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    problem(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
    return EMPTY_CUSTOM_CONFIG;
  }
  try {
    return customConfig(parse(text), ALL_DETECTORS);
  } catch (err) {
    if (err instanceof CustomConfigError) problem(`${err.message} [${err.code}]`);
    else problem(`${path} is not valid YAML or JSON: ${(err as Error).message.split('\n')[0]}`);
    return EMPTY_CUSTOM_CONFIG;
  }
}
