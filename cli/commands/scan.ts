import { execFile } from 'node:child_process';
import { stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import type { Detector } from '../../detectors/types.js';
import type { Finding, ScanProgress, ScanReport } from '../../scanner/types.js';
import type { Fingerprinter } from '../../scanner/fingerprint.js';
import type { ScanKind } from '../../scanner/report/json.js';
import { terminalText } from '../../scanner/report/terminal-text.js';
import { CliError } from '../cli-error.js';
import { createProgress } from '../progress.js';
import { pushgatePackage } from '../version.js';
import type { CliIo } from '../main.js';

export type ReportFormat = 'text' | 'json' | 'jsonl' | 'sarif';

export interface ScanCommandOptions {
  readonly history?: boolean;
  readonly range?: string;
  readonly format: ReportFormat;
  readonly output?: string;
  readonly baseline?: string;
  readonly verify?: boolean;
  readonly onlyVerified?: boolean;
  /** commander's `--no-git`: false when given. */
  readonly git?: boolean;
  /** Custom detectors and legacy exclusions (default: PUSHGATE_CONFIG). */
  readonly config?: string;
}

/** Exit statuses of `pushgate scan`. */
export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;
export const EXIT_INTERRUPTED = 130;

export function scanCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  return new Command('scan')
    .description('scan a directory (working tree) or, with --history, every commit of a git repository for secrets')
    .argument('[path]', 'directory or repository to scan, or - for standard input', '.')
    .option('--history', 'scan every blob of every commit instead of the working tree')
    .option('--range <revspec>', 'with --history: only what a revision range introduces (origin/main..HEAD, A..B, A...B)')
    .addOption(new Option('--format <format>', 'report format (jsonl: one finding per line, nothing else)').choices(['text', 'json', 'jsonl', 'sarif']).default('text'))
    .option('--output <file>', 'write the report to FILE instead of standard output')
    .option('--baseline <file>', 'an earlier JSON report: report only findings whose fingerprint it does not list')
    .option('--verify', "ask each finding's provider, read-only, whether the secret still works; live findings are listed first")
    .option('--only-verified', 'with --verify: report only live findings, and set the exit status from them')
    .option('--no-git', 'scan every file under PATH, also those git ignores (the working tree only)')
    .option('--config <file>', 'custom detectors and legacy-tier path exclusions, YAML or JSON (default: PUSHGATE_CONFIG)')
    .addHelpText(
      'after',
      '\nExit status: 0 no findings, 1 findings, 2 error, 130 interrupted.\n' +
        'Examples:\n' +
        '  pushgate scan --history .                          every commit of this repository\n' +
        '  pushgate scan --history --range origin/main..HEAD  what a pull request adds\n' +
        '  git diff | pushgate scan - --format jsonl          standard input, one JSON object per finding\n' +
        'Secrets are only ever printed redacted. Set PUSHGATE_DEBUG=1 or pass --debug for stack traces.',
    )
    .action(async (path: string, options: ScanCommandOptions) => {
      setExitCode(await runScan(path, options, io));
    });
}

