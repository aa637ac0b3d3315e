import type { Corpus } from './corpus.js';

/**
 * One benchmark. `bench/run.ts` lists them; a module only says what it
 * measures and prints its own table through `ctx.table`.
 */
export interface BenchModule {
  /** Short kebab-case name, used by `--only NAME`. */
  readonly name: string;
  /** One line saying what is measured. */
  readonly title: string;
  run(ctx: BenchContext): Promise<void>;
}

export interface BenchContext {
  /** Command-line arguments after the runner's own (`--only NAME`) were taken out. */
  readonly args: readonly string[];
  /** Timed repetitions per measurement (median reported); `--reps N`. */
  readonly reps: number;
  /**
   * The shared source-text corpus, built on first use (tens of MB read from
   * this machine, never committed) so benches that do not need it pay nothing.
   */
  corpus(): Promise<Corpus>;
  /** Prints a titled table with aligned columns. */
  table(title: string, header: readonly string[], rows: readonly (readonly string[])[]): void;
  log(line: string): void;
}
