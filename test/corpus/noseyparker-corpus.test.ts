import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_DETECTORS, IDENTIFIABLE_DETECTORS } from '../../detectors/registry.js';
import { createEngine, type Engine } from '../../detectors/engine/engine.js';
import { redact } from '../../detectors/engine/redact.js';
import type { Detector } from '../../detectors/types.js';

/**
 * External check against Nosey Parker's labelled rule examples, read from the
 * shared corpus folder beside the repository (never copied into it).
 *
 * For every Nosey Parker rule that corresponds to a format pushgate claims,
 * the mapped detectors (selected from the registry by keyword, so detectors
 * added later are picked up) must:
 * - report a `match` example, or reject it in their validator (checksum or
 *   structure): a correct rejection, listed;
 * - report nothing on a `no_match` example of that rule, unless the same text
 *   is a `match` example of another mapped rule that the reporting detector
 *   also serves (Nosey Parker's negatives often are other rules' positives).
 * Anything else is a miss, which fails the test unless listed in KNOWN_MISSES.
 */
const CORPUS = join(import.meta.dirname, '../../../shared/corpus/noseyparker-examples.jsonl');
const available = existsSync(CORPUS);

interface RuleMapping {
  readonly rule: string;
  /** Detectors having a keyword that starts with one of these (or that one of these starts with). */
  readonly keywords?: readonly string[];
  /** Or detectors whose id matches. */
  readonly ids?: RegExp;
}

/** Nosey Parker rules for the formats listed in shared/FORMATS.md. */
const MAPPINGS: readonly RuleMapping[] = [
  { rule: 'np.github.1', keywords: ['ghp_'] },
  { rule: 'np.github.2', keywords: ['gho_'] },
  { rule: 'np.github.3', keywords: ['ghu_', 'ghs_'] },
  { rule: 'np.github.4', keywords: ['ghr_'] },
  { rule: 'np.github.7', keywords: ['github_pat_'] },
  { rule: 'np.npm.1', keywords: ['npm_'] },
  { rule: 'np.aws.1', keywords: ['AKIA', 'ASIA'] },
  { rule: 'np.azure.3', ids: /azure-devops/ },
  { rule: 'np.azure.4', ids: /azure-devops/ },
  { rule: 'np.slack.2', keywords: ['xoxb-'] },
  { rule: 'np.slack.3', keywords: ['hooks.slack.com'] },
  { rule: 'np.slack.4', keywords: ['xoxp-'] },
  { rule: 'np.slack.5', keywords: ['xapp-'] },
  { rule: 'np.slack.6', keywords: ['xoxb-'] },
  { rule: 'np.stripe.1', keywords: ['sk_live_', 'rk_live_'] },
  { rule: 'np.gitlab.1', keywords: ['GR1348941'] },
  { rule: 'np.gitlab.2', keywords: ['glpat-'] },
  { rule: 'np.gitlab.3', keywords: ['glptt-'] },
  { rule: 'np.google.5', keywords: ['AIza'] },
  { rule: 'np.openai.1', keywords: ['T3BlbkFJ'] },
  { rule: 'np.anthropic.1', keywords: ['sk-ant-api03-'] },
  { rule: 'np.sendgrid.1', keywords: ['SG.'] },
  { rule: 'np.shopify.2', keywords: ['shpss_'] },
  { rule: 'np.shopify.3', keywords: ['shpat_'] },
  { rule: 'np.shopify.4', keywords: ['shpca_'] },
  { rule: 'np.shopify.5', keywords: ['shppa_'] },
  { rule: 'np.digitalocean.1', keywords: ['doo_v1_'] },
  { rule: 'np.digitalocean.2', keywords: ['dop_v1_'] },
  { rule: 'np.digitalocean.3', keywords: ['dor_v1_'] },
  { rule: 'np.huggingface.1', keywords: ['hf_'] },
  { rule: 'np.postman.1', keywords: ['PMAK-'] },
  { rule: 'np.pypi.1', keywords: ['pypi-AgEIcHlwaS5vcmc'] },
  { rule: 'np.databricks.1', keywords: ['dapi'] },
  { rule: 'np.doppler.1', keywords: ['dp.ct.'] },
  { rule: 'np.doppler.2', keywords: ['dp.pt.'] },
  { rule: 'np.doppler.3', keywords: ['dp.st.'] },
  { rule: 'np.doppler.4', keywords: ['dp.sa.'] },
  { rule: 'np.doppler.5', keywords: ['dp.scim.'] },
  { rule: 'np.doppler.6', keywords: ['dp.audit.'] },
  { rule: 'np.hashicorp.4', keywords: ['hvs.'] },
  { rule: 'np.hashicorp.5', keywords: ['hvb.'] },
  { rule: 'np.atlassian.1', keywords: ['ATATT3'] },
  { rule: 'np.grafana.2', keywords: ['glc_'] },
  { rule: 'np.grafana.3', keywords: ['glsa_'] },
  { rule: 'np.age.2', keywords: ['AGE-SECRET-KEY-1'] },
  { rule: 'np.nuget.1', keywords: ['oy2'] },
  { rule: 'np.pem.1', keywords: ['PRIVATE KEY'] },
  { rule: 'np.pem.2', keywords: ['LS0tLS1CRUdJTi'] },
];
// Deliberately not mapped: np.hashicorp.1-3 (pre-1.10 `s.`/`b.`/`r.` tokens), np.hashicorp.6
// (`hvr.` recovery tokens), np.grafana.1 (legacy `eyJrIjoi` API keys), np.azure.1/2 (connection
// strings whose keys need not be identifiable), np.stripe.2 (test keys), np.aws.2 (a secret key
// without its key id): pushgate does not claim these as identifiable formats.

