import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_DETECTORS } from '../../detectors/registry.js';
import { createEngine } from '../../detectors/engine/engine.js';
import type { Match } from '../../detectors/types.js';

/**
 * External check of the legacy (heuristic) detectors against Nosey Parker's
 * labelled rule examples for generic passwords, URL and connection-string
 * credentials and the file formats the legacy tier covers. Prints precision
 * and recall, and fails when they drop below what was reached.
 *
 * Two label sets:
 * - "Nosey Parker": a text is a credential when any relevant rule lists it in
 *   `examples`, and not one when relevant rules list it only in `negative_examples`.
 * - "policy": the same, except the texts below, where the issue's placeholder
 *   policy disagrees with Nosey Parker (it reports `password = "password"`,
 *   `user:secret@localhost`, RFC 7617's Aladdin, fabricated keys). Each
 *   override says why. Weak but real passwords (`whiteduke`, `team10`) are NOT
 *   relabelled: they count as misses.
 *
 * The corpus lives outside the repository (it is full of realistic tokens); the
 * test skips when it is absent. It never prints corpus texts, only rule ids.
 */
const CORPUS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'noseyparker-examples.jsonl');

/** Nosey Parker rules whose credentials the legacy tier claims. */
const RELEVANT = new Set([
  'np.generic.1', 'np.generic.2', 'np.generic.3', 'np.generic.4', 'np.generic.5', 'np.generic.6', 'np.generic.7',
  'np.generic.8', 'np.generic.9', 'np.generic.10', 'np.generic.11', 'np.generic.12', 'np.generic.13', 'np.generic.14',
  'np.generic.15', 'np.generic.16', 'np.aws.2', 'np.aws.6', 'np.azure.1', 'np.azure.2', 'np.mongodb.1', 'np.postgres.1',
  'np.odbc.1', 'np.netrc.1', 'np.http.1', 'np.reactapp.2', 'np.gradle.1', 'np.phpmailer.1', 'np.psexec.1',
  'np.vmware.1', 'np.jwt.2', 'np.jwt.3', 'np.django.1',
]);

interface Override {
  readonly rule: string;
  /** A fragment that identifies the example text(s) of that rule. */
  readonly contains: string;
  readonly credential: boolean;
  readonly why: string;
}

