import type { KeywordSpec } from '../detectors/engine/prefilter.js';

/**
 * A stand-in for the final detector set's keywords (about 80, from
 * shared/FORMATS.md plus the legacy tier), so the prefilter is measured
 * against the load it will carry while the registry is still small.
 * Keywords only: nothing here is a token.
 */
const IDENTIFIABLE: readonly string[] = [
  'ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_', 'npm_',
  'AKIA', 'ASIA',
  'xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxe-', 'hooks.slack.com',
  'sk_live_', 'rk_live_',
  'glpat-', 'gldt-', 'glrt-', 'glptt-', 'glsoat-', 'GR1348941',
  'AIza', 'T3BlbkFJ', 'sk-ant-api03-', 'SG.',
  'shpat_', 'shpca_', 'shppa_', 'shpss_',
  'dop_v1_', 'doo_v1_', 'dor_v1_',
  'hf_', 'PMAK-', 'pypi-AgEIcHlwaS5vcmc', 'dapi', 'dp.pt.', 'lin_api_',
  'hvs.', 'hvb.', 'ATATT3', 'glc_', 'glsa_', 'sntrys_', 'sbp_', 'pscale_tkn_', 'AGE-SECRET-KEY-1',
  'oy2', '-----BEGIN',
  // Microsoft identifiable-key signatures and CASK/Entra markers.
  '+ASt', 'ACDb', '+ASb', '+AEh', '+ARm', '+ABa', 'AzFu', 'AzSe', 'AzCa', '+ACR', 'APIM', 'AIoT', 'AZEG', '+AMC', '+SQL',
  'JQQJ9', '8Q~', '7Q~',
];

/** Heuristic (legacy tier) keywords: ASCII case-insensitive and common in real source. */
const LEGACY_IGNORE_CASE: readonly string[] = [
  'password', 'passwd', 'secret', '://', 'AccountKey=', 'aws_secret_access_key', '_auth', 'api_key', 'apikey',
];

export const SYNTHETIC_KEYWORDS: readonly KeywordSpec[] = [
  ...IDENTIFIABLE.map((text) => ({ text, ignoreCase: false })),
  ...LEGACY_IGNORE_CASE.map((text) => ({ text, ignoreCase: true })),
];

/** The identifiable keywords only: what a push hook must search. */
export const SYNTHETIC_IDENTIFIABLE_KEYWORDS: readonly KeywordSpec[] = SYNTHETIC_KEYWORDS.filter((k) => !k.ignoreCase);
