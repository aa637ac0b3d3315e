import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/engine.js';
import { uuid } from '../builders/legacy-examples.js';
import { TokenFactory } from '../../test/support/token-factory.js';
import { detector } from './detector.js';

describe('npmrc-auth', () => {
  it('reports every random UUID written as a legacy npm _authToken (the strength measure alone missed some)', () => {
    const t = new TokenFactory('npmrc-uuid');
    const engine = createEngine([detector]);
    const missed: string[] = [];
    for (let i = 0; i < 500; i++) {
      const token = uuid(t);
      const found = engine.scan(Buffer.from(`//registry.npmjs.org/:_authToken=${token}\n`));
      if (!found.some((m) => m.secret === token)) missed.push(token.slice(0, 8));
    }
    expect(missed).toEqual([]);
  });
});