const PLACEHOLDER = 'placeholder value (issue: placeholders are not findings)';
const OVERRIDES: readonly Override[] = [
  { rule: 'np.aws.2', contains: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', credential: false, why: 'filler: one repeated character' },
  { rule: 'np.aws.2', contains: 'FakeValues99', credential: false, why: 'value says it is fake' },
  { rule: 'np.azure.1', contains: 'AccountName=testacc1', credential: false, why: 'fabricated 74-character key; account keys are 88' },
  { rule: 'np.azure.2', contains: 'Secret=abCD1EF+GHIJxLMnOPqRS', credential: false, why: 'alphabet walk (abCD, EF, GHIJ, OPqRS): a documentation placeholder' },
  { rule: 'np.generic.3', contains: "'open sesame'", credential: false, why: 'RFC 7617 example credentials (Aladdin / open sesame)' },
  { rule: 'np.generic.4', contains: 'open_sesame', credential: false, why: 'RFC 7617 example credentials (Aladdin / open sesame)' },
  { rule: 'np.generic.4', contains: 'password=######', credential: false, why: 'mask' },
  { rule: 'np.generic.4', contains: 'thisismypassword', credential: false, why: PLACEHOLDER },
  { rule: 'np.generic.4', contains: '=mypassword', credential: false, why: PLACEHOLDER },
  { rule: 'np.generic.5', contains: 'super$ecret', credential: false, why: PLACEHOLDER },
  { rule: 'np.generic.5', contains: '"application:" + appKey', credential: false, why: 'code (string concatenation), no literal credential' },
  { rule: 'np.generic.5', contains: 'thisismypassword', credential: false, why: PLACEHOLDER },
  { rule: 'np.generic.5', contains: 'YOURPASSWROD', credential: false, why: PLACEHOLDER },
  { rule: 'np.generic.5', contains: 'Pass123!@#', credential: false, why: 'the word "Pass" and a digit/symbol run: a test-fixture default' },
  { rule: 'np.generic.6', contains: 'thisismypassword', credential: false, why: PLACEHOLDER },
  { rule: 'np.generic.8', contains: '"secret")', credential: false, why: PLACEHOLDER },
  { rule: 'np.generic.11', contains: "'Secret123'", credential: false, why: PLACEHOLDER },
  { rule: 'np.generic.13', contains: "is 'admin'", credential: false, why: PLACEHOLDER },
  { rule: 'np.generic.15', contains: 'open-sesame', credential: false, why: 'RFC 7617 example phrase' },
  { rule: 'np.generic.16', contains: 'open-sesame', credential: false, why: 'RFC 7617 example phrase' },
  { rule: 'np.generic.15', contains: '123P4ssW0rd@@', credential: false, why: 'leetspeak of "password"' },
  { rule: 'np.gradle.1', contains: 'password', credential: false, why: PLACEHOLDER },
  { rule: 'np.http.1', contains: 'QWxhZGRpbjpvcGVuIHNlc2FtZQ==', credential: false, why: 'RFC 7617 example credentials (Aladdin / open sesame)' },
  { rule: 'np.mongodb.1', contains: 'D1fficultP%40ssw0rd', credential: false, why: 'MongoDB documentation example, leetspeak of "password"' },
  { rule: 'np.netrc.1', contains: 'password pass123', credential: false, why: PLACEHOLDER },
  { rule: 'np.netrc.1', contains: 'password 012345abcdef', credential: false, why: 'sequential filler (012345abcdef)' },
  { rule: 'np.odbc.1', contains: 'Password=secret', credential: false, why: PLACEHOLDER },
  { rule: 'np.odbc.1', contains: '=myPassword', credential: false, why: PLACEHOLDER },
  { rule: 'np.odbc.1', contains: "#{datastore['DBPASSWORD']}", credential: false, why: 'Ruby interpolation, no literal credential' },
  { rule: 'np.phpmailer.1', contains: "Password   = 'secret'", credential: false, why: PLACEHOLDER },
  { rule: 'np.postgres.1', contains: 'user:secret@', credential: false, why: PLACEHOLDER },
  { rule: 'np.psexec.1', contains: '-p $Password', credential: false, why: 'variable reference' },
  { rule: 'np.psexec.1', contains: '-p %nothing%', credential: false, why: 'variable reference' },
  { rule: 'np.psexec.1', contains: '-p PASSWORD', credential: false, why: PLACEHOLDER },
  { rule: 'np.psexec.1', contains: '-p mypass', credential: false, why: PLACEHOLDER },
  { rule: 'np.reactapp.2', contains: '=smtp_password', credential: false, why: PLACEHOLDER },
  { rule: 'np.vmware.1', contains: '-Password "$password"', credential: false, why: 'variable reference' },
  { rule: 'np.vmware.1', contains: '-password $ESXipass', credential: false, why: 'variable reference' },
];

interface Example {
  readonly rules: string[];
  readonly text: string;
  /** Nosey Parker's label (union over relevant rules). */
  readonly np: boolean;
  /** The policy label. */
  readonly policy: boolean;
}

interface Row {
  readonly rule_id: string;
  readonly text: string;
  readonly expect: 'match' | 'no_match';
}

function load(): { relevant: Example[]; others: Row[]; unusedOverrides: Override[] } {
  const rows = readFileSync(CORPUS, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Row);
  const byText = new Map<string, { rules: string[]; np: boolean }>();
  for (const r of rows) {
    if (!RELEVANT.has(r.rule_id)) continue;
    const e = byText.get(r.text) ?? { rules: [], np: false };
    e.rules.push(r.rule_id);
    if (r.expect === 'match') e.np = true;
    byText.set(r.text, e);
  }
  const used = new Set<Override>();
  const relevant = [...byText].map(([text, e]) => {
    const o = OVERRIDES.find((x) => e.rules.includes(x.rule) && text.includes(x.contains));
    if (o) used.add(o);
    return { rules: [...new Set(e.rules)], text, np: e.np, policy: o ? o.credential : e.np };
  });
  return { relevant, others: rows.filter((r) => !RELEVANT.has(r.rule_id)), unusedOverrides: OVERRIDES.filter((o) => !used.has(o)) };
}

interface Score {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

function score(examples: readonly Example[], found: readonly boolean[], label: 'np' | 'policy'): Score {
  const s: Score = { tp: 0, fp: 0, fn: 0, tn: 0 };
  examples.forEach((e, i) => {
    const f = found[i]!;
    if (e[label]) f ? s.tp++ : s.fn++;
    else f ? s.fp++ : s.tn++;
  });
  return s;
}

const precision = (s: Score): number => s.tp / Math.max(1, s.tp + s.fp);
const recall = (s: Score): number => s.tp / Math.max(1, s.tp + s.fn);
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

describe('legacy detectors on the Nosey Parker corpus', () => {
  it.skipIf(!existsSync(CORPUS))(`reaches its precision/recall floors (corpus: ${CORPUS})`, () => {
    const { relevant, others, unusedOverrides } = load();
    // An override that matches nothing is a typo that silently changes the labels.
    expect(unusedOverrides.map((o) => `${o.rule} ${o.contains}`)).toEqual([]);

    const legacy = ALL_DETECTORS.filter((d) => d.tier === 'legacy');
    const engine = createEngine(legacy);
    const scan = (text: string): Match[] => engine.scan(Buffer.from(text, 'utf8'));
    const found = relevant.map((e) => scan(e.text).length > 0);

    const np = score(relevant, found, 'np');
    const policy = score(relevant, found, 'policy');
    const lines = [
      `legacy detectors: ${legacy.length}; relevant examples: ${relevant.length} (${relevant.filter((e) => e.np).length} credentials by Nosey Parker, ${relevant.filter((e) => e.policy).length} by policy)`,
      `Nosey Parker labels: precision ${pct(precision(np))}, recall ${pct(recall(np))}  (tp ${np.tp}, fp ${np.fp}, fn ${np.fn}, tn ${np.tn})`,
      `policy labels:       precision ${pct(precision(policy))}, recall ${pct(recall(policy))}  (tp ${policy.tp}, fp ${policy.fp}, fn ${policy.fn}, tn ${policy.tn})`,
    ];
    // Per rule, which examples were missed or wrongly reported (by index within the rule; never the text).
    const perRule = new Map<string, { n: number; misses: number; fps: number }>();
    relevant.forEach((e, i) => {
      for (const r of e.rules) {
        const p = perRule.get(r) ?? { n: 0, misses: 0, fps: 0 };
        p.n++;
        if (e.policy && !found[i]) p.misses++;
        if (!e.policy && found[i]) p.fps++;
        perRule.set(r, p);
      }
    });
    for (const [r, p] of [...perRule].sort()) lines.push(`  ${r.padEnd(16)} examples ${String(p.n).padStart(2)}  policy misses ${p.misses}  policy false positives ${p.fps}`);
    // Outside the relevant rules: negatives of other rules that a legacy detector reports. A text that is
    // also a `match` example of some rule (Vault's `s.` token is a negative of the `hvs.` rule) is a credential.
    const matchTexts = new Set([...relevant.filter((e) => e.np).map((e) => e.text), ...others.filter((r) => r.expect === 'match').map((r) => r.text)]);
    const otherNegatives = others.filter((r) => r.expect === 'no_match' && !matchTexts.has(r.text));
    const otherNegativeHits = otherNegatives.filter((r) => scan(r.text).length > 0).map((r) => r.rule_id);
    const otherPositiveHits = others.filter((r) => r.expect === 'match' && scan(r.text).length > 0).length;
    lines.push(`other rules: legacy findings on ${otherPositiveHits} of ${others.filter((r) => r.expect === 'match').length} credential examples (identifiable formats, also reported by their own detectors)`);
    lines.push(`other rules: legacy findings on ${otherNegativeHits.length} of ${otherNegatives.length} negative examples: ${otherNegativeHits.join(', ')}`);
    console.log(lines.join('\n'));

    // Floors reached when this test was written; raise them as the detectors improve.
    // Reached: precision 100% under both label sets, recall 91.1% (policy) and 41.5% (Nosey Parker).
    // The policy misses: a password with a 6-digit run (`abuser123456`), a word between digits (`4ian1234`),
    // an unquoted PHP value, a password equal to its user name for a dotless host, and a walk-like AWS key id.
    expect(precision(policy)).toBeGreaterThanOrEqual(0.97);
    expect(recall(policy)).toBeGreaterThanOrEqual(0.91);
    expect(precision(np)).toBeGreaterThanOrEqual(0.97);
    expect(recall(np)).toBeGreaterThanOrEqual(0.41);
    // Of Nosey Parker's other negatives, legacy findings are right on three (Auth0 and Gitalk client
    // secrets, a UUID npm token: negatives only for those rules' narrower shapes).
    expect(otherNegativeHits.length).toBeLessThanOrEqual(3);
  });
});
