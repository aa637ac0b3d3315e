import { execFile } from 'node:child_process';
import { stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import type { Detector } from '../../detectors/types.js';
import type { ScanProgress, ScanReport } from '../../scanner/types.js';
import type { ScanKind } from '../../scanner/report/json.js';
import { terminalText } from '../../scanner/report/terminal-text.js';
import { CliError } from '../cli-error.js';
import { createProgress } from '../progress.js';
import { pushgatePackage } from '../version.js';
import type { CliIo } from '../main.js';

export type ReportFormat = 'text' | 'json' | 'sarif';

export interface ScanCommandOptions {
  readonly history?: boolean;
  readonly format: ReportFormat;
  readonly output?: string;
  readonly baseline?: string;
  readonly verify?: boolean;
}

/** Exit statuses of `pushgate scan`. */
export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;
export const EXIT_INTERRUPTED = 130;

export function scanCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('scan')
    .description('scan a directory (working tree) or, with --history, every commit of a git repository for secrets')
    .argument('[path]', 'directory or repository to scan', '.')
    .option('--history', 'scan every blob of every commit instead of the working tree')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json', 'sarif']).default('text'))
    .option('--output <file>', 'write the report to FILE instead of standard output')
    .option('--baseline <file>', 'an earlier JSON report: report only findings whose fingerprint it does not list')
    .option('--verify', "ask each finding's provider, read-only, whether the secret still works; live findings are listed first")
    .addHelpText(
      'after',
      '\nExit status: 0 no findings, 1 findings, 2 error, 130 interrupted.\n' +
        'Secrets are only ever printed redacted. Set PUSHGATE_DEBUG=1 or pass --debug for stack traces.',
    )
    .action(async (path: string, options: ScanCommandOptions) => {
      setExitCode(await runScan(path, options, io));
    });
}

