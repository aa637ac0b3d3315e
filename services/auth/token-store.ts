import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { SecretValue } from '../../scanner/secret-value.js';
import type { AuditActor, AuditLog } from '../audit/audit-log.js';
import { storeKeys, type StoreKeys } from '../store/keys.js';
import { AuthError } from './auth-error.js';
import { isRole, type Role } from './roles.js';

/**
 * API bearer tokens. A token is `pgt_` followed by 32 random bytes
 * (base64url); only its SHA-256 is stored, as the Redis key of its record.
 *
 * Why a plain SHA-256 and not bcrypt/scrypt/argon2: slow hashes exist to make
 * guessing low-entropy passwords expensive. A 256-bit random token cannot be
 * guessed at any hash speed, and a fast, unsalted hash lets every request
 * find its token with one key lookup (no scan over all tokens, no comparison
 * of secret material in our code that could leak timing). A stolen copy of
 * Redis yields hashes that do not authenticate. The bootstrap admin token
 * comes from the operator, so the config insists on 32+ characters and the
 * README says to generate it (`openssl rand -hex 32`).
 */
export interface TokenInfo {
  readonly id: string;
  readonly role: Role;
  readonly label: string;
  readonly createdAt: string;
  /** Who minted it (`token:<id>`, `cli:<user>`, `system:bootstrap`). */
  readonly createdBy: string;
}

/** The caller a request authenticated as. */
export interface Principal {
  readonly tokenId: string;
  readonly role: Role;
  readonly label: string;
}

export const TOKEN_PREFIX = 'pgt_';
export const BOOTSTRAP_TOKEN_ID = 'bootstrap';

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface TokenStoreOptions {
  readonly redis: Redis;
  readonly prefix: string;
  readonly audit: AuditLog;
  readonly clock?: () => Date;
}

export class TokenStore {
  readonly keys: StoreKeys;
  private readonly redis: Redis;
  private readonly audit: AuditLog;
  private readonly clock: () => Date;

  constructor(options: TokenStoreOptions) {
    this.redis = options.redis;
    this.keys = storeKeys(options.prefix);
    this.audit = options.audit;
    this.clock = options.clock ?? (() => new Date());
  }

  /**
   * Mints a token. The returned `token` is the only copy in clear: show it
   * once, never log it. Audited as `token.create`.
   */
  async mint(input: { role: string; label?: string; actor: AuditActor; requestId?: string }): Promise<{ token: SecretValue; info: TokenInfo }> {
    if (!isRole(input.role)) throw new AuthError('TOKEN_ROLE_INVALID', `unknown role ${JSON.stringify(input.role)} (expected admin, triage, ingest or read-only)`);
    const label = input.label ?? '';
    if (label.length > 100 || /[\x00-\x1f\x7f]/.test(label)) throw new AuthError('TOKEN_LABEL_INVALID', 'a token label is at most 100 characters without control characters');
    const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const info: TokenInfo = {
      id: `tok_${randomBytes(8).toString('hex')}`,
      role: input.role,
      label,
      createdAt: this.clock().toISOString(),
      createdBy: `${input.actor.kind}:${input.actor.id}`,
    };
    await this.store(tokenHash(token), info);
    await this.audit.append({
      action: 'token.create',
      actor: input.actor,
      target: { type: 'token', id: info.id },
      data: { role: info.role, label: info.label },
      ...(input.requestId ? { requestId: input.requestId } : {}),
    });
    return { token: new SecretValue(token), info };
  }

  private async store(hash: string, info: TokenInfo): Promise<void> {
    await this.redis
      .multi()
      .hset(this.keys.tokenByHash(hash), { id: info.id, role: info.role, label: info.label, createdAt: info.createdAt, createdBy: info.createdBy })
      .hset(this.keys.tokens, info.id, hash)
      .exec();
  }

  /** The principal a bearer token stands for, or null when it is unknown or revoked. */
  async authenticate(token: string): Promise<Principal | null> {
    if (token.length < 16 || token.length > 512) return null;
    return this.principalForHash(tokenHash(token));
  }

  /** The principal for a token's SHA-256 (console sessions keep the hash, so a revoked token ends them), or null. */
  async principalForHash(hash: string): Promise<Principal | null> {
    const [id, role, label] = await this.redis.hmget(this.keys.tokenByHash(hash), 'id', 'role', 'label');
    if (!id || !isRole(role)) return null;
    return { tokenId: id, role, label: label ?? '' };
  }

  async list(): Promise<TokenInfo[]> {
    const byId = await this.redis.hgetall(this.keys.tokens);
    const out: TokenInfo[] = [];
    for (const hash of Object.values(byId)) {
      const r = await this.redis.hgetall(this.keys.tokenByHash(hash));
      if (r['id'] && isRole(r['role'])) {
        out.push({ id: r['id'], role: r['role'], label: r['label'] ?? '', createdAt: r['createdAt'] ?? '', createdBy: r['createdBy'] ?? '' });
      }
    }
    return out.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  }

  /** Revokes a token by id; it stops working at once. Audited as `token.revoke`. */
  async revoke(id: string, actor: AuditActor, requestId?: string): Promise<TokenInfo> {
    const hash = await this.redis.hget(this.keys.tokens, id);
    if (!hash) throw new AuthError('TOKEN_NOT_FOUND', `no token with id ${JSON.stringify(id)}`);
    const r = await this.redis.hgetall(this.keys.tokenByHash(hash));
    await this.redis.multi().del(this.keys.tokenByHash(hash)).hdel(this.keys.tokens, id).exec();
    if (id === BOOTSTRAP_TOKEN_ID) await this.redis.del(this.keys.tokenBootstrap);
    const info: TokenInfo = {
      id,
      role: isRole(r['role']) ? r['role'] : 'read-only',
      label: r['label'] ?? '',
      createdAt: r['createdAt'] ?? '',
      createdBy: r['createdBy'] ?? '',
    };
    await this.audit.append({ action: 'token.revoke', actor, target: { type: 'token', id }, data: { role: info.role }, ...(requestId ? { requestId } : {}) });
    return info;
  }

  /**
   * Installs PUSHGATE_ADMIN_TOKEN as the admin token with id `bootstrap`,
   * replacing the one an earlier value installed (so changing the variable
   * and restarting rotates it). Audited as `token.bootstrap` when it changes.
   */
  async bootstrapAdmin(token: SecretValue): Promise<{ readonly changed: boolean }> {
    const hash = tokenHash(token.reveal());
    const current = await this.redis.hget(this.keys.tokens, BOOTSTRAP_TOKEN_ID);
    if (current === hash && (await this.redis.exists(this.keys.tokenByHash(hash))) === 1) return { changed: false };
    const info: TokenInfo = {
      id: BOOTSTRAP_TOKEN_ID,
      role: 'admin',
      label: 'PUSHGATE_ADMIN_TOKEN',
      createdAt: this.clock().toISOString(),
      createdBy: 'system:bootstrap',
    };
    const tx = this.redis.multi();
    if (current && current !== hash) tx.del(this.keys.tokenByHash(current));
    tx.hset(this.keys.tokenByHash(hash), { ...info });
    tx.hset(this.keys.tokens, BOOTSTRAP_TOKEN_ID, hash);
    tx.set(this.keys.tokenBootstrap, hash);
    await tx.exec();
    await this.audit.append({
      action: 'token.bootstrap',
      actor: { kind: 'system', id: 'bootstrap' },
      target: { type: 'token', id: BOOTSTRAP_TOKEN_ID },
      data: { role: 'admin', replaced: current !== null },
    });
    return { changed: true };
  }
}
