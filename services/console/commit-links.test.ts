import { describe, expect, it } from 'vitest';
import { commitUrl, repositoryWebUrl } from './commit-links.js';

const sha = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

describe('commit links', () => {
  it('builds commit pages for GitHub, GitLab, Gitea-style and Bitbucket repository addresses', () => {
    expect(commitUrl('https://github.com/acme/widgets.git', sha)).toBe(`https://github.com/acme/widgets/commit/${sha}`);
    expect(commitUrl('git@github.com:acme/widgets.git', sha)).toBe(`https://github.com/acme/widgets/commit/${sha}`);
    expect(commitUrl('ssh://git@github.example.com:2222/acme/widgets', sha)).toBe(`https://github.example.com/acme/widgets/commit/${sha}`);
    expect(commitUrl('https://gitlab.com/group/sub/project.git', sha)).toBe(`https://gitlab.com/group/sub/project/-/commit/${sha}`);
    expect(commitUrl('https://gitea.acme.test:3000/ops/infra', sha)).toBe(`https://gitea.acme.test:3000/ops/infra/commit/${sha}`);
    expect(commitUrl('https://codeberg.org/ops/infra.git', sha)).toBe(`https://codeberg.org/ops/infra/commit/${sha}`);
    expect(commitUrl('https://bitbucket.org/acme/w.git', sha)).toBe(`https://bitbucket.org/acme/w/commits/${sha}`);
  });

  it('gives no link for names, paths, unknown hosts, bad commits and other schemes', () => {
    expect(commitUrl('acme/widgets', sha)).toBeNull();
    expect(commitUrl('/srv/git/widgets.git', sha)).toBeNull();
    expect(commitUrl('https://git.example.com/acme/widgets', sha)).toBeNull();
    expect(commitUrl('https://github.com/acme/widgets', 'HEAD')).toBeNull();
    expect(commitUrl('https://github.com/acme/widgets', `${sha}"><script>`)).toBeNull();
    expect(commitUrl('https://github.com/acme/widgets', null)).toBeNull();
    expect(commitUrl('javascript://github.com/acme/widgets', sha)).toBeNull();
    expect(commitUrl('file:///github/acme/widgets', sha)).toBeNull();
    expect(commitUrl('https://x:secret@github.com/acme/widgets', sha)).toBeNull();
    expect(commitUrl('https://github.com/acme/../widgets', sha)).toBeNull();
    expect(repositoryWebUrl('https://github.com/acme/we%22ird')).toBe('https://github.com/acme/we%22ird');
    expect(repositoryWebUrl('https://github.com/acme/a%2F..')).toBeNull();
  });
});
