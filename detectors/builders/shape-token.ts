import type { Candidate, Detector, DetectorMeta, RandomPart, Verdict } from '../types.js';
import { looksGenerated } from './token-shape.js';

const SHAPE_MATCH: Verdict = { confidence: 'high', reason: 'fixed prefix and exact shape (format has no public checksum)' };

export interface ShapeTokenSpec {
  readonly keywords: readonly string[];
  /** RE2 pattern with a `(?P<secret>...)` group. */
  readonly pattern: string;
  readonly alphabet: string;
  readonly window: { readonly before: number; readonly after: number };
  /** The randomly generated part of a candidate, for the placeholder test. */
  readonly randomPart: (candidate: Candidate) => string;
  /**
   * What that part is drawn from: its alphabet and length range. Given, the
   * detector declares it as its `randomPart`, so the engine's shared
   * placeholder judgment applies too.
   */
  readonly random?: { readonly alphabet: string; readonly minLength: number; readonly maxLength: number };
}

/**
 * A fixed-prefix token whose format has no checksum: the prefix and exact
 * shape identify it, and a plausibility test on the random part rejects
 * placeholders such as `xxxx…` that fit the shape.
 */
export function shapeTokenDetector(meta: Omit<DetectorMeta, 'tier'>, spec: ShapeTokenSpec): Detector {
  const random = spec.random;
  const randomPart: RandomPart | undefined = random && {
    ...random,
    of: (secret, groups) => spec.randomPart({ secret, groups, matchText: secret }),
  };
  return {
    ...meta,
    tier: 'identifiable',
    keywords: spec.keywords,
    pattern: spec.pattern,
    alphabet: spec.alphabet,
    window: spec.window,
    validate: (candidate) => (looksGenerated(spec.randomPart(candidate)) ? SHAPE_MATCH : null),
    ...(randomPart ? { randomPart } : {}),
  };
}
