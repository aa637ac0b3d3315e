import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/engine.js';
import { crc32Base62 } from '../checksum/crc32-base62.js';
import { detector } from './detector.js';

/*
 * Independent vector for the checksum npm shares with GitHub: the payload and
 * checksum of the example token in the README of therootcompany/base62-token.js
 * (an independent implementation of the scheme described in GitHub's blog posts
 * of 2021-04-05 and 2021-09-23). Stored without its prefix, as two parts, so
 * this file holds no detectable token.
 */
const VECTOR_PAYLOAD = 'zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ';
const VECTOR_CHECKSUM = '0mLq17';

describe('npm-access-token', () => {
  it('computes the published checksum of an independent vector', () => {
    expect(crc32Base62(VECTOR_PAYLOAD)).toBe(VECTOR_CHECKSUM);
  });

  it('finds a token built from the vector and rejects it with one checksum character changed', () => {
    const engine = createEngine([detector]);
    const token = ['npm', '_', VECTOR_PAYLOAD, VECTOR_CHECKSUM].join('');
    const found = engine.scan(Buffer.from(`//registry.npmjs.org/:_authToken=${token}\n`));
    expect(found.map((m) => m.secret)).toEqual([token]);
    const broken = token.slice(0, -1) + (token.endsWith('7') ? '8' : '7');
    expect(engine.scan(Buffer.from(`//registry.npmjs.org/:_authToken=${broken}\n`))).toEqual([]);
  });
});
