import { ALL_DETECTORS } from '../detectors/registry.js';
import { buildCorpus, type Corpus } from './corpus.js';
import { formatTable, fmt } from './measure.js';
import type { BenchContext, BenchModule } from './types.js';
import { bench as engineBench } from './engine.js';
import { bench as historyBench } from './history.js';
import { bench as queueBench } from './queue.js';
import { bench as webhooksBench } from './webhooks.js';
import { bench as hookBench } from './hook.js';
import { bench as livenessBench } from './liveness.js';
import { bench as fingerprintsBench } from './fingerprints.js';
import { bench as leakyRepoBench } from './leaky-repo.js';
import { bench as legacyPrecisionBench } from './legacy-precision.js';

/**
 * `npm run bench [-- --only NAME] [--reps N] [--corpus-mb N] [bench options]`
 *
 * To add a bench: write bench/NAME.ts exporting `bench: BenchModule`, import
 * it above and add it to BENCHES. Options the runner does not know are passed
 * to every bench in `ctx.args`.
 */
const BENCHES: readonly BenchModule[] = [engineBench, historyBench, hookBench, queueBench, webhooksBench, livenessBench, fingerprintsBench, leakyRepoBench, legacyPrecisionBench];

function usage(): string {
  return [
    'usage: npm run bench -- [--only NAME] [--reps N] [--corpus-mb N] [bench options]',
    'benches:',
    ...BENCHES.map((b) => `  ${b.name.padEnd(16)} ${b.title}`),
  ].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  let only: string | undefined;
  let reps = 5;
  let corpusMb = 64;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--only') only = argv[++i];
    else if (a === '--reps') reps = Number(argv[++i]);
    else if (a === '--corpus-mb') corpusMb = Number(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log(usage());
      return 0;
    } else rest.push(a);
  }
  if (!Number.isInteger(reps) || reps < 1 || !(corpusMb > 0)) {
    console.error(usage());
    return 2;
  }
  const selected = only === undefined ? BENCHES : BENCHES.filter((b) => b.name === only);
  if (selected.length === 0) {
    console.error(`no bench named ${only}\n${usage()}`);
    return 2;
  }

  let corpus: Promise<Corpus> | undefined;
  const ctx: BenchContext = {
    args: rest,
    reps,
    corpus() {
      corpus ??= (async () => {
        const t0 = performance.now();
        const c = await buildCorpus({ megabytes: corpusMb, detectors: ALL_DETECTORS, plant: 300 });
        console.log(
          `corpus: ${fmt(c.bytes.length / 1e6, 1)} MB of source text from ${fmt(c.files)} files (${c.roots.join(', ')}), ` +
            `${c.planted.length} planted tokens of ${new Set(c.planted.map((p) => p.detectorId)).size} detectors, built in ${fmt((performance.now() - t0) / 1000, 1)} s`,
        );
        if (c.bytes.length < 50e6) console.log(`warning: corpus is under 50 MB (${fmt(c.bytes.length / 1e6, 1)} MB): too little source text on this machine`);
        return c;
      })();
      return corpus;
    },
    table(title, header, rows) {
      console.log(`\n${title}\n${formatTable(header, rows)}\n`);
    },
    log(line) {
      console.log(line);
    },
  };

  console.log(`node ${process.version}, ${reps} timed repetitions after a warm-up, medians`);
  for (const b of selected) {
    console.log(`\n== ${b.name}: ${b.title}`);
    await b.run(ctx);
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
