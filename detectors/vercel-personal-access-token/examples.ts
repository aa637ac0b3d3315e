import { vercelTokenExamples } from './vercel-token-examples.js';

export const examples = vercelTokenExamples('vcp_', 'VERCEL_TOKEN');
