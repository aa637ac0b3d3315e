import { describe, expect, it } from 'vitest';
import { reachOf, reachRank } from './reach.js';
import type { LivenessVerdict } from './types.js';

const live = (over: Partial<LivenessVerdict>): LivenessVerdict => ({ outcome: 'live', reason: 'ok', ...over });

describe('reachOf', () => {
  it('reads GitHub classic scopes: admin:* and delete_repo are admin, repo is write, the rest read; the user is what it reaches', () => {
    expect(reachOf('github', 'github-pat-classic', live({ scopes: ['repo', 'admin:org'], owner: { user: 'octocat' } }))).toEqual({ level: 'admin', resources: ['octocat'], summary: 'admin · octocat' });
    expect(reachOf('github', 'github-pat-classic', live({ scopes: ['repo', 'read:org'], owner: { user: 'octocat' } }))?.level).toBe('write');
    expect(reachOf('github', 'github-pat-classic', live({ scopes: ['read:user'] }))).toEqual({ level: 'read', summary: 'read' });
    // Fine-grained tokens list no scopes: the level is not claimed.
    expect(reachOf('github', 'github-fine-grained-pat', live({ owner: { user: 'octocat' } }))).toEqual({ resources: ['octocat'], summary: 'octocat' });
    expect(reachOf('github', 'github-server-to-server-token', live({ owner: { account: 'octo-org' }, reach: { resources: ['octo-org/Hello-World'], resourceCount: 12 } }))).toEqual({
      resources: ['octo-org/Hello-World'],
      resourceCount: 12,
      summary: 'octo-org/Hello-World and 11 more',
    });
  });

  it('reads GitLab and Slack scopes with their own meanings', () => {
    expect(reachOf('gitlab', 'gitlab-pat', live({ scopes: ['api', 'sudo'] }))?.level).toBe('admin');
    expect(reachOf('gitlab', 'gitlab-pat', live({ scopes: ['api'] }))?.level).toBe('write');
    expect(reachOf('gitlab', 'gitlab-pat', live({ scopes: ['read_api', 'read_repository'] }))?.level).toBe('read');
    expect(reachOf('slack', 'slack-user-token', live({ scopes: ['admin.users:write'], owner: { account: 'Acme' } }))).toMatchObject({ level: 'admin', resources: ['Acme'] });
    expect(reachOf('slack', 'slack-bot-token', live({ scopes: ['chat:write', 'channels:read'] }))?.level).toBe('write');
    expect(reachOf('slack', 'slack-bot-token', live({ scopes: ['channels:read'] }))?.level).toBe('read');
  });

  it('knows that a Stripe live secret key is full access to production, and that an AWS root key is admin of its account', () => {
    expect(reachOf('stripe', 'stripe-secret-key', live({ owner: { account: 'acct_1 (Acme)' } }))).toEqual({ level: 'admin', environment: 'production', resources: ['acct_1 (Acme)'], summary: 'admin · production · acct_1 (Acme)' });
    expect(reachOf('stripe', 'stripe-restricted-key', live({}))).toEqual({ environment: 'production', summary: 'production' });
    expect(reachOf('aws', 'aws-access-key', live({ owner: { account: '123456789012', user: 'arn:aws:iam::123456789012:root' } }))).toMatchObject({ level: 'admin', resources: ['123456789012'] });
    expect(reachOf('aws', 'aws-access-key', live({ owner: { account: '123456789012', user: 'arn:aws:iam::123456789012:user/ci' } }))).toEqual({ resources: ['123456789012'], summary: '123456789012' });
  });

  it('reads scope words elsewhere, and says nothing for answers that are not live or tell nothing', () => {
    expect(reachOf('sendgrid', 'sendgrid-api-key', live({ scopes: ['mail.send', 'stats.read'] }))?.level).toBe('write');
    expect(reachOf('resend', 'resend-api-key', live({ scopes: ['full_access'] }))?.level).toBe('admin');
    expect(reachOf('huggingface', 'huggingface-user-access-token', live({ scopes: ['read'] }))?.level).toBe('read');
    expect(reachOf('github', 'github-pat-classic', { outcome: 'revoked', reason: 'gone', scopes: ['repo'] })).toBeUndefined();
    expect(reachOf('groq', 'groq-api-key', live({}))).toBeUndefined();
  });

  it('ranks admin over write over read, production first within a level', () => {
    const ranks = [
      { level: 'admin', environment: 'production', summary: '' },
      { level: 'admin', summary: '' },
      { level: 'write', environment: 'production', summary: '' },
      { level: 'write', summary: '' },
      { level: 'read', summary: '' },
      { environment: 'production', summary: '' },
    ].map((r) => reachRank(r as never));
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    expect(reachRank(null)).toBe(0);
    expect(ranks.at(-1)).toBeGreaterThan(reachRank(null));
  });
});
