import type { Candidate, Detector, Verdict } from '../types.js';
import { caseless } from '../builders/ascii-caseless.js';
import { azureKeyRejection } from '../builders/azure-key.js';

export function validateStorageKey({ secret, groups, matchText }: Candidate): Verdict | null {
  if (azureKeyRejection(secret, [64]) !== null) return null;
  const account = groups['account'];
  if (account === undefined && !/DefaultEndpointsProtocol|EndpointSuffix|core\.windows\.net/i.test(matchText)) return null;
  if (account && /^(?:devstoreaccount1|youraccount|myaccount|mystorageaccount|accountname|storageaccount|example|test)$/i.test(account)) return null;
  return { confidence: 'high', reason: `storage account key${account ? ` for account ${account}` : ''} (64-byte base64, no identifiable signature)` };
}

export const detector: Detector = {
  id: 'azure-storage-connection-string',
  family: 'azure-storage-account-key',
  provider: 'Microsoft Azure',
  title: 'Azure Storage account key in a connection string (legacy format)',
  severity: 'high',
  tier: 'legacy',
  docs: 'https://learn.microsoft.com/azure/storage/common/storage-configure-connection-string',
  revoke:
    'Rotate the key in the Azure portal (Storage account > Security + networking > Access keys > Rotate key), then move clients to Microsoft Entra ID or a Key Vault reference.',
  keywords: ['accountkey='],
  keywordsIgnoreCase: true,
  // AccountName usually precedes AccountKey, possibly across string concatenation or lines.
  pattern: String.raw`(?:${caseless('DefaultEndpointsProtocol')}=https?[\s"'+]*;[\s"'+]*)?(?:${caseless('AccountName')}=(?P<account>[a-z0-9]{3,24})[\s"'+]*;[\s"'+]*(?:[A-Za-z]+=[^;\s"']*[\s"'+]*;[\s"'+]*){0,4})?${caseless('AccountKey')}=(?P<secret>[A-Za-z0-9+/]{86}==)`,
  alphabet: 'A-Za-z0-9+/',
  window: { before: 420, after: 100 },
  validate: validateStorageKey,
};
