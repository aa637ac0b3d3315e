import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_DETECTORS } from './registry.js';
import { createEngine } from './engine/engine.js';
import type { Detector } from './types.js';
import type { DetectorExamples } from './examples-types.js';
import { TokenFactory } from '../test/support/token-factory.js';
import { TABLES, TABLE_ENTRIES } from './tables/tables.js';

/**
 * Runs every detector through the real engine (prefilter, RE2, boundary
 * check, validator) against its own examples and negatives, and reports every
 * failure at once rather than the first.
 */
const here = import.meta.dirname;
const folders = readdirSync(here, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(here, e.name, 'detector.ts')))
  .map((e) => e.name)
  .sort();

const tableFiles = readdirSync(join(here, 'tables'))
  .filter((f) => f.endsWith('.ts') && f !== 'tables.ts' && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -3))
  .sort();

async function load(folder: string): Promise<{ detector: Detector; examples: DetectorExamples }> {
  const d = (await import(`./${folder}/detector.ts`)) as { detector: Detector };
  const e = (await import(`./${folder}/examples.ts`)) as { examples: DetectorExamples };
  return { detector: d.detector, examples: e.examples };
}

/** Every detector with its examples, whether declared in a folder or as a table row, labelled by where. */
async function everyDetector(): Promise<Array<{ where: string; detector: Detector; examples: DetectorExamples }>> {
  const out: Array<{ where: string; detector: Detector; examples: DetectorExamples }> = [];
  for (const folder of folders) out.push({ where: folder, ...(await load(folder)) });
  for (const e of TABLE_ENTRIES) out.push({ where: `tables/${e.table}:${e.row.id}`, detector: e.detector, examples: e.examples });
  return out;
}

const ID_SHAPE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Identifiable detectors that declare no `randomPart` (the engine's shared
 * placeholder judgment, detectors/builders/placeholder-token.ts, then does
 * not apply to them), each with the reason. Every other identifiable
 * detector, folder or table row, must declare one.
 */
const RANDOM_PART_EXEMPT: Readonly<Record<string, string>> = {
  // Private keys: the secret is a structure (PEM, PPK, OpenPGP packets, PKCS#8/#12, JKS) whose
  // validators check the key material itself; there is no run of characters a generator drew and
  // a person could have typed instead.
  'private-key-pem': 'PEM private key block: ASN.1 key structure, checked by its validator',
  'private-key-pem-encrypted': 'encrypted PEM private key block: ciphertext inside a key structure',
  'private-key-pem-base64': 'base64 of a whole PEM private key block: the structure is checked after decoding',
  'private-key-der-base64': 'base64 of a DER private key: ASN.1 key structure',
  'putty-private-key': 'PuTTY .ppk file: key structure with its own MAC',
  'putty-private-key-encrypted': 'encrypted PuTTY .ppk file: key structure with its own MAC',
  'gcp-service-account-key': 'service-account key file: the secret is its private key, whose DER framing the validator checks',
  'pgp-private-key': 'OpenPGP secret key block: packet structure',
  'pgp-private-key-encrypted': 'encrypted OpenPGP secret key block: packet structure',
  'java-keystore-base64': 'base64 of a JKS/JCEKS keystore: the keystore and key structure are checked',
};

