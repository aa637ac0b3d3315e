import { identifiableKeyExamples } from '../builders/microsoft-identifiable-key-examples.js';
import { spec } from './detector.js';

export const examples = identifiableKeyExamples(spec, [
  (k) => `credentials = SharedKeyCredentials("acmebatch", "${k}")\nclient = BatchServiceClient(credentials, batch_url="https://acmebatch.westeurope.batch.azure.com")\n`,
  (k) => `AZURE_BATCH_ACCOUNT=acmebatch\nAZURE_BATCH_ACCESS_KEY=${k}\n`,
  (k) => `{\n  "batch": {\n    "accountName": "acmebatch",\n    "accountKey": "${k}"\n  }\n}\n`,
]);
