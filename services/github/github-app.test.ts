import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretValue } from '../../scanner/secret-value.js';
import { startFakeGithub, type FakeGithub } from '../../test/support/fake-github.js';
import { testEngine } from '../../test/support/findings.js';
import { LogCapture } from '../../test/support/service.js';
import { createLogger } from '../logging/logger.js';
import { createGithubApp } from './github-app.js';

describe('the GitHub App of a worker', () => {
  let github: FakeGithub;
  beforeAll(async () => {
    github = await startFakeGithub({ installations: [{ id: 9, repositories: ['acme/widgets'] }] });
  });
  afterAll(async () => {
    await github.close();
  });

  const logger = createLogger({ level: 'silent', destination: new LogCapture() });
  const contextFor = (apiUrl: string, withApp = true) => ({
    logger,
    engine: testEngine(),
    config: {
      github: {
        webhookSecrets: [],
        appId: withApp ? github.appId : undefined,
        appPrivateKey: withApp ? new SecretValue(github.privateKeyPem) : undefined,
        apiUrl,
      },
    },
  });

  it('is not built without GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY', () => {
    expect(createGithubApp(contextFor(github.url, false))).toBeUndefined();
  });

  it('gives clone credentials only for repositories on its own GitHub, for jobs with an installation', async () => {
    const app = createGithubApp(contextFor(github.url))!;
    try {
      const creds = await app.credentials({ repository: `${github.url}/acme/widgets.git`, installationId: 9 });
      expect(creds?.username).toBe('x-access-token');
      expect(github.issuedTokens()).toContain(creds!.password.reveal());
      // Never an installation token for another host, or for a job that names no installation.
      expect(await app.credentials({ repository: 'https://evil.example/acme/widgets.git', installationId: 9 })).toBeUndefined();
      expect(await app.credentials({ repository: `${github.url}/acme/widgets.git` })).toBeUndefined();
      expect(github.violations).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