export async function runScan(pathArg: string, options: ScanCommandOptions, io: CliIo): Promise<number> {
  const root = resolve(io.cwd, pathArg);
  const kind: ScanKind = options.history ? 'history' : 'working-tree';
  await checkDirectory(root, pathArg);
  if (kind === 'history') await checkGitRepository(root, pathArg, io.env);

  // Read the baseline before scanning: a bad one should fail in a second, not after an hour of history.
  const { readBaseline, applyBaseline } = await import('../../scanner/report/baseline.js');
  const baseline = options.baseline ? await readBaseline(resolve(io.cwd, options.baseline)) : undefined;
  // Keyed when PUSHGATE_FINGERPRINT_KEY is set (README, "Fingerprints"); a malformed key fails here, before the scan.
  const fingerprints = (await import('../../scanner/fingerprint.js')).fingerprinterFromEnv(io.env);

  const [{ createEngine }, { ALL_DETECTORS }] = await Promise.all([
    import('../../detectors/engine/engine.js'),
    import('../../detectors/registry.js'),
  ]);
  const engine = createEngine(ALL_DETECTORS);

  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  const progress = createProgress(io.stderr, kind === 'history' ? 'blobs' : 'files');
  let full: ScanReport;
  try {
    // No env: each scanner gives git an environment without variables that redirect it (GIT_DIR ...).
    const scanOptions = { engine, fingerprints, onProgress: (p: ScanProgress) => progress.update(p), signal: controller.signal };
    if (kind === 'history') {
      const { scanHistory } = await import('../../scanner/history.js');
      // A whole history is a long scan: with cores to spare, the engine runs in worker threads while this one reads git.
      full = await scanHistory(root, { ...scanOptions, parallel: true });
    } else {
      const { scanWorkingTree } = await import('../../scanner/working-tree.js');
      full = await scanWorkingTree(root, scanOptions);
    }
  } catch (err) {
    if (controller.signal.aborted) {
      io.stderr.write('pushgate: interrupted\n');
      return EXIT_INTERRUPTED;
    }
    throw err;
  } finally {
    progress.stop();
    process.removeListener('SIGINT', onSigint);
  }

  const baselined = baseline ? applyBaseline(full, baseline, `baseline ${terminalText(options.baseline!)}`) : { report: full, suppressed: 0, notices: [] };
  const { suppressed } = baselined;
  for (const notice of baselined.notices) io.stderr.write(`pushgate: notice: ${notice}\n`);
  const report = options.verify ? await verifyReport(baselined.report, io) : baselined.report;
  const rendered = await render(report, options.format, kind, root, suppressed, engine.detectors);

  if (options.output) {
    const target = resolve(io.cwd, options.output);
    try {
      await writeFile(target, rendered);
    } catch (err) {
      throw new CliError('OUTPUT_WRITE_FAILED', `cannot write ${options.output}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
    }
    const n = report.findings.length;
    io.stdout.write(`pushgate: ${n === 0 ? 'no secrets' : `${n} secret${n === 1 ? '' : 's'}`} found; ${options.format} report written to ${terminalText(options.output)}\n`);
  } else {
    io.stdout.write(rendered);
  }
  return report.findings.length > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** Liveness checks of the findings, in process (PUSHGATE_LIVENESS_BASE_URLS and PUSHGATE_LIVENESS_TIMEOUT apply). */
async function verifyReport(report: ScanReport, io: CliIo): Promise<ScanReport> {
  if (report.findings.length === 0) return report;
  const [{ parseBaseUrls, configuredHosts }, { parseDuration }, { LivenessHttp }, { verifyFindings }] = await Promise.all([
    import('../../liveness/base-urls.js'),
    import('../../liveness/duration.js'),
    import('../../liveness/http/liveness-http.js'),
    import('../../liveness/verify-findings.js'),
  ]);
  const { baseUrls, problems } = parseBaseUrls(io.env['PUSHGATE_LIVENESS_BASE_URLS']);
  if (problems.length > 0) throw new CliError('LIVENESS_CONFIG_INVALID', `PUSHGATE_LIVENESS_BASE_URLS: ${problems.join('; ')}`);
  const timeoutText = io.env['PUSHGATE_LIVENESS_TIMEOUT'];
  const timeoutMs = timeoutText ? parseDuration(timeoutText) : 10_000;
  if (timeoutMs === undefined || timeoutMs < 1) throw new CliError('LIVENESS_CONFIG_INVALID', 'PUSHGATE_LIVENESS_TIMEOUT: must be a duration such as 5s or 1500ms');
  const http = new LivenessHttp({ allowedPrivateHosts: configuredHosts(baseUrls), timeoutMs });
  try {
    return { ...report, findings: await verifyFindings(report.findings, { http, baseUrls }) };
  } finally {
    await http.close();
  }
}

async function render(
  report: ScanReport,
  format: ReportFormat,
  scan: ScanKind,
  root: string,
  suppressed: number,
  detectors: readonly Detector[],
): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../../scanner/report/json.js')).renderJson(report, scan);
    case 'sarif': {
      const { version, homepage } = pushgatePackage();
      const { renderSarif } = await import('../../scanner/report/sarif.js');
      return renderSarif(report, { scan, detectors, toolVersion: version, root, ...(homepage ? { informationUri: homepage } : {}) });
    }
    case 'text':
      return (await import('../../scanner/report/text.js')).renderText(report, { scan, suppressed });
  }
}

async function checkDirectory(root: string, shown: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(root)).isDirectory();
  } catch {
    throw new CliError('SCAN_PATH_NOT_FOUND', `${shown}: no such file or directory`);
  }
  if (!isDirectory) throw new CliError('SCAN_NOT_A_DIRECTORY', `${shown}: not a directory`);
}

function checkGitRepository(root: string, shown: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    execFile('git', ['rev-parse', '--git-dir'], { cwd: root, env }, (err, _stdout, stderr) => {
      if (!err) return resolvePromise();
      const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed' : String(stderr).trim().split('\n')[0];
      reject(new CliError('SCAN_NOT_A_GIT_REPOSITORY', `${shown}: not a git repository (--history needs one): ${why}`));
    });
  });
}
