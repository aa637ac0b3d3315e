import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * New Relic NerdGraph stand-in. NerdGraph reads a user key from the
 * `API-Key` header and takes a GraphQL query as JSON
 * (https://docs.newrelic.com/docs/apis/nerdgraph/get-started/introduction-new-relic-nerdgraph/);
 * the live body is the `actor.user` answer of that page's example query;
 * the refusal is NerdGraph's invalid-key error, 401 with `error_code`
 * `BAD_API_KEY` (the body New Relic's Go client, newrelic-client-go, was
 * written against: internal/http/graphql.go, pull request #603). Only a
 * query is served: a `mutation` gets a GraphQL error.
 *
 * Regions: the tests point every region at this stand-in with the base URL
 * `<stand-in>/{host}`, so a request's first path segment names the regional
 * host it stands for (`/api.eu.newrelic.com/graphql`). A credential the
 * stand-in holds is `<host> <key>` (see `newRelicRegional`): valid at that
 * host only, refused at the other one. Without a host segment the
 * credential is the bare key.
 */
export const NEW_RELIC_BAD_API_KEY: StandInReply = {
  status: 401,
  body: { errors: [{ extensions: { error_code: 'BAD_API_KEY' }, message: 'Bad API Key or no API Key provided' }] },
};

const PATH = /^(?:\/([a-z0-9.-]+))?\/graphql$/;

/** What the stand-in holds for a key valid at one regional host. */
export function newRelicRegional(host: string, key: string): string {
  return `${host} ${key}`;
}

function newRelicCredential(request: RecordedRequest): string | undefined {
  const key = request.headers['api-key'];
  if (!key) return undefined;
  const host = PATH.exec(request.path)?.[1];
  return host ? newRelicRegional(host, key) : key;
}

function isUserQuery(request: RecordedRequest): boolean {
  try {
    const { query } = JSON.parse(request.body) as { query?: unknown };
    return typeof query === 'string' && /^\s*(query\b|\{)/.test(query) && /\bactor\b[\s\S]*\buser\b/.test(query);
  } catch {
    return false;
  }
}

export const newRelicRoutes: StandInRoute[] = [
  {
    method: 'POST',
    path: PATH,
    credential: newRelicCredential,
    live: (request) =>
      isUserQuery(request)
        ? { status: 200, body: { data: { actor: { user: { email: 'dev@example.com', id: 1234567, name: 'Dana Developer' } } } } }
        : { status: 200, body: { data: null, errors: [{ message: 'Only actor.user queries are served here', extensions: { errorClass: 'VALIDATION_ERROR' } }] } },
    revoked: () => NEW_RELIC_BAD_API_KEY,
  },
];
