import { caskDetector, caskKind, caskProviderSignature, CASK_PROVIDERS } from '../builders/microsoft-cask.js';

/** Signatures whose access keys have a detector of their own. */
const CLAIMED = new Set(['AZDO', 'ACOG']);
const KIND_NAMES: Readonly<Record<string, string>> = { '9': 'access key', D: 'derived key', H: 'hash' };

/**
 * Every other legacy CASK key (security-utilities SEC101/177, /197..199,
 * /200, /202..204): App Configuration, Fluid Relay, Event Grid, Mixed
 * Reality, Maps, Communication Services, SQL Server and providers not listed
 * anywhere yet, plus derived (`D`) and hash (`H`) keys of any provider. The
 * provider is named in the finding's reason.
 */
export const detector = caskDetector(
  {
    kinds: '9DH',
    providerSignature: null,
    claimedElsewhere: (key) => caskKind(key) === '9' && CLAIMED.has(caskProviderSignature(key)),
    describe: (key) => {
      const signature = caskProviderSignature(key);
      const provider = CASK_PROVIDERS[signature] ?? `provider signature ${signature}`;
      return `${provider}, ${KIND_NAMES[caskKind(key)] ?? 'key'}`;
    },
  },
  {
    id: 'microsoft-cask-key',
    family: 'microsoft-cask',
    provider: 'Microsoft Azure',
    title: 'Microsoft common annotated security key (CASK)',
    severity: 'high',
    docs: 'https://github.com/microsoft/security-utilities',
    revoke:
      'Regenerate the key in the Azure portal on the resource that issued it (the provider is named in the finding; its access keys page has Regenerate), then update the apps that use it.',
  },
);