export async function runScan(pathArg: string, options: ScanCommandOptions, io: CliIo): Promise<number> {
  const stdin = pathArg === '-';
  const root = stdin ? io.cwd : resolve(io.cwd, pathArg);
  const kind: ScanKind = options.history ? 'history' : 'working-tree';
  if (options.range !== undefined && !options.history) throw new CliError('SCAN_RANGE_NEEDS_HISTORY', '--range needs --history (it selects commits)');
  if (options.onlyVerified && !options.verify) throw new CliError('SCAN_ONLY_VERIFIED_NEEDS_VERIFY', '--only-verified needs --verify (it keeps the findings the provider says are live)');
  if (stdin && options.history) throw new CliError('SCAN_STDIN_HISTORY', 'standard input has no history: drop --history, or give a repository');
  if (stdin && options.git === false) throw new CliError('SCAN_STDIN_NO_GIT', '--no-git is about files under a directory, not standard input');
  if (options.history && options.git === false) throw new CliError('SCAN_HISTORY_NO_GIT', '--no-git is for working-tree scans; a history scan reads what git stored');
  if (!stdin) await checkDirectory(root, pathArg);
  if (kind === 'history') await checkGitRepository(root, pathArg, io.env);
  const revisions = options.range !== undefined ? await checkRange(root, options.range, io.env) : undefined;

  // Read the baseline before scanning: a bad one should fail in a second, not after an hour of history.
  const { readBaseline, applyBaseline } = await import('../../scanner/report/baseline.js');
  const baseline = options.baseline ? await readBaseline(resolve(io.cwd, options.baseline)) : undefined;
  // Keyed when PUSHGATE_FINGERPRINT_KEY is set (README, "Fingerprints"); a malformed key fails here, before the scan.
  const fingerprints = (await import('../../scanner/fingerprint.js')).fingerprinterFromEnv(io.env);

  const [{ createEngine }, { ALL_DETECTORS }, { loadCustomConfig, excludeLegacy }] = await Promise.all([
    import('../../detectors/engine/engine.js'),
    import('../../detectors/registry.js'),
    import('../../scanner/custom-config.js'),
  ]);
  // Read before scanning: a custom detector that fails its own examples stops the run in a second.
  const configPath = options.config ?? io.env['PUSHGATE_CONFIG'];
  const custom = await loadCustomConfig(configPath === undefined ? undefined : resolve(io.cwd, configPath));
  const engine = createEngine([...ALL_DETECTORS, ...custom.detectors]);

  // JSON Lines to standard output stream during a history scan, unless every finding must be seen first (verify, baseline).
  const streaming = options.format === 'jsonl' && kind === 'history' && !options.output && !options.verify && !options.baseline;
  const streamed: Array<Promise<void>> = [];
  const { jsonLine } = await import('../../scanner/report/json.js');
  let order = Promise.resolve();
  const writeLine = (f: Finding): Promise<void> => {
    // A slow (unkeyed) fingerprint is computed for the line; lines keep the order findings were met in.
    const line = (f.fingerprint ? Promise.resolve(f.fingerprint) : fingerprintOf(fingerprints, f)).then((fingerprint) => jsonLine({ ...f, fingerprint }));
    order = order.then(async () => void io.stdout.write(await line));
    return order;
  };

  const emptyReport: ScanReport = { findings: [], stats: { blobs: 0, bytes: 0, skipped: { count: 0, bytes: 0, reasons: {} }, seconds: 0 }, fingerprints: { scheme: fingerprints.scheme } };
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  const progress = createProgress(io.stderr, kind === 'history' ? 'blobs' : 'files');
  let full: ScanReport;
  try {
    // No env: each scanner gives git an environment without variables that redirect it (GIT_DIR ...).
    const scanOptions = { engine, fingerprints, onProgress: (p: ScanProgress) => progress.update(p), signal: controller.signal };
    if (stdin) {
      const { scanReadable } = await import('../../scanner/working-tree.js');
      full = await scanReadable(process.stdin, '-', scanOptions);
    } else if (kind === 'history') {
      const { scanHistory } = await import('../../scanner/history.js');
      // A whole history is a long scan: with cores to spare, the engine runs in worker threads while this one reads git.
      full = await scanHistory(root, {
        ...scanOptions,
        parallel: true,
        // One location per file a secret stayed in, with the later commits counted, not one per commit.
        collapseMoved: true,
        ...(revisions ? { revisions } : {}),
        // JSON Lines stream: each secret as the scan first meets it, when nothing must see every finding first.
        ...(streaming
          ? {
              onFinding: (f: Finding) => {
                if (excludeLegacy({ ...emptyReport, findings: [f] }, custom).findings.length > 0) streamed.push(writeLine(f));
              },
            }
          : {}),
      });
    } else {
      const { scanWorkingTree } = await import('../../scanner/working-tree.js');
      full = await scanWorkingTree(root, { ...scanOptions, ...(options.git === false ? { noGit: true } : {}) });
    }
    await Promise.all(streamed);
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

  full = excludeLegacy(full, custom);
  const baselined = baseline ? applyBaseline(full, baseline, `baseline ${terminalText(options.baseline!)}`) : { report: full, suppressed: 0, notices: [] };
  const { suppressed } = baselined;
  for (const notice of baselined.notices) io.stderr.write(`pushgate: notice: ${notice}\n`);
  const verified = options.verify ? await verifyReport(baselined.report, io) : baselined.report;
  const report = options.onlyVerified ? { ...verified, findings: verified.findings.filter((f) => f.liveness?.outcome === 'live') } : verified;
  const ignored = full.stats.ignored ?? 0;
  if (ignored > 0) {
    io.stderr.write(
      `pushgate: notice: ${ignored} path${ignored === 1 ? '' : 's'} under ${terminalText(pathArg)} ${ignored === 1 ? 'is' : 'are'} ignored by git and ${ignored === 1 ? 'was' : 'were'} not scanned; --no-git scans them too\n`,
    );
  }
  if (streaming) return report.findings.length > 0 ? EXIT_FINDINGS : EXIT_CLEAN;
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
    case 'jsonl': {
      const { jsonLine } = await import('../../scanner/report/json.js');
      return report.findings.map(jsonLine).join('');
    }
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

/** The fingerprint of a finding whose fingerprint waits for the end of the scan (an unkeyed slow family). */
async function fingerprintOf(fingerprints: Fingerprinter, f: Finding): Promise<string> {
  const secret = f.secret.reveal();
  return fingerprints.slow?.isSlow(f.family) ? fingerprints.slow.of(f.family, secret) : fingerprints.of(f.family, secret);
}

/**
 * The range as rev-list arguments, checked first so a typo or a shallow CI
 * clone fails in a second with what to do, not as an empty scan.
 */
async function checkRange(root: string, range: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  if (range.trim() === '' || range.startsWith('-') || /[\n\0]/.test(range)) throw new CliError('SCAN_RANGE_INVALID', `--range ${terminalText(JSON.stringify(range))}: not a revision range`);
  const git = (args: string[]): Promise<{ ok: boolean; out: string; err: string }> =>
    new Promise((r) => execFile('git', args, { cwd: root, env }, (e, out, err) => r({ ok: !e, out: String(out), err: String(err) })));
  const count = await git(['rev-list', '--count', range, '--']);
  if (!count.ok) {
    const shallow = (await git(['rev-parse', '--is-shallow-repository'])).out.trim() === 'true';
    const why = terminalText(count.err.trim().split('\n')[0] ?? 'git rev-list failed');
    if (shallow) {
      throw new CliError(
        'SCAN_RANGE_SHALLOW',
        `--range ${terminalText(range)}: ${why}; this clone is shallow, so the range's base may not be in it: fetch it (git fetch --unshallow, or actions/checkout with fetch-depth: 0)`,
      );
    }
    throw new CliError('SCAN_RANGE_UNKNOWN', `--range ${terminalText(range)}: ${why}`);
  }
  if (Number(count.out.trim()) === 0) throw new CliError('SCAN_RANGE_EMPTY', `--range ${terminalText(range)} selects no commits: nothing to scan`);
  return [range];
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
