import { lookup as dnsLookup } from 'node:dns/promises';
import { realpath } from 'node:fs/promises';
import { isIP } from 'node:net';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { addressClass } from './address-class.js';
import { QueueError } from './queue-error.js';
import type { RepositorySource } from './repository-source.js';

/**
 * Which repositories a scan may fetch, decided before a job is queued and
 * again by the worker right before git runs (DNS can change in between).
 *
 * By default only `https` and `ssh` to hosts whose every resolved address is
 * public: an `ingest` token must not turn the workers into a reader of the
 * machine's own repositories or a client of its internal network (loopback
 * services, the cloud metadata endpoint, private git servers). The address
 * checked is the address git connects to: it is pinned for the fetch (curl's
 * resolve list for https, ssh's HostName for ssh), so a second DNS answer
 * cannot switch it, and HTTP redirects are refused.
 *
 * PUSHGATE_REPOSITORY_ALLOW opens more, comma-separated:
 *   /srv/git              a path prefix: local paths and file:// URLs beneath it
 *                         (symbolic links resolved, so a link cannot lead out)
 *   http://git.corp:8080/ a URL prefix: any transport it names, any address
 *   git.corp.example      a host name (or IP address): https and ssh to it at any address
 */
export type AllowRule =
  | { readonly kind: 'path'; readonly prefix: string }
  | { readonly kind: 'url'; readonly prefix: string }
  | { readonly kind: 'host'; readonly host: string };

/** What the worker's git may do for one fetch. */
export interface FetchTarget {
  /** The one transport git may use (GIT_ALLOW_PROTOCOL). */
  readonly protocol: 'file' | 'https' | 'http' | 'ssh' | 'git';
  /** The host's checked address, which git must connect to. */
  readonly pin?: { readonly host: string; readonly port: number; readonly address: string };
}

export type HostLookup = (host: string) => Promise<readonly { readonly address: string }[]>;

export const REPOSITORY_ALLOW_VARIABLE = 'PUSHGATE_REPOSITORY_ALLOW';
const LOOKUP_TIMEOUT_MS = 5000;
const DEFAULT_PORTS: Record<string, number> = { https: 443, http: 80, ssh: 22, git: 9418 };
/** Host names we hand to ssh and curl: plain DNS names, nothing a shell or an option parser could read. */
const HOST_NAME = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,62}[a-z0-9])?)*\.?$/;

/** Parses PUSHGATE_REPOSITORY_ALLOW; each entry that is not a rule is a problem naming it. */
export function parseAllowList(text: string | undefined): { rules: AllowRule[]; problems: string[] } {
  const rules: AllowRule[] = [];
  const problems: string[] = [];
  for (const entry of (text ?? '').split(',').map((e) => e.trim()).filter((e) => e !== '')) {
    const rule = parseAllowEntry(entry);
    if (typeof rule === 'string') problems.push(`"${entry}": ${rule}`);
    else rules.push(rule);
  }
  return { rules, problems };
}

function parseAllowEntry(entry: string): AllowRule | string {
  if (entry.startsWith('/')) return { kind: 'path', prefix: trimSeparator(resolve(entry)) };
  if (entry.includes('://')) {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      return 'not a valid URL';
    }
    if (url.protocol === 'file:') return url.host === '' ? { kind: 'path', prefix: trimSeparator(resolve(decodeURIComponent(url.pathname))) } : 'a file URL must name a local path';
    if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol)) return `scheme ${url.protocol} is not a git transport pushgate fetches with`;
    if (url.password !== '' || url.search !== '' || url.hash !== '') return 'a URL prefix must not carry a password, a query or a fragment';
    if (url.hostname === '') return 'a URL prefix must name a host';
    return { kind: 'url', prefix: url.href };
  }
  const host = canonicalHost(entry);
  return host ? { kind: 'host', host } : 'neither an absolute path, a URL nor a host name';
}

function trimSeparator(path: string): string {
  return path.length > 1 && path.endsWith(sep) ? path.slice(0, -1) : path;
}

/** A host as URLs compare it: lower case, IPv4 in dotted decimal (0x7f.1 is 127.0.0.1), IPv6 without brackets; undefined if it is not a host. */
export function canonicalHost(host: string): string | undefined {
  if (host.includes('%')) return undefined; // IPv6 zone ids name an interface, not a host
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (isIP(bare) === 6) {
    try {
      return new URL(`http://[${bare}]/`).hostname.slice(1, -1);
    } catch {
      return undefined;
    }
  }
  let parsed: string;
  try {
    parsed = new URL(`http://${bare}/`).hostname;
  } catch {
    return undefined;
  }
  if (isIP(parsed) === 4) return parsed;
  return HOST_NAME.test(parsed) && parsed === bare.toLowerCase() ? parsed : undefined;
}

