import { identifiableKeyExamples } from '../builders/microsoft-identifiable-key-examples.js';
import { spec } from './detector.js';

export const examples = identifiableKeyExamples(spec, [
  (k) => `curl -X PUT "https://acme-search.search.windows.net/indexes/products?api-version=2023-11-01" -H "api-key: ${k}" -d @index.json\n`,
  (k) => `AZURE_SEARCH_SERVICE_ENDPOINT=https://acme-search.search.windows.net\nAZURE_SEARCH_ADMIN_KEY=${k}\n`,
  (k) => `client = SearchIndexClient(endpoint, AzureKeyCredential("${k}"))\n`,
]);
