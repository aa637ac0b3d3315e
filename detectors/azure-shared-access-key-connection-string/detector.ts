import type { Candidate, Detector, Verdict } from '../types.js';
import { caseless, caselessAny } from '../builders/ascii-caseless.js';
import { azureKeyRejection } from '../builders/azure-key.js';

const SERVICES: ReadonlyArray<[RegExp, string]> = [
  [/\.servicebus\./i, 'Service Bus or Event Hubs'],
  [/\.azure-devices\./i, 'IoT Hub'],
  [/\.azure-devices-provisioning\./i, 'IoT Hub Device Provisioning'],
  [/\.notificationhubs?\./i, 'Notification Hubs'],
  [/\.relay\./i, 'Relay'],
];

export function validateSharedAccessKey({ secret, groups, matchText }: Candidate): Verdict | null {
  if (azureKeyRejection(secret, [32, 64]) !== null) return null;
  const host = groups['host'] ?? '';
  const service = SERVICES.find(([re]) => re.test(host))?.[1];
  // Without an endpoint the key name must still be there: `SharedAccessKeyName=...;SharedAccessKey=...`.
  if (!host && !/SharedAccessKeyName=|DeviceId=/i.test(matchText)) return null;
  if (/(?:^|\.)(?:contoso|example|yournamespace|mynamespace|namespace)\./i.test(host)) return null;
  return {
    confidence: host ? 'high' : 'medium',
    reason: `${service ?? 'Azure'} shared access key${groups['keyName'] ? ` (policy ${groups['keyName']})` : ''}${host ? ` for ${host}` : ''}`,
  };
}

export const detector: Detector = {
  id: 'azure-shared-access-key-connection-string',
  family: 'azure-shared-access-key',
  provider: 'Microsoft Azure',
  title: 'Azure Service Bus / Event Hubs / IoT Hub shared access key in a connection string (legacy format)',
  severity: 'high',
  tier: 'legacy',
  docs: 'https://learn.microsoft.com/azure/service-bus-messaging/service-bus-sas',
  revoke:
    'Regenerate the key of that shared access policy in the Azure portal (Shared access policies > policy > Regenerate), or delete the policy; prefer Microsoft Entra ID for clients.',
  keywords: ['sharedaccesskey='],
  keywordsIgnoreCase: true,
  pattern:
    String.raw`(?:${caselessAny(['Endpoint=sb://', 'HostName='])}(?P<host>[A-Za-z0-9.\-]+)/?[\s"'+]*;[\s"'+]*)?` +
    String.raw`(?:${caseless('SharedAccessKeyName')}=(?P<keyName>[^;\s"']+)[\s"'+]*;[\s"'+]*|${caseless('DeviceId')}=[^;\s"']+[\s"'+]*;[\s"'+]*)?` +
    String.raw`${caseless('SharedAccessKey')}=(?P<secret>[A-Za-z0-9+/]{43}=|[A-Za-z0-9+/]{86}==)`,
  alphabet: 'A-Za-z0-9+/',
  window: { before: 360, after: 100 },
  validate: validateSharedAccessKey,
};