interface KnownMiss {
  readonly rule: string;
  /** First 12 hex digits of the SHA-256 of the example text (printed with every miss). */
  readonly sha: string;
  readonly reason: string;
}

/** Accepted misses: examples whose token does not have the format pushgate claims. */
const KNOWN_MISSES: readonly KnownMiss[] = [
  {
    rule: 'np.hashicorp.4',
    sha: 'c97e6b719270',
    reason: 'hvs. + 37 characters: neither a 24-character random token nor a base64url SignedToken (90+ characters); fabricated shape',
  },
  { rule: 'np.aws.1', sha: '24f214eb88bd', reason: 'A3T key id prefix: pushgate claims AKIA and ASIA only' },
  {
    rule: 'np.azure.3',
    sha: 'edd102ae7818',
    reason: 'legacy 52-character PAT with no prefix and no nearby context word: not identifiable on its own',
  },
  { rule: 'np.azure.4', sha: 'b5d6767961b9', reason: 'no JQQJ9 CASK signature at offset 52: not the current PAT format' },
  {
    rule: 'np.azure.4',
    sha: 'ad4470bad138',
    reason: 'CASK kind character 8, not the PAT kind 9; its Marvin32 checksum fails as well (checked with every kind allowed)',
  },
  {
    rule: 'np.azure.4',
    sha: 'afcfae50a2ac',
    reason: 'CASK kind character 6, not the PAT kind 9; its Marvin32 checksum fails as well (checked with every kind allowed)',
  },
  { rule: 'np.slack.5', sha: '92860ac3dc1d', reason: 'not the documented xapp-<digit>-<id>-<digits>-<64 hex> shape' },
  { rule: 'np.openai.1', sha: '5a141a41a2b1', reason: 'the T3BlbkFJ marker is altered in the example, so it is not an OpenAI key shape' },
];

interface Example {
  readonly rule_id: string;
  readonly text: string;
  readonly expect: 'match' | 'no_match';
  readonly rulesets?: readonly string[];
}

function loadExamples(): Example[] {
  return readFileSync(CORPUS, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Example);
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 12);

function select(mapping: RuleMapping, detectors: readonly Detector[]): Detector[] {
  return detectors.filter(
    (d) =>
      (mapping.ids !== undefined && mapping.ids.test(d.id)) ||
      (mapping.keywords ?? []).some((sel) => d.keywords.some((k) => k.startsWith(sel) || sel.startsWith(k))),
  );
}

function scanFor(engine: Engine, text: string, detectors: readonly Detector[]): Array<{ id: string; secret: string }> {
  const ids = new Set(detectors.map((d) => d.id));
  return engine
    .scan(Buffer.from(text, 'utf8'))
    .filter((m) => ids.has(m.detector.id))
    .map((m) => ({ id: m.detector.id, secret: m.secret }));
}

