import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { QueueError } from './queue-error.js';

/**
 * Where a repository is cloned from: a git URL or an absolute local path,
 * checked before it is queued and again before git sees it. Only transports
 * that fetch data are allowed (no `ext::`, which runs commands), nothing can
 * be read as a git option, and URLs may not carry credentials: job data is
 * stored in clear, so credentials come from a CredentialsProvider at fetch time.
 */
export interface RepositorySource {
  readonly kind: 'url' | 'path';
  /** What git clones from: the URL as given, or the resolved absolute path. */
  readonly location: string;
  /** Names the mirror directory: equal for the same repository spelled the same way. */
  readonly key: string;
  /** http(s) URL: credentials from a provider may be sent to it. */
  readonly http: boolean;
}

const MAX_LENGTH = 1024;
const URL_SCHEMES = new Set(['https:', 'http:', 'ssh:', 'git:', 'file:']);
/** `[user@]host:path`, git's scp-like ssh syntax (no `//` after the colon, no `::` transport prefix). */
const SCP_LIKE = /^(?:[A-Za-z0-9._~-]+@)?[A-Za-z0-9.-]+:(?!\/\/)(?!:)[^\s]+$/;

export function parseRepositorySource(text: string): RepositorySource {
  const invalid = (why: string): QueueError => new QueueError('REPOSITORY_INVALID', `repository ${why}`);
  if (text.length === 0 || text.length > MAX_LENGTH) throw invalid(`must be 1 to ${MAX_LENGTH} characters`);
  // Control characters and spaces never belong in a URL or in the paths we accept; they would also garble logs.
  if (/[\x00-\x20\x7f]/.test(text)) throw invalid('must not contain spaces or control characters');
  if (text.startsWith('-')) throw invalid('must not start with "-"');
  // git reads `<transport>::<address>` (a leading scheme-like name) as a remote helper; `::` elsewhere is an IPv6 literal.
  if (/^[A-Za-z0-9+.-]*::/.test(text)) throw invalid('uses a git remote-helper transport (`<transport>::`), which is not allowed');

  if (text.startsWith('/')) {
    const location = resolve(text);
    return { kind: 'path', location, key: `path:${location}`, http: false };
  }

  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw invalid('is not a valid URL');
    }
    if (!URL_SCHEMES.has(url.protocol)) throw invalid(`scheme ${url.protocol} is not allowed (use https, http, ssh, git or file)`);
    if (url.password !== '') throw invalid('URL must not carry a password or token: job data is stored in clear');
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.username !== '') {
      throw invalid('URL must not carry a user name (often a token): credentials are provided to the workers separately');
    }
    if (url.protocol === 'file:') {
      if (url.host !== '') throw invalid('file URL must name a local path (file:///path)');
      return { kind: 'url', location: text, key: `path:${resolve(decodeURIComponent(url.pathname))}`, http: false };
    }
    if (url.search !== '' || url.hash !== '') throw invalid('URL must not have a query or a fragment');
    const http = url.protocol === 'https:' || url.protocol === 'http:';
    return { kind: 'url', location: text, key: `url:${url.href.replace(/\/+$/, '')}`, http };
  }

  if (SCP_LIKE.test(text)) return { kind: 'url', location: text, key: `scp:${text}`, http: false };
  throw invalid('must be a git URL (https, http, ssh, git, file) or an absolute path');
}

/** A short stable name for the repository's mirror directory. */
export function mirrorName(source: RepositorySource): string {
  return createHash('sha256').update(source.key).digest('hex').slice(0, 32);
}
