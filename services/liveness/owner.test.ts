import { describe, expect, it } from 'vitest';
import type { StoredLocation } from '../store/findings-store.js';
import { attributeOwner } from './owner.js';

const at = (commit: string | null, date: string | null, author = 'A'): StoredLocation => ({
  repository: 'acme/api',
  kind: 'blob',
  commit,
  path: 'x',
  line: 1,
  column: 1,
  author,
  email: `${author.toLowerCase()}@example.com`,
  date,
});

describe('owner attribution', () => {
  it('names the provider owner and the author of the earliest commit, comparing instants across time zones', () => {
    const owner = attributeOwner(
      { user: 'octocat', account: 'octo-org' },
      [at('b'.repeat(40), '2024-01-01T09:00:00+02:00', 'Jan'), at('a'.repeat(40), '2024-01-01T08:30:00+00:00', 'Kim'), at(null, null, 'Tree')],
      'GitHub',
    );
    // 09:00+02:00 is 07:00Z, before 08:30Z, though it sorts after it as text.
    expect(owner?.committer?.name).toBe('Jan');
    expect(owner?.display).toBe('octocat / octo-org (GitHub) · committed by Jan <jan@example.com>');
  });

  it('falls back to the committer alone, and to nothing', () => {
    expect(attributeOwner(undefined, [at('c'.repeat(40), '2024-01-01T00:00:00Z', 'Jane')], 'GitHub')?.display).toBe('committed by Jane <jane@example.com>');
    expect(attributeOwner({}, [at(null, null)], 'GitHub')).toBeNull();
  });
});