describe('Nosey Parker labelled examples', () => {
  const title = available
    ? 'are matched, correctly rejected, or accepted misses, with no false positives'
    : `skipped: corpus not found at ${CORPUS} (the shared folder is absent)`;
  it.skipIf(!available)(title, () => {
    const examples = loadExamples();
    const engine = createEngine(IDENTIFIABLE_DETECTORS);

    const selected = new Map(MAPPINGS.map((m) => [m.rule, select(m, IDENTIFIABLE_DETECTORS)]));
    // Which detectors serve the `match` examples of each text, for the overlap exemption.
    const matchOwners = new Map<string, Set<string>>();
    for (const ex of examples) {
      if (ex.expect !== 'match') continue;
      const owners = matchOwners.get(ex.text) ?? new Set<string>();
      for (const d of selected.get(ex.rule_id) ?? []) owners.add(d.id);
      matchOwners.set(ex.text, owners);
    }

    const summary: string[] = [];
    const rejections: string[] = [];
    const misses: string[] = [];
    const falsePositives: string[] = [];
    const overlaps: string[] = [];
    const usedKnown = new Set<KnownMiss>();

    for (const mapping of MAPPINGS) {
      const detectors = selected.get(mapping.rule)!;
      const ruleExamples = examples.filter((e) => e.rule_id === mapping.rule);
      if (detectors.length === 0) {
        summary.push(`${mapping.rule.padEnd(18)} no detector registered yet (${ruleExamples.length} examples not checked)`);
        continue;
      }
      // The same detectors without validators: tells a checksum/structure rejection from a miss.
      const unvalidated = createEngine(detectors.map((d) => ({ ...d, validate: undefined, randomPart: undefined })));
      const counts = { matched: 0, rejected: 0, missed: 0, known: 0, fp: 0, negatives: 0 };
      for (const ex of ruleExamples) {
        const found = scanFor(engine, ex.text, detectors);
        const tag = `${mapping.rule} #${sha(ex.text)}`;
        if (ex.expect === 'match') {
          if (found.length > 0) {
            counts.matched++;
            continue;
          }
          const candidates = scanFor(unvalidated, ex.text, detectors);
          if (candidates.length > 0) {
            counts.rejected++;
            rejections.push(`${tag}: ${candidates.map((c) => `${c.id} rejected ${redact(c.secret)}`).join(', ')}`);
            continue;
          }
          const known = KNOWN_MISSES.find((k) => k.rule === mapping.rule && k.sha === sha(ex.text));
          if (known) {
            usedKnown.add(known);
            counts.known++;
          } else {
            counts.missed++;
            misses.push(`${tag}: no candidate from ${detectors.map((d) => d.id).join(', ')}`);
          }
        } else {
          counts.negatives++;
          const unexpected = found.filter((f) => !matchOwners.get(ex.text)?.has(f.id));
          for (const f of found.filter((x) => !unexpected.includes(x))) {
            overlaps.push(`${tag}: ${f.id} reports it; the same text is a match example of a rule it serves`);
          }
          if (unexpected.length > 0) {
            counts.fp++;
            falsePositives.push(`${tag}: ${unexpected.map((f) => `${f.id} reported ${redact(f.secret)}`).join(', ')}`);
          }
        }
      }
      summary.push(
        `${mapping.rule.padEnd(18)} matched ${counts.matched}, correct rejections ${counts.rejected}, ` +
          `misses ${counts.missed} (+${counts.known} known), false positives ${counts.fp}/${counts.negatives} ` +
          `[${detectors.map((d) => d.id).join(', ')}]`,
      );
    }
    const staleKnown = KNOWN_MISSES.filter((k) => !usedKnown.has(k) && (selected.get(k.rule)?.length ?? 0) > 0);

    console.log(
      [
        `Nosey Parker corpus: ${examples.length} examples, ${MAPPINGS.length} mapped rules`,
        ...summary,
        '',
        `Correct rejections (validator refused the candidate): ${rejections.length}`,
        ...rejections.map((r) => `  ${r}`),
        `Overlaps (no_match of one rule, match of another the detector serves): ${overlaps.length}`,
        ...overlaps.map((r) => `  ${r}`),
        `Accepted known misses: ${usedKnown.size}`,
        ...[...usedKnown].map((k) => `  ${k.rule} #${k.sha}: ${k.reason}`),
      ].join('\n'),
    );

    expect({ misses, falsePositives, staleKnown: staleKnown.map((k) => `${k.rule} #${k.sha}`) }).toEqual({
      misses: [],
      falsePositives: [],
      staleKnown: [],
    });
  });
});

