import type { Detector } from '../types.js';
import type { KeywordSpec } from './prefilter-types.js';

/**
 * The keyword list an engine over `detectors` searches for: every detector
 * keyword, shared ones once (case-insensitive ones compared in lower case),
 * in order of first appearance. For benchmarks and tests of the prefilter
 * alone; createEngine builds the same list along with each keyword's owners.
 */
export function keywordSpecsOf(detectors: readonly Detector[]): KeywordSpec[] {
  const seen = new Set<string>();
  const out: KeywordSpec[] = [];
  for (const d of detectors) {
    const ignoreCase = d.keywordsIgnoreCase === true;
    for (const text of d.keywords) {
      const key = `${ignoreCase ? 'i' : 's'}:${ignoreCase ? text.toLowerCase() : text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ text, ignoreCase });
    }
  }
  return out;
}
