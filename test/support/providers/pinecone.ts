import type { RecordedRequest, StandInReply, StandInRoute } from '../provider-stand-in.js';

/**
 * Pinecone control-plane stand-in. The index list follows the example of
 * https://docs.pinecone.io/reference/api/2025-04/control-plane/list_indexes;
 * the 401 body is Pinecone's ErrorResponse (`{"error":{"code","message"},"status"}`)
 * with the UNAUTHENTICATED code that https://docs.pinecone.io/reference/api/errors
 * documents as "missing or invalid API key".
 */
export const PINECONE_INVALID_KEY: StandInReply = {
  status: 401,
  body: { error: { code: 'UNAUTHENTICATED', message: 'Invalid API Key' }, status: 401 },
};

/** Pinecone reads the key from the `Api-Key` header only. */
export function pineconeApiKeyCredential(request: RecordedRequest): string | undefined {
  return request.headers['api-key'];
}

export const pineconeRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/indexes',
    credential: pineconeApiKeyCredential,
    live: () => ({
      status: 200,
      body: {
        indexes: [
          {
            name: 'docs-example',
            vector_type: 'dense',
            metric: 'cosine',
            dimension: 1536,
            status: { ready: true, state: 'Ready' },
            host: 'docs-example-bhnyigt.svc.aped-4627-b74a.pinecone.io',
            spec: { serverless: { region: 'us-east-1', cloud: 'aws' } },
            deletion_protection: 'disabled',
            tags: { environment: 'development' },
          },
        ],
      },
    }),
    revoked: () => PINECONE_INVALID_KEY,
  },
];
