import { describe, expect, it } from 'vitest';
import { createEngine, secretOpensWithKeyword, type Engine } from './engine.js';
import { ALL_DETECTORS } from '../registry.js';
import type { Detector } from '../types.js';
import { examplesOf } from '../../test/support/detector-examples.js';
import { TokenFactory } from '../../test/support/token-factory.js';

/**
 * The engine skips a keyword hit that sits inside a longer run of its
 * owners' alphabets when every owner's secret opens with a keyword
 * (secretOpensWithKeyword): such a hit leads to no match that the secret's
 * own hit does not. These check which detectors qualify, read from the
 * pattern and not its twin, and that the engine with its fast paths reports
 * exactly what the reference engine (no shortcuts) reports on texts that
 * glue each detector's examples to alphabet bytes, escapes and
 * percent-escapes, one detector at a time and all of them together.
 */
const byId = (id: string): Detector => ALL_DETECTORS.find((d) => d.id === id)!;

describe('secretOpensWithKeyword', () => {
  const npm = byId('npm-access-token');
  const like = (pattern: string, keywords: readonly string[] = ['npm_'], keywordsIgnoreCase = false): Detector => ({ ...npm, pattern, keywords, keywordsIgnoreCase });

  it('holds for a literal or an alternation of literals that open with a keyword', () => {
    expect(secretOpensWithKeyword(like('(?P<secret>npm_[A-Za-z0-9]{36})'))).toBe(true);
    expect(secretOpensWithKeyword(like('(?P<secret>(?:AKIA|ASIA)[A-Z2-7]{16})', ['AKIA', 'ASIA']))).toBe(true);
    expect(secretOpensWithKeyword(like('(?P<secret>hooks\\.slack\\.com/x[0-9]+)', ['hooks.slack.com']))).toBe(true);
    expect(secretOpensWithKeyword(like('(?P<secret>NPM_[a-z]{4})', ['npm_'], true))).toBe(true);
  });

  it('does not hold when anything may come before the keyword', () => {
    // A keyword in the middle (Mailchimp's `-us`), though the twin starts at it.
    expect(secretOpensWithKeyword(like('(?P<secret>[0-9a-f]{32}-us[0-9]{1,2})', ['-us']))).toBe(false);
    // A quantified last character, an alternation outside the group, an alternative without the keyword.
    expect(secretOpensWithKeyword(like('(?P<secret>npm_?[A-Za-z0-9]{36})'))).toBe(false);
    expect(secretOpensWithKeyword(like('(?P<secret>npm_[a-z]{4}|x[0-9]{8})'))).toBe(false);
    expect(secretOpensWithKeyword(like('(?P<secret>(?:npm_|pnpm_)[a-z]{4})'))).toBe(false);
    expect(secretOpensWithKeyword(like('(?P<secret>(?:npm_|npx_)?[a-z]{4})'))).toBe(false);
    // A context before the secret, a case-insensitive keyword against a case-sensitive one.
    expect(secretOpensWithKeyword(like('key=(?P<secret>npm_[a-z]{4})'))).toBe(false);
    expect(secretOpensWithKeyword(like('(?P<secret>NPM_[a-z]{4})', ['npm_'], false))).toBe(false);
  });

  it('holds for prefixed formats of the registry and not for those with a keyword inside', () => {
    for (const id of ['npm-access-token', 'aws-access-key', 'resend-api-key', 'github-pat-classic']) expect(secretOpensWithKeyword(byId(id)), id).toBe(true);
    for (const id of ['mailchimp-api-key', 'azure-storage-account-key', 'telegram-bot-token', 'new-relic-license-key']) expect(secretOpensWithKeyword(byId(id)), id).toBe(false);
  });
});

describe('hits inside longer runs', () => {
  const qualifying = ALL_DETECTORS.filter((d) => secretOpensWithKeyword(d) && d.alphabet !== '');

  /** Each positive example, and copies with bytes glued before its secret: an alphabet byte, escapes, percent-escapes. */
  async function texts(d: Detector, t: TokenFactory): Promise<string[]> {
    const ex = await examplesOf(d.id);
    const out: string[] = [];
    for (const p of ex.positives(t)) {
      const at = p.text.indexOf(p.secret);
      out.push(p.text);
      if (at < 0) continue;
      const before = p.text.slice(0, at);
      const after = p.text.slice(at);
      for (const glue of ['x', 'Z', '7', '_', '-', '\\n', '\\\\n', '%3D', 'x%3D', '\\t', 'n', '%']) out.push(`${before}${glue}${after}`);
    }
    return out;
  }

  const found = (engine: Engine, text: string): string[] =>
    engine.scan(Buffer.from(text, 'latin1')).map((m) => `${m.detector.id}@${m.start}:${m.secret.length}`);

  it('qualify: most prefixed formats', () => {
    expect(qualifying.length).toBeGreaterThan(150);
  });

  it('each qualifying detector reports what the reference engine reports', async () => {
    const t = new TokenFactory('left-bound');
    const differences: string[] = [];
    let reported = 0;
    for (const d of qualifying) {
      const fast = createEngine([d], { decode: false });
      const reference = createEngine([d], { decode: false, fastPaths: false });
      for (const text of await texts(d, t)) {
        const a = found(fast, text);
        const b = found(reference, text);
        reported += b.length;
        if (a.join() !== b.join()) differences.push(`${d.id}: ${a.join()} vs ${b.join()}`);
      }
    }
    expect(differences).toEqual([]);
    expect(reported).toBeGreaterThan(qualifying.length);
  });

  it('all qualifying detectors together (keywords shared between them) report what the reference engine reports', async () => {
    const t = new TokenFactory('left-bound-all');
    const all: string[] = [];
    for (const d of qualifying) all.push(...(await texts(d, t)));
    // Lines in a shuffled order, some glued together without a separator.
    const lines: string[] = [];
    for (let i = 0; i < all.length; i++) lines.push(t.pick(all) + (t.int(4) === 0 ? '' : '\n'));
    const text = lines.join('');
    const fast = found(createEngine(qualifying, { decode: false }), text);
    const reference = found(createEngine(qualifying, { decode: false, fastPaths: false }), text);
    expect(fast.length).toBeGreaterThan(qualifying.length);
    expect(fast).toEqual(reference);
  });
});
