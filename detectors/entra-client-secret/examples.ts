import type { DetectorExamples } from '../examples-types.js';
import { ENTRA_SECRET_ALPHABET, entraSecretChecksum } from '../checksum/entra-client-secret.js';
import type { TokenFactory } from '../../test/support/token-factory.js';
import { fitsRandom } from '../builders/random-part.js';

export function makeEntraSecret(t: TokenFactory, random: string = t.chars(ENTRA_SECRET_ALPHABET, 34)): string {
  const first37 = `${random.slice(0, 3)}8Q~${random.slice(3)}`;
  return first37 + entraSecretChecksum(first37);
}

export const examples: DetectorExamples = {
  generate: makeEntraSecret,
  withRandom: (t, random) => (fitsRandom(random, ENTRA_SECRET_ALPHABET, 34) ? makeEntraSecret(t, random) : null),
  positives: (t) => {
    const [a, b, c, d, e] = [1, 2, 3, 4, 5].map(() => makeEntraSecret(t)) as [string, string, string, string, string];
    return [
      { text: `AZURE_TENANT_ID=0d3f6b2e-1c4a-4e8f-9a57-2b6c8d1e4f90\nAZURE_CLIENT_ID=5a1c9e3b-7d2f-4b6a-8c0e-1f3a5b7d9c2e\nAZURE_CLIENT_SECRET=${a}\n`, secret: a },
      { text: `provider "azurerm" {\n  features {}\n  client_id     = var.client_id\n  client_secret = "${b}"\n}\n`, secret: b },
      { text: `{\n  "AzureAd": {\n    "Instance": "https://login.microsoftonline.com/",\n    "ClientSecret": "${c}"\n  }\n}\n`, secret: c },
      { text: `app = msal.ConfidentialClientApplication(CLIENT_ID, authority=AUTHORITY, client_credential='${d}')\n`, secret: d },
      { text: `spring.cloud.azure.active-directory.credential.client-secret=${e}\n`, secret: e },
    ];
  },
  negatives: (t) => {
    const good = makeEntraSecret(t);
    const flipped = good.slice(0, 39) + (good[39] === 'a' ? 'b' : 'a');
    return [
      `AZURE_CLIENT_SECRET=${flipped}\n`,
      `AZURE_CLIENT_SECRET=${good.slice(0, 39)}\n`,
      `AZURE_CLIENT_SECRET=${good}x\n`,
      // Placeholders shaped like a secret.
      'client_secret = "zzz8Q~zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"\n',
      'client_secret = "xxx8Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"\n',
      // The checksum-less 7Q~ form.
      `AZURE_CLIENT_SECRET=${good.slice(0, 3)}7Q~${good.slice(6, 37)}\n`,
    ];
  },
};
