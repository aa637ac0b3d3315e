import { caskDetector, cognitiveService } from '../builders/microsoft-cask.js';

/**
 * Azure AI services (Cognitive Services, Azure OpenAI, Speech, Vision, ...)
 * keys: 84-character legacy CASK keys with provider signature `ACOG`
 * (security-utilities SEC101/205..245, one rule per service). The service is
 * read from the provider-reserved data and named in the finding's reason.
 * These keys have no 88-character long form (the source rejects it).
 */
export const detector = caskDetector(
  { kinds: '9', providerSignature: 'ACOG', longForm: false, describe: (key) => cognitiveService(key) },
  {
    id: 'azure-ai-services-key',
    family: 'microsoft-cask',
    provider: 'Microsoft Azure',
    title: 'Azure AI services key (Cognitive Services, Azure OpenAI)',
    severity: 'high',
    docs: 'https://learn.microsoft.com/azure/ai-services/authentication',
    revoke:
      'Regenerate the key in the Azure portal (the AI services / OpenAI resource > Resource Management > Keys and Endpoint > Regenerate Key) or with `az cognitiveservices account keys regenerate`.',
  },
);
