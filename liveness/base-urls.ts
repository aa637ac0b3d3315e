import { checkById } from './registry.js';

/**
 * `PUSHGATE_LIVENESS_BASE_URLS`: `id=url` pairs separated by commas, e.g.
 * `github=https://ghe.example.com/api/v3,gitlab=https://gitlab.example.com`.
 * A configured host may be private (GitHub Enterprise inside the network,
 * the stand-ins of the tests); no other host may.
 */
export interface BaseUrlParse {
  readonly baseUrls: Readonly<Record<string, string>>;
  readonly problems: readonly string[];
}

export function parseBaseUrls(text: string | undefined): BaseUrlParse {
  const baseUrls: Record<string, string> = {};
  const problems: string[] = [];
  for (const part of (text ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    const id = eq > 0 ? part.slice(0, eq).trim() : '';
    const url = eq > 0 ? part.slice(eq + 1).trim().replace(/\/+$/, '') : '';
    if (!id || !url) {
      problems.push(`"${part}" is not id=url`);
      continue;
    }
    if (!checkById(id)) {
      problems.push(`no liveness check named "${id}"`);
      continue;
    }
    try {
      // Placeholders ({shop}, {workspace}, {dc}, {host}, {region}, {account}, {api}) are filled per finding or per region.
      const u = new URL(url.replace(/\{[a-z]+\}/g, 'x'));
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('scheme');
    } catch {
      problems.push(`${id}: "${url}" is not an http(s) URL`);
      continue;
    }
    baseUrls[id] = url;
  }
  return { baseUrls, problems };
}

/** Hostnames of configured base URLs: the only ones allowed to be private. */
export function configuredHosts(baseUrls: Readonly<Record<string, string>>): string[] {
  const hosts = new Set<string>();
  for (const url of Object.values(baseUrls)) {
    try {
      hosts.add(new URL(url.replace('{shop}', 'shop').replace('{workspace}', 'workspace').replace('{dc}', 'us1')).hostname.toLowerCase());
    } catch {
      // parseBaseUrls reported it
    }
  }
  return [...hosts];
}

export function baseUrlFor(id: string, defaultBaseUrl: string, baseUrls: Readonly<Record<string, string>>): string {
  return baseUrls[id] ?? defaultBaseUrl;
}
