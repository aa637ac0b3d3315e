import type { TokenFactory } from '../test/support/token-factory.js';

/**
 * A detector's labelled examples. They are functions of a seeded TokenFactory
 * because real-format tokens (and any valid checksum) must be generated when
 * tests run, never committed. Texts should look like real files: config lines,
 * URLs with credentials, multi-line blocks.
 */
export interface PositiveExample {
  readonly text: string;
  /** The exact secret the detector must report. */
  readonly secret: string;
  /** The companion value it must attach, if any. */
  readonly companion?: string;
}

export interface DetectorExamples {
  readonly positives: (t: TokenFactory) => PositiveExample[];
  /** Texts this detector must not report (look-alikes, bad checksums, placeholders, embedded runs). */
  readonly negatives: (t: TokenFactory) => string[];
  /** A valid token, for tests and benchmarks elsewhere (identifiable detectors). */
  readonly generate?: (t: TokenFactory) => string;
  /**
   * A valid token (checksum, signature and structure recomputed) whose random
   * part (the detector's `randomPart.of`) is exactly `random`, the rest drawn
   * from the factory; null when the format cannot carry it (a character
   * outside its alphabet, a length it does not have, a structure the value
   * would break). The placeholder test plants placeholders with it.
   */
  readonly withRandom?: (t: TokenFactory, random: string) => string | null;
}
