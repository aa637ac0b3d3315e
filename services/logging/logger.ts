import { pino, type DestinationStream, type Logger } from 'pino';
import type { Engine } from '../../detectors/engine/engine.js';
import type { LogLevel } from '../config/config.js';
import { scrubSecrets } from './scrub.js';

/**
 * The service's pino logger. Three layers keep secrets out of logs:
 * - the HTTP layer logs route patterns, status codes and error codes, never
 *   raw URLs, headers or bodies (services/api/app.ts);
 * - `redact` censors fields that carry credentials wherever they appear
 *   (authorization and cookie headers, anything named token, secret,
 *   password, privateKey, and request bodies);
 * - with an engine, every message string is scrubbed of detectable tokens.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-hub-signature-256"]',
  'req.headers["x-hub-signature"]',
  'headers.authorization',
  'headers.cookie',
  'authorization',
  '*.authorization',
  'token',
  '*.token',
  '*.*.token',
  'secret',
  '*.secret',
  '*.*.secret',
  'password',
  '*.password',
  'privateKey',
  '*.privateKey',
  'body',
  '*.body',
  'req.body',
];

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Where lines go (default stdout); tests pass a stream that captures them. */
  readonly destination?: DestinationStream;
  /** Scrubs every message string with this engine. */
  readonly engine?: Engine;
}

export function createLogger(options: LoggerOptions): Logger {
  const engine = options.engine;
  return pino(
    {
      level: options.level,
      base: { service: 'pushgate' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: {
        err: (err: unknown) => serializeError(err, engine),
        // Requests and replies are logged by the API's own hook; these keep anything else minimal.
        req: (req: { method?: string; id?: string }) => ({ method: req.method, id: req.id }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      hooks: engine
        ? {
            logMethod(args, method) {
              const scrubbed = args.map((a) => (typeof a === 'string' ? scrubSecrets(engine, a) : a)) as Parameters<typeof method>;
              method.apply(this, scrubbed);
            },
          }
        : {},
    },
    options.destination,
  );
}

/** type, code and a scrubbed message and stack; no other own properties (they may hold request data). */
function serializeError(err: unknown, engine: Engine | undefined): Record<string, unknown> {
  const scrub = (s: string): string => (engine ? scrubSecrets(engine, s) : s);
  if (!(err instanceof Error)) {
    // A summary someone built ({ message, code }) keeps both; anything else is written as text.
    if (typeof err === 'object' && err !== null && typeof (err as { message?: unknown }).message === 'string') {
      const { message, code } = err as { message: string; code?: unknown };
      return { ...(typeof code === 'string' ? { code } : {}), message: scrub(message) };
    }
    return { message: scrub(String(err)) };
  }
  const code = (err as Error & { code?: unknown }).code;
  return {
    type: err.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: scrub(err.message),
    ...(err.stack ? { stack: scrub(err.stack) } : {}),
  };
}
