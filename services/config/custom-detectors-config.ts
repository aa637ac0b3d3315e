import { CustomConfigError, EMPTY_CUSTOM_CONFIG, type CustomConfig } from '../../detectors/custom/custom-detectors.js';
import { readCustomConfig } from '../../scanner/custom-config.js';

/**
 * PUSHGATE_CONFIG for serve and worker, read while the config is parsed (so
 * a bad file is one more CONFIG_INVALID problem at start-up, not a failure
 * mid-scan): the same reader as `pushgate scan --config` and the hooks.
 */
export function readCustomDetectors(path: string | undefined, problem: (message: string) => void): CustomConfig {
  try {
    return readCustomConfig(path);
  } catch (err) {
    if (!(err instanceof CustomConfigError)) throw err;
    problem(`${err.message} [${err.code}]`);
    return EMPTY_CUSTOM_CONFIG;
  }
}
