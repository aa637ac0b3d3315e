import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/engine.js';
import { GAP, detector } from './detector.js';
import { makeAdoLegacyPat } from './examples.js';
import { TokenFactory } from '../../test/support/token-factory.js';

const engine = createEngine([detector]);
const secrets = (text: string): string[] => engine.scan(Buffer.from(text, 'latin1')).map((m) => m.secret);

describe('azure-devops-legacy-pat keyword context', () => {
  const t = new TokenFactory('ado-context');

  it('finds a token with a keyword before or after it, in any case', () => {
    const pat = makeAdoLegacyPat(t);
    expect(secrets(`AZURE_DEVOPS_EXT_PAT=${pat}\n`)).toEqual([pat]);
    expect(secrets(`https://ci:${pat}@DEV.AZURE.COM/acme/x/_git/x\n`)).toEqual([pat]);
    expect(secrets(`azure_devops_token = "${pat}"\n`)).toEqual([pat]);
    expect(secrets(`AZURE_DEVOPS_EXT_PAT: |\n  ${pat}\n`)).toEqual([pat]);
    expect(secrets(`<add key="ClearTextPassword" value="${pat}" />\n`)).toEqual([pat]);
  });

  it('finds every token of a file when each has its keyword', () => {
    const a = makeAdoLegacyPat(t);
    const b = makeAdoLegacyPat(t, 'application secret');
    const c = makeAdoLegacyPat(t);
    const d = makeAdoLegacyPat(t);
    const text = `AZURE_DEVOPS_PAT_READ=${a}\nAZURE_DEVOPS_PAT_WRITE=${b}\ngit push https://ci:${c}@acme.visualstudio.com/x/_git/x\nado_pat: ${d}\n`;
    expect(secrets(text)).toEqual([a, b, c, d]);
  });

  // Known misses, by design: the token has no literal of its own (see the detector's comment).
  it('does not see a token without a keyword right before it', () => {
    const pat = makeAdoLegacyPat(t);
    const other = makeAdoLegacyPat(t);
    expect(secrets(`token = "${pat}"\n`)).toEqual([]);
    expect(secrets(`AZURE_DEVOPS_EXT_PAT=${' '.repeat(GAP + 1)}${pat}\n`)).toEqual([]);
    expect(secrets(`token = "${pat}" # Azure DevOps\n`)).toEqual([]);
    expect(secrets(`org: https://dev.azure.com/acme\nread: ${pat}\n`)).toEqual([]);
    // Digits 2-7 are token characters: `_2` between keyword and token breaks the link.
    expect(secrets(`ado_pat_2: ${other}\n`)).toEqual([]);
  });

  it('reports nothing for 52-character base32 runs without the checksum, even next to keywords', () => {
    const runs = Array.from({ length: 200 }, () => t.chars('abcdefghijklmnopqrstuvwxyz234567', 52));
    expect(secrets(runs.map((r) => `AZURE_DEVOPS_EXT_PAT=${r}\n`).join(''))).toEqual([]);
  });
});
