import { identifiableKeyExamples } from '../builders/microsoft-identifiable-key-examples.js';
import { spec } from './detector.js';

export const examples = identifiableKeyExamples(spec, [
  (k) => `curl -H "Ocp-Apim-Subscription-Key: ${k}" https://acme-apis.azure-api.net/orders/v1/orders\n`,
  (k) => `APIM_SUBSCRIPTION_KEY=${k}\n`,
  (k) => `{\n  "Apim": {\n    "BaseUrl": "https://acme-apis.azure-api.net",\n    "SubscriptionKey": "${k}"\n  }\n}\n`,
  (k) => `headers:\n  Ocp-Apim-Subscription-Key: '${k}'\n`,
]);
