import { describe, expect, it } from 'vitest';
import { ALL_DETECTORS } from '../registry.js';
import { base64Triggers, base64TriggersOfAll, type Base64Trigger } from './triggers.js';

/** The definition, one keyword and one encoding at a time: what the batched version must reproduce. */
function reference(keyword: string, alignments: readonly (0 | 1 | 2)[]): Base64Trigger[] {
  const bytes = Buffer.from(keyword, 'latin1');
  const out: Base64Trigger[] = [];
  for (const align of alignments) {
    const first = Math.ceil((8 * align) / 6);
    const end = Math.floor((8 * (align + bytes.length)) / 6);
    if (end <= first) continue;
    const std = Buffer.concat([Buffer.alloc(align), bytes]).toString('base64').slice(first, end);
    out.push({ text: std, keyword, align, charOffset: first });
    const url = std.replaceAll('+', '-').replaceAll('/', '_');
    if (url !== std) out.push({ text: url, keyword, align, charOffset: first });
  }
  return out;
}

describe('base64 triggers', () => {
  const keywords = [...new Set(ALL_DETECTORS.flatMap((d) => d.keywords))];
  // Lengths 1 to 9 around every group boundary, and bytes whose base64 holds `+` and `/`.
  const edges = ['a', 'ab', 'abc', 'abcd', 'ghp_', '\xfb\xff\xbf', '~~~~~', '>?>?>?>', 'hooks.slack.com/'];

  it('encodes every registry keyword, batched, exactly as one at a time', () => {
    const all = [...keywords, ...edges];
    for (const alignments of [[0, 1, 2], [0], [2, 1]] as const) {
      const batched = base64TriggersOfAll(all, alignments);
      expect(batched).toHaveLength(all.length);
      all.forEach((k, i) => expect(batched[i], `${JSON.stringify(k)} at ${alignments.join(',')}`).toEqual(reference(k, alignments)));
    }
    expect(base64Triggers('ghp_')).toEqual(reference('ghp_', [0, 1, 2]));
    expect(base64TriggersOfAll([])).toEqual([]);
  });

  it('gives the URL-safe spelling only where it differs', () => {
    const [withSlash] = base64TriggersOfAll(['\xfb\xff\xbf']);
    expect(withSlash!.map((t) => t.text)).toContain('-_-_');
    expect(withSlash!.map((t) => t.text)).toContain('+/+/');
    expect(base64Triggers('ghp_').every((t) => !/[-_+/]/.test(t.text))).toBe(true);
  });
});