describe('detector conformance', () => {
  it('has one registered detector per folder, with well-formed unique metadata', async () => {
    const problems: string[] = [];
    const ids = new Set<string>();
    for (const d of ALL_DETECTORS) {
      if (ids.has(d.id)) problems.push(`${d.id}: duplicate id`);
      ids.add(d.id);
      if (!ID_SHAPE.test(d.id)) problems.push(`${d.id}: id is not kebab-case`);
      for (const field of ['family', 'provider', 'title', 'docs', 'revoke'] as const) {
        if (!d[field] || d[field].trim() === '') problems.push(`${d.id}: missing ${field}`);
      }
      if (!/^https:\/\//.test(d.docs)) problems.push(`${d.id}: docs is not an https URL`);
      if (d.keywords.length === 0) problems.push(`${d.id}: no keywords`);
      for (const k of d.keywords) if (k.length < 3) problems.push(`${d.id}: keyword "${k}" shorter than 3`);
      if (!d.pattern.includes('(?P<secret>')) problems.push(`${d.id}: pattern has no (?P<secret>...) group`);
    }
    for (const folder of folders) {
      const { detector } = await load(folder);
      if (detector.id !== folder) problems.push(`${folder}: folder name differs from id ${detector.id}`);
      if (!ALL_DETECTORS.includes(detector)) problems.push(`${folder}: not in registry.ts`);
      if (TABLE_ENTRIES.some((e) => e.row.id === folder)) problems.push(`${folder}: declared both as a folder and as a table row`);
    }
    const listed = TABLES.map((t) => t.name).sort();
    if (JSON.stringify(listed) !== JSON.stringify(tableFiles)) problems.push(`tables.ts lists ${listed.join(', ')}; files are ${tableFiles.join(', ')}`);
    for (const e of TABLE_ENTRIES) {
      if (!ALL_DETECTORS.includes(e.detector)) problems.push(`tables/${e.table}:${e.row.id}: not in the registry`);
      if (e.detector.tier !== 'identifiable') problems.push(`tables/${e.table}:${e.row.id}: rows are identifiable formats`);
    }
    expect(problems).toEqual([]);
  });

  it('every identifiable detector declares its random part, unless exempt with a reason', async () => {
    const problems: string[] = [];
    const all = await everyDetector();
    for (const { where, detector } of all) {
      if (detector.tier !== 'identifiable') continue;
      const exempt = RANDOM_PART_EXEMPT[detector.id];
      if (detector.randomPart === undefined && exempt === undefined) problems.push(`${where}: identifiable but declares no randomPart`);
      if (detector.randomPart !== undefined && exempt !== undefined) problems.push(`${where}: declares a randomPart but is listed as exempt`);
      const rp = detector.randomPart;
      if (rp && !(rp.alphabet.length >= 2 && rp.minLength >= 1 && rp.maxLength >= rp.minLength)) {
        problems.push(`${where}: randomPart has a bad alphabet or length range`);
      }
    }
    for (const id of Object.keys(RANDOM_PART_EXEMPT)) {
      const d = all.find((x) => x.detector.id === id)?.detector;
      if (d === undefined) problems.push(`${id}: exempt from randomPart but not a detector`);
      else if (d.tier !== 'identifiable') problems.push(`${id}: exempt from randomPart but not identifiable`);
    }
    expect(problems).toEqual([]);
  });

  it('every detector finds each of its examples and none of its negatives, through the full engine', async () => {
    const engine = createEngine(ALL_DETECTORS);
    const problems: string[] = [];
    let checked = 0;
    for (const { where: folder, detector, examples } of await everyDetector()) {
      const t = new TokenFactory(folder);
      const positives = examples.positives(t);
      if (positives.length < 2) problems.push(`${folder}: fewer than 2 positive examples`);
      if (examples.negatives(new TokenFactory(folder)).length < 2) problems.push(`${folder}: fewer than 2 negative examples`);
      for (const [i, ex] of positives.entries()) {
        checked++;
        const found = engine.scan(Buffer.from(ex.text, 'latin1')).filter((m) => m.detector.id === detector.id);
        if (!found.some((m) => m.secret === ex.secret)) {
          problems.push(`${folder}: positive #${i} not found (got ${found.length} other matches)`);
          continue;
        }
        if (ex.companion !== undefined && !found.some((m) => m.companion?.value === ex.companion)) {
          problems.push(`${folder}: positive #${i} companion not attached`);
        }
        const at = ex.text.indexOf(ex.secret);
        const m = found.find((f) => f.secret === ex.secret)!;
        if (m.start !== at) problems.push(`${folder}: positive #${i} offset ${m.start}, expected ${at}`);
      }
      for (const [i, text] of examples.negatives(t).entries()) {
        checked++;
        const found = engine.scan(Buffer.from(text, 'latin1')).filter((m) => m.detector.id === detector.id);
        if (found.length > 0) problems.push(`${folder}: negative #${i} matched`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('custom detectors of the sample config (docs/custom-detectors.example.yaml) find their positives and none of their negatives, through the full engine', async () => {
    const { loadCustomConfig } = await import('../scanner/custom-config.js');
    const { expandTemplate } = await import('./custom/custom-detectors.js');
    const { parse } = await import('yaml');
    const { readFileSync } = await import('node:fs');
    const path = join(here, '../docs/custom-detectors.example.yaml');
    // Loading checks each detector's examples against itself alone; here they run beside every built-in detector.
    const config = await loadCustomConfig(path);
    const engine = createEngine([...ALL_DETECTORS, ...config.detectors]);
    const raw = (parse(readFileSync(path, 'utf8')) as { detectors: Array<{ id: string; examples: { positive: string[]; negative?: string[] } }> }).detectors;
    let n = 7;
    const random = (m: number): number => (n = (n * 48271) % 2147483647) % m;
    const problems: string[] = [];
    for (const d of raw) {
      for (const [i, p] of d.examples.positive.entries()) {
        if (!engine.scan(Buffer.from(expandTemplate(p, random, d.id))).some((m) => m.detector.id === d.id)) problems.push(`${d.id}: positive #${i} not found`);
      }
      for (const [i, q] of (d.examples.negative ?? []).entries()) {
        if (engine.scan(Buffer.from(expandTemplate(q, random, d.id))).some((m) => m.detector.id === d.id)) problems.push(`${d.id}: negative #${i} matched`);
      }
    }
    expect(config.detectors.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});
