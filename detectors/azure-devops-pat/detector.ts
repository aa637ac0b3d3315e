import { caskDetector } from '../builders/microsoft-cask.js';

/**
 * Azure DevOps personal access tokens in the current format: 84-character
 * legacy CASK keys with provider signature `AZDO` (security-utilities
 * SEC101/201). The source's rule also requires provider-reserved data `AAAA`;
 * real tokens in public code carry `AAAS` there, so it is not checked.
 * The 52-character format is `azure-devops-legacy-pat`.
 */
export const detector = caskDetector(
  { kinds: '9', providerSignature: 'AZDO', describe: () => 'Azure DevOps PAT' },
  {
    id: 'azure-devops-pat',
    family: 'microsoft-cask',
    provider: 'Azure DevOps',
    title: 'Azure DevOps personal access token',
    severity: 'critical',
    docs: 'https://learn.microsoft.com/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate',
    revoke:
      'Revoke the token in Azure DevOps (User settings > Personal access tokens > Revoke); an organization administrator can revoke any leaked PAT with the PAT lifecycle / token revocation API.',
  },
);
