import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendCaskChecksum, bytesToBase62, caskChecksumEncodings, hasValidCaskChecksum } from './microsoft-cask.js';
import { createEngine } from '../engine/engine.js';
import { detector as adoPat } from '../azure-devops-pat/detector.js';
import { detector as aiServices } from '../azure-ai-services-key/detector.js';
import { detector as genericCask } from '../microsoft-cask-key/detector.js';
import { TokenFactory, ALPHA } from '../../test/support/token-factory.js';

/**
 * A real-format Azure DevOps PAT published as a rule example by
 * praetorian-inc/noseyparker (crates/noseyparker/data/default/builtin/rules/azure.yml,
 * rule np.azure.4, commit 2e6e7f36), split so this file holds no detectable token.
 */
const NOSEYPARKER_ADO_PAT = [
  '6RtqHqPc66Y6DYbkydbrrFJTYnRoA7r40ts7LWS2SkINSFsRABxh',
  'JQQJ' + '99BF',
  'ACAAAAALGcqj' + 'AAAS',
  'AZ' + 'DO',
  '3eqU',
].join('');

const corpus = join(import.meta.dirname, '../../../shared/corpus/noseyparker-examples.jsonl');

describe('legacy CASK checksum', () => {
  it('encodes bytes to base62 like Base62.Net (big-endian number, one 0 per leading zero byte)', () => {
    expect(bytesToBase62(Uint8Array.of(0xff, 0xff, 0xff, 0xff))).toBe('4gfFC3');
    expect(bytesToBase62(Uint8Array.of(0, 0, 0, 0))).toBe('0000');
    expect(bytesToBase62(Uint8Array.of(0, 0, 0, 61))).toBe('000z');
    expect(bytesToBase62(Uint8Array.of(0, 0, 1, 0))).toBe('0048');
    expect(bytesToBase62(Uint8Array.of(1))).toBe('1');
  });

  it('accepts the published Azure DevOps PAT, and rejects it with any checksum character changed', () => {
    expect(NOSEYPARKER_ADO_PAT).toHaveLength(84);
    expect(hasValidCaskChecksum(NOSEYPARKER_ADO_PAT)).toBe(true);
    for (let at = 80; at < 84; at++) {
      const changed = NOSEYPARKER_ADO_PAT.slice(0, at) + (NOSEYPARKER_ADO_PAT[at] === 'A' ? 'B' : 'A') + NOSEYPARKER_ADO_PAT.slice(at + 1);
      expect(hasValidCaskChecksum(changed)).toBe(false);
    }
    // A change anywhere in the checksummed part breaks it too.
    expect(hasValidCaskChecksum(NOSEYPARKER_ADO_PAT.replace('6Rtq', '6Rtr'))).toBe(false);
  });

  it('finds the published PAT through the engine, as the ADO detector and no other CASK detector', () => {
    const engine = createEngine([adoPat, aiServices, genericCask]);
    const text = `azure_devops_pat = "${NOSEYPARKER_ADO_PAT}"\n`;
    const found = engine.scan(Buffer.from(text));
    expect(found.map((m) => [m.detector.id, m.secret === NOSEYPARKER_ADO_PAT])).toEqual([['azure-devops-pat', true]]);
  });

  it('accepts both checksum encodings in both forms, and nothing else', () => {
    const t = new TokenFactory('cask');
    for (let i = 0; i < 50; i++) {
      const first80 = `${t.chars(ALPHA.base62, 52)}JQQJ99BC${t.chars(ALPHA.base62, 16)}AZEG`;
      const { base62 } = caskChecksumEncodings(first80);
      // The long form's 6th character is canonical base64: its 4 low bits are zero.
      expect('AQgw').toContain(base62[5]);
      for (const encoding of ['base62', 'base64'] as const) {
        for (const longForm of [false, true]) {
          const key = appendCaskChecksum(first80, { encoding, longForm });
          expect(key).toHaveLength(longForm ? 88 : 84);
          expect(hasValidCaskChecksum(key)).toBe(true);
        }
      }
      expect(hasValidCaskChecksum(`${first80}0000`)).toBe(base62.startsWith('0000'));
    }
    expect(hasValidCaskChecksum(NOSEYPARKER_ADO_PAT.slice(0, 83))).toBe(false);
    expect(hasValidCaskChecksum(`${NOSEYPARKER_ADO_PAT}AAAA`)).toBe(false);
  });

  it.skipIf(!existsSync(corpus))('finds the real-format CASK PATs of the Nosey Parker corpus and rejects its fabricated ones', () => {
    const engine = createEngine([adoPat, aiServices, genericCask]);
    const lines = readFileSync(corpus, 'utf8').split('\n').filter(Boolean);
    const examples = lines
      .map((l) => JSON.parse(l) as { rule_id: string; text: string; expect: string })
      .filter((e) => e.rule_id === 'np.azure.4' && e.expect === 'match');
    const found = examples.map((e) => engine.scan(Buffer.from(e.text, 'latin1')).length);
    // Of its four examples one carries a valid checksum; one has no CASK layout at all, and two
    // (`JQQJ98`, `JQQJ96`) fail the checksum, also with the kind character set back to `9`.
    expect(found).toEqual([1, 0, 0, 0]);
  });
});