/** Scheme, host and port of a git URL or scp-like `[user@]host:path`. */
function remoteOf(source: RepositorySource): { scheme: string; host: string | undefined; port: number; href: string } {
  const text = source.location;
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text)) {
    const url = new URL(text);
    const scheme = url.protocol.slice(0, -1);
    return { scheme, host: canonicalHost(url.hostname), port: url.port === '' ? DEFAULT_PORTS[scheme] ?? 0 : Number(url.port), href: url.href };
  }
  const at = text.indexOf('@');
  const colon = text.indexOf(':', at + 1);
  return { scheme: 'ssh', host: canonicalHost(text.slice(at + 1, colon)), port: 22, href: text };
}

export class RepositoryPolicy {
  constructor(
    readonly rules: readonly AllowRule[],
    private readonly lookup: HostLookup = systemLookup,
    private readonly lookupTimeoutMs = LOOKUP_TIMEOUT_MS,
  ) {}

  /** Refuses with QueueError `REPOSITORY_NOT_ALLOWED`, or says how git may fetch the repository. */
  async check(source: RepositorySource): Promise<FetchTarget> {
    if (source.kind === 'path') return this.checkPath(source.location);
    if (source.location.startsWith('file:')) return this.checkPath(decodeURIComponent(new URL(source.location).pathname));

    const remote = remoteOf(source);
    if (!remote.host) throw refused('the host is not a plain host name or IP address');
    const protocol = remote.scheme as FetchTarget['protocol'];
    const byUrl = this.rules.some((r) => r.kind === 'url' && withinUrl(r.prefix, remote.href));
    const byHost = this.rules.some((r) => r.kind === 'host' && r.host === remote.host);
    // A host rule opens https and ssh to any address; other transports need a URL rule.
    if (!byUrl && protocol !== 'https' && protocol !== 'ssh') {
      throw refused(`${protocol}:// is not allowed by default (only https and ssh); an admin can open a URL prefix with ${REPOSITORY_ALLOW_VARIABLE}`);
    }
    const addresses = await this.resolve(remote.host);
    if (!byUrl && !byHost) {
      for (const address of addresses) {
        const kind = addressClass(address);
        if (kind !== 'public') {
          throw refused(`${remote.host} resolves to a ${kind} address; an admin can allow the host with ${REPOSITORY_ALLOW_VARIABLE}`);
        }
      }
    }
    // git:// connects by itself (git's own resolver): it can only be opened by an explicit URL rule, unpinned.
    if (protocol === 'git') return { protocol };
    return { protocol, pin: { host: remote.host, port: remote.port, address: addresses[0]! } };
  }

  private async checkPath(path: string): Promise<FetchTarget> {
    const wanted = resolve(path);
    const prefixes = this.rules.filter((r) => r.kind === 'path').map((r) => r.prefix);
    if (prefixes.length === 0) throw refused(`local paths are not allowed; an admin can open a directory with ${REPOSITORY_ALLOW_VARIABLE}=/srv/git`);
    // Lexically first, so a path outside every prefix is refused without touching the file system.
    if (!prefixes.some((p) => withinPath(p, wanted))) throw refused(`the path is outside the directories ${REPOSITORY_ALLOW_VARIABLE} allows`);
    const real = await realpathOfNearest(wanted);
    const realPrefixes = await Promise.all(prefixes.map((p) => realpath(p).catch(() => p)));
    if (!realPrefixes.some((p) => withinPath(p, real))) throw refused(`the path leads outside the directories ${REPOSITORY_ALLOW_VARIABLE} allows (through a symbolic link)`);
    return { protocol: 'file' };
  }

  private async resolve(host: string): Promise<string[]> {
    if (isIP(host) !== 0) return [host];
    let timer: NodeJS.Timeout | undefined;
    try {
      const answers = await Promise.race([
        this.lookup(host),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), this.lookupTimeoutMs);
        }),
      ]);
      const addresses = answers.map((a) => a.address).filter((a) => isIP(a) !== 0);
      if (addresses.length > 0) return addresses;
    } catch {
      // reported below, without the resolver's own words
    } finally {
      clearTimeout(timer);
    }
    throw refused(`${host} does not resolve`);
  }
}

function refused(why: string): QueueError {
  return new QueueError('REPOSITORY_NOT_ALLOWED', `repository not allowed: ${why}`);
}

const systemLookup: HostLookup = (host) => dnsLookup(host, { all: true, verbatim: true });

function withinPath(prefix: string, path: string): boolean {
  return path === prefix || path.startsWith(prefix.endsWith(sep) ? prefix : prefix + sep);
}

/** A URL prefix matches at a path boundary: `https://h/org` covers `https://h/org/x.git`, not `https://h/organisation`. */
function withinUrl(prefix: string, href: string): boolean {
  if (!href.startsWith(prefix)) return false;
  return prefix.endsWith('/') || href.length === prefix.length || href[prefix.length] === '/';
}

/** The real path of `path`, or of its nearest existing ancestor with the rest appended (a repository may not exist yet). */
async function realpathOfNearest(path: string): Promise<string> {
  const rest: string[] = [];
  let at = path;
  for (;;) {
    try {
      return join(await realpath(at), ...rest.reverse());
    } catch {
      const parent = dirname(at);
      if (parent === at) return path;
      rest.push(basename(at));
      at = parent;
    }
  }
}
