import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import { base64Key } from '../builders/legacy-examples.js';

export const examples: DetectorExamples = {
  positives: (t) => {
    const out: PositiveExample[] = [];
    const add = (make: (k: string) => string): void => {
      const k = base64Key(t, 64);
      out.push({ text: make(k), secret: k });
    };
    add((k) => `COSMOS_CONNECTION_STRING="AccountEndpoint=https://acme-orders.documents.azure.com:443/;AccountKey=${k};"\n`);
    add((k) => `  "CosmosDb": {\n    "ConnectionString": "AccountEndpoint=https://catalog-prod-weu.documents.azure.com:443/;AccountKey=${k};Database=catalog"\n  }\n`);
    add((k) => `<add key="CosmosConnection" value="AccountEndpoint=https://telemetry01.documents.azure.com/;AccountKey=${k}" />\n`);
    add((k) => `conn = ("AccountEndpoint=https://ml-features.documents.azure.com:443/;"\n        "AccountKey=${k};")\n`);
    return out;
  },
  negatives: (t) => {
    const k = base64Key(t, 64);
    return [
      `AccountEndpoint=https://localhost:8081/;AccountKey=${['C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nD', 'uVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=='].join('')}`,
      `AccountEndpoint=https://myaccount.documents.azure.com:443/;AccountKey=<your-key>;`,
      `AccountEndpoint=https://acme.documents.azure.com:443/;AccountKey=\${COSMOS_KEY};`,
      `AccountEndpoint=https://acme.documents.azure.com:443/;AccountKey=${k.slice(0, 76)}ACDb${k.slice(80)};`,
      `AccountEndpoint={0};AccountKey={1};`,
    ];
  },
};
