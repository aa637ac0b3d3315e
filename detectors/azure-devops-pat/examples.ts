import type { DetectorExamples } from '../examples-types.js';
import { caskKeyWithRandom, flipCaskChecksum, makeCaskKey } from '../builders/microsoft-cask-examples.js';
import { ALPHA } from '../../test/support/token-factory.js';

const pat = { providerSignature: 'AZDO', providerReserved: 'AAAS' } as const;

export const examples: DetectorExamples = {
  generate: (t) => makeCaskKey(t, pat),
  withRandom: (t, random) => caskKeyWithRandom(t, pat, random),
  positives: (t) => {
    const [a, b, c, d, e] = [1, 2, 3, 4, 5].map(() => makeCaskKey(t, pat));
    const f = makeCaskKey(t, { ...pat, encoding: 'base64' });
    return [
      { text: `export AZURE_DEVOPS_EXT_PAT=${a!}\naz devops project list --org https://dev.azure.com/acme\n`, secret: a! },
      { text: `git clone https://build:${b!}@dev.azure.com/acme/widgets/_git/widgets\n`, secret: b! },
      { text: `provider "azuredevops" {\n  org_service_url       = "https://dev.azure.com/acme"\n  personal_access_token = "${c!}"\n}\n`, secret: c! },
      { text: `{\n  "azureDevOps": {\n    "organization": "acme",\n    "pat": "${d!}"\n  }\n}\n`, secret: d! },
      { text: `$token = "${e!}"\n$auth = [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes(":$token"))\n`, secret: e! },
      { text: `ADO_PAT=${f}\n`, secret: f },
    ];
  },
  negatives: (t) => {
    const good = makeCaskKey(t, pat);
    return [
      `AZURE_DEVOPS_EXT_PAT=${flipCaskChecksum(good)}\n`,
      // Truncated, and inside a longer run.
      `AZURE_DEVOPS_EXT_PAT=${good.slice(0, 83)}\n`,
      `blob=${t.chars(ALPHA.base62, 6)}${good}\n`,
      // Another provider's key, and a derived key: not this detector's.
      `AZURE_DEVOPS_EXT_PAT=${makeCaskKey(t, { providerSignature: 'AZDP', providerReserved: 'AAAS' })}\n`,
      `AZURE_DEVOPS_EXT_PAT=${makeCaskKey(t, { ...pat, kind: 'D' })}\n`,
      'AZURE_DEVOPS_EXT_PAT=<your-pat>\n',
    ];
  },
};
