import { identifiableKeyExamples } from '../builders/microsoft-identifiable-key-examples.js';
import { spec } from './detector.js';

export const examples = identifiableKeyExamples(spec, [
  (k) => `AccountEndpoint=https://acme-orders.documents.azure.com:443/;AccountKey=${k};\n`,
  (k) => `{\n  "CosmosDb": {\n    "Endpoint": "https://acme-orders.documents.azure.com:443/",\n    "Key": "${k}"\n  }\n}\n`,
  (k) => `COSMOS_ENDPOINT=https://acme-orders.documents.azure.com:443/\nCOSMOS_KEY=${k}\n`,
  (k) => `client = CosmosClient("https://acme-orders.documents.azure.com:443/", credential="${k}")\n`,
  (k) => `cosmos:\n  uri: https://acme-orders.documents.azure.com:443/\n  key: ${k}\n`,
  (k) => `const client = new CosmosClient({ endpoint, key: '${k}' });\n`,
  (k) => `<add key="CosmosAuthKey" value="${k}" />\n`,
]);
