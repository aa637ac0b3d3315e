import type { DetectorExamples } from '../examples-types.js';
import { base32Decode, buildAdoLegacyPat, type AdoPatKind } from '../checksum/azure-devops-legacy-pat.js';
import { ALPHA, type TokenFactory } from '../../test/support/token-factory.js';
import { fitsRandom } from '../builders/random-part.js';
import { ADO_RANDOM_CHARS } from './detector.js';

export function makeAdoLegacyPat(t: TokenFactory, kind: AdoPatKind = 'user PAT'): string {
  return buildAdoLegacyPat(t.bytes(32), kind);
}

/** One character changed in the middle (the last character carries 4 unused bits). */
function flip(pat: string): string {
  const at = 20;
  const next = ALPHA.base32Lower[(ALPHA.base32Lower.indexOf(pat[at]!) + 1) % 32]!;
  return pat.slice(0, at) + next + pat.slice(at + 1);
}

const NUGET_CONFIG = (pat: string): string => `<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="acme-internal" value="https://pkgs.dev.azure.com/acme/_packaging/internal/nuget/v3/index.json" />
  </packageSources>
  <packageSourceCredentials>
    <acme-internal>
      <add key="Username" value="build" />
      <add key="ClearTextPassword" value="${pat}" />
    </acme-internal>
  </packageSourceCredentials>
</configuration>
`;

export const examples: DetectorExamples = {
  generate: (t) => makeAdoLegacyPat(t),
  // The random characters in their places, random bits elsewhere, then the checksum bytes written in.
  withRandom: (t, random) => {
    if (!fitsRandom(random, ALPHA.base32Lower, ADO_RANDOM_CHARS.length)) return null;
    const chars = [...t.chars(ALPHA.base32Lower, 52)];
    ADO_RANDOM_CHARS.forEach((at, i) => (chars[at] = random[i]!));
    return buildAdoLegacyPat(base32Decode(chars.join(''))!, t.pick(['user PAT', 'application secret'] as const));
  },
  positives: (t) => {
    const [a, b, c, d] = [1, 2, 3, 4].map(() => makeAdoLegacyPat(t)) as [string, string, string, string];
    const app = makeAdoLegacyPat(t, 'application secret');
    return [
      { text: `export AZURE_DEVOPS_EXT_PAT=${a}\n`, secret: a },
      // The keyword after the token.
      { text: `git remote set-url origin https://build:${b}@dev.azure.com/acme/widgets/_git/widgets\n`, secret: b },
      { text: NUGET_CONFIG(c), secret: c },
      { text: `{\n  "organizationUrl": "https://acme.visualstudio.com",\n  "personalAccessToken": "${d}"\n}\n`, secret: d },
      { text: `VSTS_COLLECTION=https://acme.visualstudio.com/DefaultCollection\nVSTS_TOKEN=${app}\n`, secret: app },
    ];
  },
  negatives: (t) => {
    const good = makeAdoLegacyPat(t);
    return [
      `export AZURE_DEVOPS_EXT_PAT=${flip(good)}\n`,
      `export AZURE_DEVOPS_EXT_PAT=${good.slice(0, 51)}\n`,
      `export AZURE_DEVOPS_EXT_PAT=${good}q\n`,
      `export AZURE_DEVOPS_EXT_PAT=X${good}\n`,
      // A 52-character base32 run with no valid checksum, and a commit id, next to keywords.
      `pat=${t.chars(ALPHA.base32Lower, 52)}\n`,
      `https://dev.azure.com/acme/widgets/_git/widgets/commit/${t.chars(ALPHA.hexLower, 40)}\n`,
    ];
  },
};
