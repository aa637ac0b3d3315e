import type { DetectorExamples, PositiveExample } from '../examples-types.js';
import type { TokenFactory } from '../../test/support/token-factory.js';

export interface ShapeExamplesSpec {
  /** A valid token, drawn from the factory. */
  readonly make: (t: TokenFactory) => string;
  /** The literal prefix, for placeholder negatives. */
  readonly prefix: string;
  /** Environment variable name used in config-style examples. */
  readonly envName: string;
  /** Characters of the token's own alphabet, for embedded-run negatives. */
  readonly runAlphabet: string;
  /** A character that fits the shape, repeated into a placeholder body. */
  readonly fillChar: string;
  /** False when the shape allows a range of lengths, so a shortened token may still fit. */
  readonly fixedLength?: boolean;
  /** Extra format-specific negatives. */
  readonly extraNegatives?: (t: TokenFactory) => string[];
  /** Extra format-specific positives. */
  readonly extraPositives?: (t: TokenFactory) => PositiveExample[];
  /** A valid token around a chosen random part (see DetectorExamples.withRandom). */
  readonly withRandom?: (t: TokenFactory, random: string) => string | null;
}

/** Realistic positives and the look-alikes every shape-only detector must reject. */
export function shapeTokenExamples(spec: ShapeExamplesSpec): DetectorExamples {
  return {
    generate: spec.make,
    ...(spec.withRandom ? { withRandom: spec.withRandom } : {}),
    positives: (t) => {
      const a = spec.make(t);
      const b = spec.make(t);
      const c = spec.make(t);
      const d = spec.make(t);
      return [
        { text: `# deploy settings\nexport ${spec.envName}=${a}\n`, secret: a },
        { text: `{\n  "credentials": {\n    "token": "${b}"\n  }\n}\n`, secret: b },
        { text: `env:\r\n  ${spec.envName}: '${c}'\r\n  LOG_LEVEL: debug\r\n`, secret: c },
        { text: `curl -sS -H "Authorization: Bearer ${d}" https://api.example.com/v1/me`, secret: d },
        ...(spec.extraPositives?.(t) ?? []),
      ];
    },
    negatives: (t) => {
      const good = spec.make(t);
      const body = good.slice(spec.prefix.length);
      return [
        `${spec.envName}=${spec.prefix}${spec.fillChar.repeat(body.length)}`,
        `${spec.envName}=${spec.prefix}<your-token-here>`,
        // Embedded in a longer run of the same alphabet: not a token.
        `blob: ${t.chars(spec.runAlphabet, 12)}${good}`,
        `blob: ${good}${t.chars(spec.runAlphabet, 30)}`,
        // Too short.
        ...(spec.fixedLength === false ? [] : [`${spec.envName}=${good.slice(0, -3)}`]),
        ...(spec.extraNegatives?.(t) ?? []),
      ];
    },
  };
}
