import { describe, expect, it } from 'vitest';
import { errorSummary, repeatFilter } from './repeat-filter.js';

describe('repeatFilter', () => {
  it('lets each key through once per window', () => {
    let t = 0;
    const pass = repeatFilter(1000, () => t);
    expect([pass('a'), pass('a'), pass('b')]).toEqual([true, false, true]);
    t = 999;
    expect(pass('a')).toBe(false);
    t = 1000;
    expect(pass('a')).toBe(true);
  });

  it('summarises errors as message and code', () => {
    expect(errorSummary(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' }))).toEqual({
      message: 'connect ECONNREFUSED 127.0.0.1:6379',
      code: 'ECONNREFUSED',
    });
    expect(errorSummary('plain')).toEqual({ message: 'plain' });
  });
});
