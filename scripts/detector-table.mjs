#!/usr/bin/env node
// Prints the README's detector table from the registry (run after `npm run build`).
import { ALL_DETECTORS } from '../dist/detectors/registry.js';

const rows = ALL_DETECTORS.map((d) => {
  const check = d.validate ? 'validator' : 'shape';
  return `| \`${d.id}\` | ${d.provider} | ${d.title} | ${d.tier} | ${d.severity} | ${d.keywords.slice(0, 3).map((k) => `\`${k.replace(/\|/g, '\\|')}\``).join(' ')}${d.keywords.length > 3 ? ' …' : ''} | ${check} |`;
});
const identifiable = ALL_DETECTORS.filter((d) => d.tier === 'identifiable').length;
console.log(`${ALL_DETECTORS.length} detectors: ${identifiable} identifiable (block pushes), ${ALL_DETECTORS.length - identifiable} legacy (reported by scans only).\n`);
console.log('| id | provider | title | tier | severity | keywords | checked by |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
