#!/usr/bin/env node
// Prints the README's detector table from the registry (run after `npm run build`).
import { ALL_DETECTORS } from '../dist/detectors/registry.js';
import { TABLE_ENTRIES } from '../dist/detectors/tables/tables.js';
import { CONTEXT_ENTRIES } from '../dist/detectors/context-tables/context-tables.js';

const rowOf = new Map(TABLE_ENTRIES.map((e) => [e.detector, e]));
const contextRowOf = new Map(CONTEXT_ENTRIES.map((e) => [e.detector, e]));

/** A keyword as Markdown code, with bytes outside printable ASCII shown as \xNN (keystore magics are binary). */
function code(keyword) {
  const visible = [...keyword].map((c) => (/[\x20-\x7e]/.test(c) ? c : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)).join('');
  return `\`${visible.replace(/\|/g, '\\|').replace(/`/g, "'")}\``;
}

function checkedBy(d) {
  const entry = rowOf.get(d);
  const parts = [];
  const context = contextRowOf.get(d);
  if (entry) parts.push(entry.row.check ? 'shape + structure' : 'shape');
  else if (context) parts.push('keyword next to the value, shape, randomness');
  else parts.push(d.validate ? 'validator' : 'shape');
  if (d.randomPart) parts.push('placeholder judgment');
  return parts.join(', ');
}

function declaredIn(d) {
  const entry = rowOf.get(d);
  if (entry) return `table \`${entry.table}\``;
  const context = contextRowOf.get(d);
  return context ? `context table \`${context.table}\`` : 'folder';
}

const identifiable = ALL_DETECTORS.filter((d) => d.tier === 'identifiable');
const rows = TABLE_ENTRIES.length;
console.log(
  `${ALL_DETECTORS.length} detectors: ${identifiable.length} identifiable (block pushes; ${rows} of them rows of the format tables in ` +
    `\`detectors/tables/\`, ${identifiable.length - rows} folders), ${ALL_DETECTORS.length - identifiable.length} legacy (reported by scans only; ` +
    `${CONTEXT_ENTRIES.length} of them rows of the context-required tables in \`detectors/context-tables/\`).\n`,
);
console.log('| id | provider | title | tier | severity | keywords | checked by | declared in |');
console.log('|---|---|---|---|---|---|---|---|');
for (const d of ALL_DETECTORS) {
  const keywords = `${d.keywords.slice(0, 3).map(code).join(' ')}${d.keywords.length > 3 ? ' …' : ''}`;
  console.log(`| \`${d.id}\` | ${d.provider} | ${d.title} | ${d.tier} | ${d.severity} | ${keywords} | ${checkedBy(d)} | ${declaredIn(d)} |`);
}
