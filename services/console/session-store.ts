import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Role } from '../auth/roles.js';
import type { Principal, TokenStore } from '../auth/token-store.js';
import { newCsrfToken } from './csrf.js';

/**
 * Console sessions, in Redis under the configured prefix. The cookie holds a
 * random 32-byte id; Redis holds only its SHA-256 as the key (a copy of Redis
 * yields no usable session), with the token's id and SHA-256 and the
 * session's CSRF token. Sessions end after a fixed lifetime (not extended by
 * use), at logout, and as soon as their API token is revoked: every lookup
 * re-reads the token, so the role shown is always the token's current one.
 */
export interface ConsoleSession {
  readonly tokenId: string;
  readonly role: Role;
  readonly label: string;
  readonly csrf: string;
  /** ISO 8601. */
  readonly createdAt: string;
}

export const DEFAULT_SESSION_TTL_SECONDS = 8 * 60 * 60;
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

export interface SessionStoreOptions {
  readonly redis: Redis;
  readonly prefix: string;
  readonly tokens: TokenStore;
  readonly ttlSeconds?: number;
  readonly clock?: () => Date;
}

export class SessionStore {
  readonly ttlSeconds: number;
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly tokens: TokenStore;
  private readonly clock: () => Date;

  constructor(options: SessionStoreOptions) {
    this.redis = options.redis;
    this.prefix = options.prefix;
    this.tokens = options.tokens;
    this.ttlSeconds = options.ttlSeconds ?? DEFAULT_SESSION_TTL_SECONDS;
    this.clock = options.clock ?? (() => new Date());
  }

  private key(id: string): string {
    return `${this.prefix}console:session:${createHash('sha256').update(id).digest('hex')}`;
  }

  /** Starts a session for a principal that just authenticated with a token (given as its SHA-256). Returns the cookie value. */
  async create(principal: Principal, tokenHash: string): Promise<{ readonly id: string; readonly session: ConsoleSession }> {
    const id = randomBytes(32).toString('base64url');
    const session: ConsoleSession = { tokenId: principal.tokenId, role: principal.role, label: principal.label, csrf: newCsrfToken(), createdAt: this.clock().toISOString() };
    await this.redis
      .multi()
      .hset(this.key(id), { tokenId: session.tokenId, tokenHash, csrf: session.csrf, createdAt: session.createdAt })
      .expire(this.key(id), this.ttlSeconds)
      .exec();
    return { id, session };
  }

  /** The live session for a cookie value, or null (unknown, expired, or its token was revoked). */
  async get(id: string | undefined): Promise<ConsoleSession | null> {
    if (!id || !SESSION_ID.test(id)) return null;
    const [tokenId, tokenHash, csrf, createdAt] = await this.redis.hmget(this.key(id), 'tokenId', 'tokenHash', 'csrf', 'createdAt');
    if (!tokenId || !tokenHash || !csrf) return null;
    const principal = await this.tokens.principalForHash(tokenHash);
    if (!principal || principal.tokenId !== tokenId) {
      await this.destroy(id);
      return null;
    }
    return { tokenId, role: principal.role, label: principal.label, csrf, createdAt: createdAt ?? '' };
  }

  async destroy(id: string | undefined): Promise<void> {
    if (id && SESSION_ID.test(id)) await this.redis.del(this.key(id));
  }
}
