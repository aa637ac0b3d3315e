import type { Candidate, Detector, Verdict } from '../types.js';
import { caseless } from '../builders/ascii-caseless.js';
import { azureKeyRejection } from '../builders/azure-key.js';

export function validateCosmosKey({ secret, groups }: Candidate): Verdict | null {
  if (azureKeyRejection(secret, [64]) !== null) return null;
  return { confidence: 'high', reason: `Cosmos DB account key for ${groups['account'] ?? 'an account'} (64-byte base64, no identifiable signature)` };
}

export const detector: Detector = {
  id: 'azure-cosmosdb-connection-string',
  family: 'azure-cosmosdb-account-key',
  provider: 'Microsoft Azure',
  title: 'Azure Cosmos DB account key in a connection string (legacy format)',
  severity: 'high',
  tier: 'legacy',
  docs: 'https://learn.microsoft.com/azure/cosmos-db/secure-access-to-data',
  revoke:
    'Regenerate the key in the Azure portal (Cosmos DB account > Keys > Regenerate), then switch clients to Microsoft Entra ID or a Key Vault reference.',
  keywords: ['accountendpoint='],
  keywordsIgnoreCase: true,
  pattern: String.raw`${caseless('AccountEndpoint')}=https://(?P<account>[a-z0-9\-]+)\.documents\.azure\.(?:com|us|cn)(?::443)?/?[\s"'+]*;[\s"'+]*${caseless('AccountKey')}=(?P<secret>[A-Za-z0-9+/]{86}==)`,
  alphabet: 'A-Za-z0-9+/',
  window: { before: 0, after: 260 },
  validate: validateCosmosKey,
};
