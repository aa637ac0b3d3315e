import type { Detector } from '../types.js';
import type { KeywordSpec } from './prefilter-types.js';
import { buildDecodePlan } from './decoded-scan.js';

/**
 * The keyword list an engine over `detectors` searches for: every detector
 * keyword, shared ones once (case-insensitive ones compared in lower case),
 * in order of first appearance, then (`decode`) the decoded scan's triggers.
 * For benchmarks and tests of the prefilter alone; createEngine builds the
 * same list along with each keyword's owners.
 */
export function keywordSpecsOf(detectors: readonly Detector[], decode = false): KeywordSpec[] {
  const seen = new Map<string, number>();
  const out: KeywordSpec[] = [];
  const owners: number[][] = [];
  const add = (spec: KeywordSpec): number => {
    const key = `${spec.ignoreCase ? 'i' : 's'}:${spec.ignoreCase ? spec.text.toLowerCase() : spec.text}`;
    let k = seen.get(key);
    if (k === undefined) {
      k = out.length;
      seen.set(key, k);
      out.push({ text: spec.text, ignoreCase: spec.ignoreCase });
      owners.push([]);
    }
    return k;
  };
  detectors.forEach((d, i) => {
    for (const text of d.keywords) {
      const k = add({ text, ignoreCase: d.keywordsIgnoreCase === true });
      if (!owners[k]!.includes(i)) owners[k]!.push(i);
    }
  });
  if (decode && detectors.some((d) => d.tier === 'identifiable')) {
    buildDecodePlan({ detectors, keywordSpecs: out.slice(), keywordOwners: owners.map((o) => o.slice()), plainReach: 0, addKeyword: add });
  }
  return out;
}
