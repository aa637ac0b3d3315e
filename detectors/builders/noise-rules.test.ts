import { describe, expect, it } from 'vitest';
import { identifierLikeReason, keyWords, restatesKeyReason, validationRuleReason } from './assignment.js';
import { codeReason, encodedPlainTextReason } from './placeholder.js';
import { passwordHashScheme } from './password-hash.js';
import { apr1Hash, bcryptHash, sha512Crypt } from './legacy-examples.js';
import { isHandleTokenKey } from '../generic-secret-assignment/detector.js';
import { ALPHA, TokenFactory } from '../../test/support/token-factory.js';

/** The legacy tier's noise rules, one by one (the detectors' negatives hold them through the engine). */
const t = new TokenFactory('noise-rules');
const b64 = (s: string): string => Buffer.from(s, 'latin1').toString('base64');

describe('encodedPlainTextReason', () => {
  it('takes base64 of words, placeholders and dictionary passwords for plain text', () => {
    expect(encodedPlainTextReason(b64('this is not a real secret'))).toBe('base64 of words');
    expect(encodedPlainTextReason(b64("you're not supposed to decode this!"))).toBe('base64 of words');
    expect(encodedPlainTextReason(b64('Linux version 2.6.16-xenU (builder@patchbat) (gcc 4.0.1)'))).toBe('base64 of text');
    expect(encodedPlainTextReason(b64('changeme123'))).not.toBeNull();
    expect(encodedPlainTextReason(b64('password'))).not.toBeNull();
  });

  it('leaves random bytes, random printable passwords and non-base64 alone', () => {
    for (let i = 0; i < 200; i++) expect(encodedPlainTextReason(Buffer.from(t.bytes(32)).toString('base64'))).toBeNull();
    expect(encodedPlainTextReason(b64(`Kx9#${t.chars(ALPHA.base62, 12)}!q`))).toBeNull();
    expect(encodedPlainTextReason('not base64 at all')).toBeNull();
  });
});

describe('validationRuleReason', () => {
  it('takes rule lists for rules', () => {
    expect(validationRuleReason('required|confirmed|min:6')).toBe('validation rules');
    expect(validationRuleReason('required|string|min:8')).toBe('validation rules');
    expect(validationRuleReason('nullable|string|max:255|confirmed')).toBe('validation rules');
    expect(validationRuleReason('min:8')).toBe('validation rules');
  });

  it('leaves passwords with pipes and colons alone', () => {
    expect(validationRuleReason('Kx9|mP2:vLq')).toBeNull();
    expect(validationRuleReason('correct|horse|battery')).toBeNull();
    expect(validationRuleReason('db:5432')).toBeNull();
  });
});

describe('key and value shapes', () => {
  it('names pagination, change and idempotency tokens as handles', () => {
    for (const key of ['NextToken', 'nextPageToken', 'page_token', 'NextContinuationToken', 'ContinuationToken', 'ChangeToken', 'syncToken', 'ClientToken', 'LifecycleActionToken']) {
      expect(isHandleTokenKey(keyWords(key)), key).toBe(true);
    }
    for (const key of ['access_token', 'refreshToken', 'PAGE_ACCESS_TOKEN', 'FB_PAGE_TOKEN', 'NEXT_AUTH_TOKEN', 'GITHUB_TOKEN', 'SessionToken', 'token']) {
      expect(isHandleTokenKey(keyWords(key)), key).toBe(false);
    }
  });

  it('takes a value that restates its key for a stand-in', () => {
    expect(restatesKeyReason('refreshToken', 'r1.refreshtoken123')).not.toBeNull();
    expect(restatesKeyReason('IRC_PASS', 'irc_pass')).not.toBeNull();
    // Keys shorter than six letters and digits say too little.
    expect(restatesKeyReason('token', 'token-9f8e7d6c')).toBeNull();
    expect(restatesKeyReason('api_secret', `${t.chars(ALPHA.base62, 24)}`)).toBeNull();
  });

  it('takes snake_case names and controller#action routes for identifiers', () => {
    expect(identifierLikeReason('create_o_auth2_token_with_iam')).not.toBeNull();
    expect(identifierLikeReason('active_storage/disk#update')).not.toBeNull();
    expect(identifierLikeReason(t.chars(ALPHA.base62, 32))).toBeNull();
  });

  it('takes minified object literals for code', () => {
    expect(codeReason('r,strength:a,resolveReady:o,ready:s}=n;r?(await')).toBe('object literal');
    expect(codeReason(`Kx9,mP2:vLq${t.chars(ALPHA.base62, 8)}`)).toBeNull();
  });
});

describe('passwordHashScheme', () => {
  it('names well-formed crypt and htpasswd hashes', () => {
    expect(passwordHashScheme(sha512Crypt(t))).toBe('sha512-crypt');
    expect(passwordHashScheme(bcryptHash(t))).toBe('bcrypt');
    expect(passwordHashScheme(apr1Hash(t))).toBe('Apache MD5 (apr1)');
    expect(passwordHashScheme(`{SHA}${Buffer.from(t.bytes(20)).toString('base64')}`)).toBe('SHA-1 (htpasswd {SHA})');
  });

  it('rejects malformed and filler hashes', () => {
    expect(passwordHashScheme('$6$salt$short')).toBeNull();
    expect(passwordHashScheme(`$2y$10$${'a'.repeat(53)}`)).toBeNull();
    expect(passwordHashScheme(`$2y$99$${t.chars('./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 53)}`)).toBeNull();
    expect(passwordHashScheme('*')).toBeNull();
  });
});
