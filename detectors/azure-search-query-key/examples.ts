import { identifiableKeyExamples } from '../builders/microsoft-identifiable-key-examples.js';
import { spec } from './detector.js';

export const examples = identifiableKeyExamples(spec, [
  (k) => `const searchClient = new SearchClient("https://acme-search.search.windows.net", "products", new AzureKeyCredential("${k}"));\n`,
  (k) => `NEXT_PUBLIC_SEARCH_QUERY_KEY=${k}\n`,
  (k) => `fetch(url, { headers: { 'api-key': '${k}' } })\n`,
]);