/**
 * Default-ruleset `match` examples that any pushgate detector reports (all
 * tiers: identifiable formats block, legacy and context-required ones are
 * reported by scans). The denominator leaves out the examples whose token an
 * identifiable validator rejects (a fabricated checksum or structure) and
 * that nothing else reports; such a token must not be reported by any other
 * detector either. Raise FLOOR as the catalogue grows.
 */
const FLOOR = 256;

describe('Nosey Parker labelled examples, overall', () => {
  const title = available ? 'default-ruleset match examples found by any detector' : `skipped: corpus not found at ${CORPUS}`;
  it.skipIf(!available)(title, () => {
    const examples = loadExamples();
    const engine = createEngine(ALL_DETECTORS);
    const unvalidated = createEngine(IDENTIFIABLE_DETECTORS.map((d) => ({ ...d, validate: undefined, randomPart: undefined })));
    const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

    let total = 0;
    let found = 0;
    const fabricated: string[] = [];
    const fabricatedReported: string[] = [];
    const misses = new Map<string, number>();
    for (const ex of examples) {
      if (ex.expect !== 'match' || ex.rulesets?.[0] !== 'default') continue;
      total++;
      const matches = engine.scan(Buffer.from(ex.text, 'utf8'));
      const rejected = unvalidated
        .scan(Buffer.from(ex.text, 'utf8'))
        .filter((c) => !matches.some((m) => m.detector.tier === 'identifiable' && overlaps(m, c)));
      for (const c of rejected) {
        for (const m of matches.filter((x) => overlaps(x, c))) {
          fabricatedReported.push(`${ex.rule_id} #${sha(ex.text)}: ${m.detector.id} reports ${redact(m.secret)}, which ${c.detector.id} rejects`);
        }
      }
      if (matches.length > 0) found++;
      else if (rejected.length > 0) fabricated.push(`${ex.rule_id} #${sha(ex.text)}: ${[...new Set(rejected.map((c) => c.detector.id))].join(', ')}`);
      else misses.set(ex.rule_id, (misses.get(ex.rule_id) ?? 0) + 1);
    }
    const denominator = total - fabricated.length;

    // No_match examples of the rules mapped above that an identifiable detector reports, unless the text
    // is some rule's `match` example (Nosey Parker's negatives are often other rules' positives).
    const mapped = new Set(MAPPINGS.map((m) => m.rule));
    const matchTexts = new Set(examples.filter((e) => e.expect === 'match').map((e) => e.text));
    const identifiableFalsePositives = examples
      .filter((e) => e.expect === 'no_match' && mapped.has(e.rule_id) && !matchTexts.has(e.text))
      .flatMap((e) =>
        engine
          .scan(Buffer.from(e.text, 'utf8'))
          .filter((m) => m.detector.tier === 'identifiable')
          .map((m) => `${e.rule_id} #${sha(e.text)}: ${m.detector.id} reported ${redact(m.secret)}`),
      );

    console.log(
      [
        `Nosey Parker default ruleset: ${found}/${denominator} match examples found by a pushgate detector ` +
          `(${(100 * found / denominator).toFixed(1)}%; ${total} examples, ${fabricated.length} left out: a validator rejects their fabricated token)`,
        `Left out (fabricated): ${fabricated.length}`,
        ...fabricated.map((f) => `  ${f}`),
        `Misses by rule: ${[...misses].sort(([a], [b]) => a.localeCompare(b)).map(([r, n]) => `${r} ${n}`).join(', ')}`,
      ].join('\n'),
    );

    expect({ fabricatedReported, identifiableFalsePositives }).toEqual({ fabricatedReported: [], identifiableFalsePositives: [] });
    expect(found).toBeGreaterThanOrEqual(FLOOR);
  });
});
