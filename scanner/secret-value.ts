import { inspect } from 'node:util';
import { redact } from '../detectors/engine/redact.js';

/**
 * A secret held in memory. Serializes, prints and inspects as its redacted
 * form, so a finding that reaches a logger, JSON.stringify or an error
 * message by accident leaks nothing; `reveal()` is the one explicit way out
 * (liveness checks, encryption at rest).
 */
export class SecretValue {
  readonly #value: string;
  readonly redacted: string;

  constructor(value: string) {
    this.#value = value;
    this.redacted = redact(value);
  }

  reveal(): string {
    return this.#value;
  }

  toJSON(): string {
    return this.redacted;
  }

  toString(): string {
    return this.redacted;
  }

  [inspect.custom](): string {
    return `SecretValue(${this.redacted})`;
  }
}
