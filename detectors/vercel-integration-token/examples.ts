import { vercelTokenExamples } from '../vercel-personal-access-token/vercel-token-examples.js';

export const examples = vercelTokenExamples('vci_', 'VERCEL_INTEGRATION_TOKEN');
