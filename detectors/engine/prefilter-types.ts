/** A keyword to search for; `text` is read as latin1 bytes. */
export interface KeywordSpec {
  readonly text: string;
  /** ASCII case-insensitive. */
  readonly ignoreCase: boolean;
  /**
   * What must follow a hit for it to be of use (the engine's `requires`). A
   * prefilter may leave out hits for which it does not hold within the
   * buffer it scans: the native kernel does, so hits such as `://` in every
   * URL never reach JavaScript; the others report them. Callers check it
   * again either way.
   */
  readonly requires?: KeywordRequirement;
}

/** An `anyOf` byte among the `within` bytes after the hit, with only `over` bytes before it. */
export interface KeywordRequirement {
  /** 256 flags. */
  readonly anyOf: Uint8Array;
  /** 256 flags; null: any byte may come before. */
  readonly over: Uint8Array | null;
  readonly within: number;
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
