import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/engine.js';
import { gitlabRoutableCrc, isValidRoutableToken } from '../builders/gitlab-token.js';
import { detector } from './detector.js';
import { examples } from './examples.js';
import { TokenFactory } from '../../test/support/token-factory.js';

/*
 * Independent vector, computed with Python's zlib.crc32 and base64 (not this
 * code) following GitLab's generator (lib/authn/token_field/generator/
 * routable_token.rb): 16 bytes of "a", routing payload "o:1", its length
 * byte; version 01. Kept in parts so no detectable token is stored.
 */
const VECTOR = {
  payload: 'YWFhYWFhYWFhYWFhYWFhYW86MQM',
  version: '01',
  length: '0r',
  crc: '0i4k17x',
};

describe('gitlab-pat routable format', () => {
  const token = ['glpat-', VECTOR.payload, '.', VECTOR.version, '.', VECTOR.length, VECTOR.crc].join('');

  it('reproduces the CRC of the independent vector', () => {
    expect(gitlabRoutableCrc(token.slice(0, -7))).toBe(VECTOR.crc);
    expect(isValidRoutableToken(token, 'glpat-')).toBe(true);
  });

  it('rejects the vector with a wrong length field, even with a CRC recomputed to match', () => {
    const wrongLength = ['glpat-', VECTOR.payload, '.01.', '0s'].join('');
    expect(isValidRoutableToken(wrongLength + gitlabRoutableCrc(wrongLength), 'glpat-')).toBe(false);
  });

  it('reports the whole token, not its first 20 characters', () => {
    const random = examples.generate!(new TokenFactory('gitlab-pat-whole'));
    const found = createEngine([detector]).scan(Buffer.from(`PRIVATE-TOKEN: ${random}\n`));
    expect(found.map((m) => [m.secret, m.reason])).toEqual([[random, 'routable format with valid CRC-32 and length field']]);
  });

  it('does not block the vector itself: 16 bytes of "a" are a placeholder, not a drawn secret', () => {
    expect(createEngine([detector]).scan(Buffer.from(`PRIVATE-TOKEN: ${token}\n`))).toEqual([]);
  });
});
