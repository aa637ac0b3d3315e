import { describe, expect, it } from 'vitest';
import { redact } from '../../detectors/engine/redact.js';
import { githubTokens, testEngine } from '../../test/support/findings.js';
import { LogCapture } from '../../test/support/service.js';
import { createLogger } from './logger.js';
import { scrubSecrets } from './scrub.js';

describe('log scrubbing', () => {
  const [a, b] = githubTokens('scrub', 2);

  it('replaces every detected token with its redacted form, keeping the rest (also around multi-byte text)', () => {
    const text = `é ${a} and ${b}!`;
    expect(scrubSecrets(testEngine(), text)).toBe(`é ${redact(a!)} and ${redact(b!)}!`);
    expect(scrubSecrets(testEngine(), 'nothing here')).toBe('nothing here');
  });

  it('censors credential fields and scrubs messages and errors', () => {
    const logs = new LogCapture();
    const log = createLogger({ level: 'info', destination: logs, engine: testEngine() });
    log.info({ req: { headers: { authorization: `Bearer ${a}` } }, token: a, nested: { secret: a } }, `saw ${b}`);
    log.error({ err: new Error(`failed with ${a}`) }, 'boom');
    const text = logs.text();
    expect(text).not.toContain(a);
    expect(text).not.toContain(b);
    expect(text).toContain(redact(b!));
    expect(logs.lines()[0]).toMatchObject({ token: '[redacted]', nested: { secret: '[redacted]' } });
  });
});
