import { safeExternalUrl } from './html.js';

/**
 * Web addresses of commits on hosting platforms, from the repository string a
 * finding was stored under (a clone URL, `git@host:owner/repo.git`, a bare
 * `owner/repo` name or a local path). Only hosts whose commit page layout we
 * know get a link; anything else is shown as plain text by the caller.
 */
type Layout = 'github' | 'gitlab' | 'gitea' | 'bitbucket';

function layoutOf(host: string): Layout | null {
  const h = host.toLowerCase();
  if (h === 'bitbucket.org') return 'bitbucket';
  if (h.includes('gitlab')) return 'gitlab';
  if (h.includes('gitea') || h.includes('forgejo') || h === 'codeberg.org') return 'gitea';
  if (h.includes('github')) return 'github';
  return null;
}

/** `https://host/owner/repo` for an http(s), ssh or scp-like repository address; null for names and paths. */
export function repositoryWebUrl(repository: string): string | null {
  let host: string;
  let path: string;
  const scp = /^[A-Za-z0-9._-]+@([A-Za-z0-9.-]+):(?!\/)(.+)$/.exec(repository);
  if (scp) {
    host = scp[1]!;
    path = scp[2]!;
  } else {
    let url: URL;
    try {
      url = new URL(repository);
    } catch {
      return null;
    }
    if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol) || url.password) return null;
    // ssh and git transports have no web page on their port; the platform's web UI is on https.
    host = url.protocol === 'https:' || url.protocol === 'http:' ? url.host : url.hostname;
    path = url.pathname;
  }
  let segments: string[];
  try {
    // URL paths arrive percent-encoded; decode so each segment is encoded exactly once below.
    segments = path
      .replace(/\.git\/?$/, '')
      .split('/')
      .filter((s) => s !== '')
      .map(decodeURIComponent);
  } catch {
    return null;
  }
  if (segments.length < 2 || segments.some((s) => s === '.' || s === '..' || s.includes('/'))) return null;
  const scheme = repository.startsWith('http://') ? 'http' : 'https';
  return safeExternalUrl(`${scheme}://${host}/${segments.map(encodeURIComponent).join('/')}`);
}

/** The commit's page on its hosting platform, or null when the platform or the commit id is not one we can link. */
export function commitUrl(repository: string, commit: string | null): string | null {
  if (!commit || !/^[0-9a-f]{7,64}$/i.test(commit)) return null;
  const base = repositoryWebUrl(repository);
  if (!base) return null;
  const layout = layoutOf(new URL(base).hostname);
  switch (layout) {
    case 'gitlab':
      return `${base}/-/commit/${commit}`;
    case 'bitbucket':
      return `${base}/commits/${commit}`;
    case 'github':
    case 'gitea':
      return `${base}/commit/${commit}`;
    default:
      return null;
  }
}
