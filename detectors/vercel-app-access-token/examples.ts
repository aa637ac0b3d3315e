import { vercelTokenExamples } from '../vercel-personal-access-token/vercel-token-examples.js';

export const examples = vercelTokenExamples('vca_', 'VERCEL_ACCESS_TOKEN');
