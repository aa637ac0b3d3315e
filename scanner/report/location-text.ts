import type { Encoding, Location, LocationKind } from '../types.js';

/**
 * Where a secret is, in words, for the reports people read (text report,
 * rejection message, commit status). Plain text: whoever prints it on a
 * terminal passes it through terminalText, HTML pages escape it.
 */
export const LOCATION_KIND_NAMES: Readonly<Record<LocationKind, string>> = {
  blob: 'file',
  path: 'path',
  'commit-message': 'commit message',
  'commit-identity': 'author/committer',
  'commit-header': 'commit header',
  'tag-message': 'tag message',
  'tag-identity': 'tagger',
  'tag-header': 'tag header',
  'ref-name': 'ref name',
};

const ENCODING_NAMES: Readonly<Record<Encoding, string>> = {
  base64: 'base64-encoded',
  base64url: 'base64url-encoded',
  percent: 'percent-encoded',
  'json-escape': 'JSON-escaped',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
};

/** Every encoding the engine decodes (from the exhaustive table above). */
export const ENCODINGS: readonly Encoding[] = Object.keys(ENCODING_NAMES) as Encoding[];

/** ` (base64-encoded)` when the secret was found decoded, else ''. An encoding this version does not know (stored by a newer one) is shown by its name. */
export function encodingNote(encoding: Encoding | undefined): string {
  return encoding ? ` (${(ENCODING_NAMES as Readonly<Record<string, string>>)[encoding] ?? encoding})` : '';
}

export function shortId(id: string): string {
  return id.slice(0, 10);
}

/** `v1.0 (9ab0123456)`; `9ab0123456` when the name is unknown. */
export function tagLabel(l: Pick<Location, 'tag' | 'tagName'>): string {
  if (l.tagName && l.tag) return `${l.tagName} (${shortId(l.tag)})`;
  return l.tagName ?? (l.tag ? shortId(l.tag) : '(unknown)');
}

/** `tag v1.0 (9ab0123456)`. */
export function tagWords(l: Pick<Location, 'tag' | 'tagName'>): string {
  return `tag ${tagLabel(l)}`;
}

function of(commit: string | undefined): string {
  return commit ? ` of ${shortId(commit)}` : '';
}

/**
 * The place of a location, e.g. `src/app.env:3:7`, `path of 3f2a1b4c5d: dir/fi***`,
 * `commit message of 3f2a1b4c5d, line 2`, `tag v1.0 (9ab0123456) message, line 3`,
 * `ref name refs/heads/ghp_ab***`, each followed by the encoding when there is one.
 * For a file (`blob`) the commit is not included: reports show it in front.
 */
export function placeWords(l: Location): string {
  const enc = encodingNote(l.encoding);
  switch (l.kind) {
    case 'blob':
      return `${l.path ?? ''}:${l.line}:${l.column}${enc}`;
    case 'path':
      return `path${of(l.commit)}: ${l.path ?? ''}${enc}`;
    case 'commit-message':
      return `commit message${of(l.commit)}, line ${l.line}${enc}`;
    case 'commit-identity':
      return `author/committer${of(l.commit)}, header line ${l.line}${enc}`;
    case 'commit-header':
      return `commit header${of(l.commit)}, line ${l.line}${enc}`;
    case 'tag-message':
      return `${tagWords(l)} message, line ${l.line}${enc}`;
    case 'tag-identity':
      return `tagger of ${tagWords(l)}, header line ${l.line}${enc}`;
    case 'tag-header':
      return `${tagWords(l)} header, line ${l.line}${enc}`;
    case 'ref-name':
      return `ref name ${l.ref ?? ''}${enc}`;
  }
}
