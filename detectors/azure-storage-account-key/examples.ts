import { identifiableKeyExamples } from '../builders/microsoft-identifiable-key-examples.js';
import { spec } from './detector.js';

export const examples = identifiableKeyExamples(spec, [
  (k) => `DefaultEndpointsProtocol=https;AccountName=acmeprodlogs;AccountKey=${k};EndpointSuffix=core.windows.net\n`,
  (k) =>
    `{\n  "ConnectionStrings": {\n    "Blobs": "DefaultEndpointsProtocol=https;AccountName=acmeassets;AccountKey=${k}"\n  }\n}\n`,
  (k) => `AZURE_STORAGE_ACCOUNT=acmeprodlogs\nAZURE_STORAGE_KEY=${k}\n`,
  (k) => `resource "azurerm_storage_share" "data" {\n  storage_account_key = "${k}"\n}\n`,
  (k) => `az storage blob upload --account-name acmeassets --account-key ${k} -c web -f index.html\n`,
]);
