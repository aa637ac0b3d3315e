import type { EmitterWebhookEvent } from '@octokit/webhooks';
import { describe, expect, it } from 'vitest';
import { webhookExample } from '../../test/support/github-webhooks.js';
import { githubWebOrigin } from '../github/web-origin.js';
import { HISTORY_SCAN_QUEUE, PUSH_SCAN_QUEUE } from '../queue/jobs.js';
import { planInstallationCreated, planPush, planRepositoriesAdded, planRepositoryCreated } from './webhook-scans.js';

// Payloads recorded from GitHub (@octokit/webhooks-examples).
describe('scans planned from GitHub events', () => {
  it('a push to a branch: one push scan of before..after with the commit ids and installation', () => {
    const payload = webhookExample<EmitterWebhookEvent<'push'>['payload']>('push', (p) => p['ref'] === 'refs/heads/master' && p['installation'] !== undefined);
    expect(planPush(payload, 'd1')).toEqual([
      {
        queue: PUSH_SCAN_QUEUE,
        data: {
          repository: 'https://github.com/Codertocat/Hello-World.git',
          fullName: 'Codertocat/Hello-World',
          ref: 'refs/heads/master',
          before: payload.before,
          after: payload.after,
          commits: payload.commits.map((c) => c.id),
          installationId: payload.installation!.id,
          deliveryId: 'd1',
        },
      },
    ]);
  });

  it('a new tag is scanned; a deleted ref is not', () => {
    const tag = webhookExample<EmitterWebhookEvent<'push'>['payload']>('push', (p) => p['created'] === true && p['ref'] === 'refs/tags/simple-tag');
    expect(planPush(tag, 'd2')).toMatchObject([{ queue: PUSH_SCAN_QUEUE, data: { ref: 'refs/tags/simple-tag', commits: [] } }]);
    expect(tag.installation).toBeUndefined();
    expect('installationId' in planPush(tag, 'd2')[0]!.data).toBe(false);
    const deleted = webhookExample<EmitterWebhookEvent<'push'>['payload']>('push', (p) => p['deleted'] === true);
    expect(planPush(deleted, 'd3')).toEqual([]);
  });

  it('repository.created: a history scan of its clone URL', () => {
    const payload = webhookExample<EmitterWebhookEvent<'repository.created'>['payload']>('repository', (p) => p['action'] === 'created' && p['installation'] !== undefined);
    expect(planRepositoryCreated(payload, 'd4')).toEqual([
      {
        queue: HISTORY_SCAN_QUEUE,
        data: { repository: 'https://github.com/Octocoders/Hello-World.git', requestedBy: 'github-delivery:d4', source: 'webhook', installationId: payload.installation!.id },
      },
    ]);
  });

  it('installation.created and installation_repositories.added: one history scan per repository, on the account host', () => {
    const installed = webhookExample<EmitterWebhookEvent<'installation.created'>['payload']>('installation', (p) => p['action'] === 'created');
    expect(planInstallationCreated(installed, 'd5', 'https://fallback.example').map((s) => s.data)).toEqual(
      installed.repositories!.map((r) => ({ repository: `https://github.com/${r.full_name}.git`, requestedBy: 'github-delivery:d5', source: 'webhook', installationId: installed.installation.id })),
    );
    const added = webhookExample<EmitterWebhookEvent<'installation_repositories.added'>['payload']>('installation_repositories', (p) => p['action'] === 'added');
    // An Enterprise Server account: repositories are cloned from its host.
    (added.installation.account as { html_url: string }).html_url = 'https://ghe.example.com/Codertocat';
    expect(planRepositoriesAdded(added, 'd6', 'https://fallback.example').map((s) => s.data.repository)).toEqual(['https://ghe.example.com/Codertocat/Space.git']);
  });

  it('derives the web origin from the API URL', () => {
    expect(githubWebOrigin('https://api.github.com')).toBe('https://github.com');
    expect(githubWebOrigin('https://ghe.example.com/api/v3')).toBe('https://ghe.example.com');
  });
});
