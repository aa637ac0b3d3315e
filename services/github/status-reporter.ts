import type { Logger } from 'pino';
import type { Engine } from '../../detectors/engine/engine.js';
import { redact } from '../../detectors/engine/redact.js';
import { SecretValue } from '../../scanner/secret-value.js';
import { scrubSecrets } from '../logging/scrub.js';
import type { PushScanJobData, PushScanReporter, PushScanSummary } from '../queue/jobs.js';
import type { GithubAppAuth } from './app-auth.js';
import { GithubError } from './github-error.js';
import type { GithubHttp } from './http-client.js';

/**
 * Reports a push-scan's result back to GitHub as a commit status on the
 * pushed head (`POST /repos/{owner}/{repo}/statuses/{sha}`), authenticated as
 * the App's installation: `failure` with the count, redacted values and paths
 * when identifiable secrets were found, `success` otherwise. A commit status
 * needs only the `statuses: write` permission (a check run would need
 * `checks: write` and gives nothing a one-line summary needs).
 */
export const STATUS_CONTEXT = 'pushgate/secret-scan';

/** GitHub refuses longer status descriptions (422); the OpenAPI description does not say so. */
export const MAX_STATUS_DESCRIPTION = 140;
const MAX_PATH_SHOWN = 40;

export type CommitState = 'error' | 'failure' | 'pending' | 'success';

export interface CommitStatusText {
  readonly state: CommitState;
  readonly description: string;
}

/**
 * The status for a summary, at most 140 characters. Values are shown only in
 * redacted form: whatever the summary holds goes through redact() again unless
 * it already is redact()'s output, and the engine (when given) scrubs the
 * whole line, so no full secret can reach GitHub even from a path.
 */
export function describePushScan(summary: PushScanSummary, engine?: Engine): CommitStatusText {
  if (summary.identifiable === 0) {
    const description =
      summary.findings === 0
        ? 'No secrets found in this push'
        : `No identifiable secrets; ${plural(summary.findings, 'possible secret')} from heuristic detectors, see pushgate`;
    return { state: 'success', description };
  }
  const head = `${plural(summary.identifiable, 'secret')} found: `;
  const items: string[] = [];
  const seen = new Set<string>();
  const ordered = [...summary.redacted].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
  for (const r of ordered) {
    const value = /^[^*]*\*\*\*$/.test(r.redacted) && r.redacted.length <= 11 ? r.redacted : redact(r.redacted);
    const item = `${value} in ${place(r)}`;
    if (!seen.has(item)) {
      seen.add(item);
      items.push(item);
    }
  }
  let description = `${plural(summary.identifiable, 'secret')} found`;
  for (let shown = items.length; shown >= 1; shown--) {
    const more = items.length - shown;
    const text = `${head}${items.slice(0, shown).join(', ')}${more > 0 ? `, +${more} more` : ''}`;
    if (text.length <= MAX_STATUS_DESCRIPTION) {
      description = text;
      break;
    }
  }
  if (engine) description = scrubSecrets(engine, description);
  return { state: 'failure', description: description.slice(0, MAX_STATUS_DESCRIPTION) };
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

type SummaryItem = PushScanSummary['redacted'][number];

/** `config/app.env:2`, `commit message of 3f2a1b4`, `tag v1.0 message`, `ref name refs/heads/x`: short, for a 140-character line. */
function place(r: SummaryItem): string {
  const commit = r.commit ? ` of ${r.commit.slice(0, 7)}` : '';
  const tag = `tag ${r.tagName ?? r.tag?.slice(0, 7) ?? ''}`.trimEnd();
  switch (r.kind ?? 'blob') {
    case 'blob':
      return `${shortPath(r.path)}:${r.line}`;
    case 'path':
      return `path ${shortPath(r.path)}`;
    case 'commit-message':
      return `commit message${commit}`;
    case 'commit-identity':
      return `author/committer${commit}`;
    case 'commit-header':
      return `commit header${commit}`;
    case 'tag-message':
      return `${tag} message`;
    case 'tag-identity':
      return `${tag} tagger`;
    case 'tag-header':
      return `${tag} header`;
    case 'ref-name':
      return `ref name ${shortPath(r.ref ?? '')}`;
  }
}

function shortPath(path: string): string {
  return path.length <= MAX_PATH_SHOWN ? path : `…${path.slice(path.length - (MAX_PATH_SHOWN - 1))}`;
}

export interface GithubStatusReporterOptions {
  readonly auth: GithubAppAuth;
  readonly http: GithubHttp;
  readonly logger: Logger;
  /** Scrubs descriptions as a last line of defence. */
  readonly engine?: Engine;
  /** Status context (default `pushgate/secret-scan`). */
  readonly context?: string;
}

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const FULL_NAME = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

export class GithubStatusReporter implements PushScanReporter {
  private readonly context: string;

  constructor(private readonly options: GithubStatusReporterOptions) {
    this.context = options.context ?? STATUS_CONTEXT;
  }

  async report(job: PushScanJobData, summary: PushScanSummary): Promise<void> {
    const log = this.options.logger;
    if (job.fullName === undefined || job.installationId === undefined) {
      // A push scan requested outside GitHub (API, hook): nobody to report to.
      log.debug({ repository: job.repository }, 'push scan has no GitHub repository or installation: no commit status');
      return;
    }
    if (/^0+$/.test(job.after)) return;
    if (!FULL_NAME.test(job.fullName) || !SHA.test(job.after)) {
      throw new GithubError('GITHUB_TARGET_INVALID', `cannot set a status on ${JSON.stringify(job.fullName)} at ${JSON.stringify(job.after)}`);
    }
    const status = describePushScan(summary, this.options.engine);
    const [owner, repo] = job.fullName.split('/') as [string, string];
    const path = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/statuses/${job.after}`;
    const body = { state: status.state, description: status.description, context: this.context };
    for (let attempt = 1; ; attempt++) {
      const { token } = await this.options.auth.installationToken(job.installationId);
      try {
        await this.options.http.requestJson('POST', path, { authorization: new SecretValue(`Bearer ${token.reveal()}`), body, expect: [201] });
        log.info({ repository: job.fullName, sha: job.after, state: status.state, deliveryId: job.deliveryId }, 'commit status set on GitHub');
        return;
      } catch (err) {
        // A cached token GitHub no longer takes (revoked, App re-installed): mint a new one once.
        if (err instanceof GithubError && err.status === 401 && attempt === 1) {
          this.options.auth.invalidate(job.installationId);
          continue;
        }
        throw err;
      }
    }
  }
}
