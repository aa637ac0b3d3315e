import type { ServiceConfig } from '../config/config.js';
import type { ServiceContext } from '../context.js';
import type { PushScanReporter } from '../queue/jobs.js';
import type { CredentialsProvider } from '../queue/mirror-cache.js';
import { GithubAppAuth } from './app-auth.js';
import { GithubHttp } from './http-client.js';
import { GithubStatusReporter } from './status-reporter.js';
import { githubWebOrigin } from './web-origin.js';

/**
 * The GitHub App side of a worker process: one HTTP client, one App
 * authenticator (installation tokens cached per installation), the
 * commit-status reporter for push scans, and clone credentials for
 * repositories on that GitHub. Built once per service context, and only when
 * GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY are set.
 */
export interface GithubApp {
  readonly http: GithubHttp;
  readonly auth: GithubAppAuth;
  readonly reporter: GithubStatusReporter;
  readonly credentials: CredentialsProvider;
  close(): Promise<void>;
}

export function createGithubApp(context: Pick<ServiceContext, 'logger' | 'engine'> & { readonly config: Pick<ServiceConfig, 'github'> }): GithubApp | undefined {
  const { appId, appPrivateKey, apiUrl } = context.config.github;
  if (appId === undefined || appPrivateKey === undefined) return undefined;
  const http = new GithubHttp({ apiUrl });
  const auth = new GithubAppAuth({ appId, privateKey: appPrivateKey, http });
  return {
    http,
    auth,
    reporter: new GithubStatusReporter({ auth, http, logger: context.logger, engine: context.engine }),
    credentials: githubCredentials(auth, apiUrl),
    close: () => http.close(),
  };
}

/**
 * Clone credentials for a job with an installation id: `x-access-token` and
 * an installation token, only for repositories on the App's own GitHub (the
 * web origin of GITHUB_API_URL), so a token is never sent to another host.
 */
export function githubCredentials(auth: GithubAppAuth, apiUrl: string): CredentialsProvider {
  const origin = githubWebOrigin(apiUrl);
  return async ({ repository, installationId }) => {
    if (installationId === undefined) return undefined;
    let url: URL;
    try {
      url = new URL(repository);
    } catch {
      return undefined;
    }
    if (url.origin !== origin) return undefined;
    const { token } = await auth.installationToken(installationId);
    return { username: 'x-access-token', password: token };
  };
}

const apps = new WeakMap<ServiceContext, GithubApp | undefined>();

function appOf(context: ServiceContext): GithubApp | undefined {
  if (!apps.has(context)) apps.set(context, createGithubApp(context));
  return apps.get(context);
}

/**
 * The worker options (services/worker.ts `reporters`, `credentials`) that
 * report push scans to GitHub and clone with installation tokens, sharing one
 * App per service context: `startWorker({ ...githubWorkerOptions, ... })`.
 */
export const githubWorkerOptions = {
  reporters: (context: ServiceContext): readonly PushScanReporter[] => {
    const app = appOf(context);
    return app ? [app.reporter] : [];
  },
  credentials: (context: ServiceContext): CredentialsProvider | undefined => appOf(context)?.credentials,
};
