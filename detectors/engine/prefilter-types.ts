/** A keyword to search for; `text` is read as latin1 bytes. */
export interface KeywordSpec {
  readonly text: string;
  /** ASCII case-insensitive. */
  readonly ignoreCase: boolean;
}

/** Called with the keyword's index in the spec list and the byte offset where it starts. */
export type HitCallback = (keyword: number, start: number) => void;

/**
 * Finds every occurrence of every keyword, overlapping ones included, that
 * lies wholly inside [from, to). Hits are reported in the order an
 * Aho-Corasick automaton reports them: by end offset, then longer keyword
 * first, then by keyword index.
 */
export interface Prefilter {
  readonly keywords: readonly KeywordSpec[];
  scan(buf: Uint8Array, from: number, to: number, onHit: HitCallback): void;
}
