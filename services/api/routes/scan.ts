import type { FastifyPluginAsync } from 'fastify';
import type { Engine } from '../../../detectors/engine/engine.js';
import type { Fingerprinter } from '../../../scanner/fingerprint.js';
import type { Finding } from '../../../scanner/types.js';
import { scrubSecrets } from '../../logging/scrub.js';
import type { ServiceMetrics } from '../../metrics/metrics.js';
import { scanDiff, scanText, type ContentScanResult } from '../../scan/scan-content.js';
import { DiffParseError } from '../../scan/unified-diff.js';
import { ApiError } from '../api-error.js';
import { bearerSecurity } from '../schemas/common.js';
import { scanSchema } from '../schemas/scan.js';

export interface ScanRouteDeps {
  readonly engine: Engine;
  readonly fingerprints: Fingerprinter;
  readonly metrics: ServiceMetrics;
  readonly scanBodyLimit: number;
}

type ScanBody = string | { content: string; kind?: 'text' | 'diff'; path?: string };

const DIFF_TYPES = ['text/x-diff', 'text/x-patch'];

export function scanRoutes(deps: ScanRouteDeps): FastifyPluginAsync {
  return async (app) => {
    app.addContentTypeParser(DIFF_TYPES, { parseAs: 'string' }, (_request, body, done) => done(null, body));

    app.post<{ Body: ScanBody; Querystring: { kind?: 'text' | 'diff'; path?: string } }>(
      '/v1/scan',
      {
        bodyLimit: deps.scanBodyLimit,
        schema: { ...scanSchema, security: bearerSecurity },
        config: { permission: 'scan:run' },
      },
      async (request) => {
        const body = request.body;
        const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        const content = typeof body === 'string' ? body : body.content;
        const kind = (typeof body === 'string' ? undefined : body.kind) ?? request.query.kind ?? (DIFF_TYPES.includes(contentType) ? 'diff' : 'text');
        const path = (typeof body === 'string' ? undefined : body.path) ?? request.query.path ?? 'input';
        let result: ContentScanResult;
        try {
          result = kind === 'diff' ? scanDiff(deps.engine, deps.fingerprints, content) : scanText(deps.engine, deps.fingerprints, content, path);
        } catch (err) {
          if (err instanceof DiffParseError) throw new ApiError(400, err.code, `not a valid unified diff: ${err.message}`);
          throw err;
        }
        deps.metrics.scanBytes.inc({ kind }, result.bytes);
        deps.metrics.scanRequests.inc({ kind, outcome: result.findings.length > 0 ? 'findings' : 'clean' });
        for (const f of result.findings) deps.metrics.scanFindings.inc({ severity: f.severity });
        return {
          kind,
          blocked: result.findings.some((f) => f.tier === 'identifiable'),
          findings: result.findings.map((f) => toScanFinding(f, deps.engine)),
          stats: { bytes: result.bytes, files: result.files },
        };
      },
    );
  };
}

/** Field by field, so nothing but redacted values can leave (the response schema is a second allow-list). */
function toScanFinding(f: Finding, engine: Engine): Record<string, unknown> {
  return {
    detector: f.detector,
    title: f.title,
    provider: f.provider,
    severity: f.severity,
    tier: f.tier,
    confidence: f.confidence,
    fingerprint: f.fingerprint,
    redacted: f.secret.redacted,
    ...(f.companion ? { companion: { name: f.companion.name, redacted: f.companion.value.redacted } } : {}),
    docs: f.docs,
    revoke: f.revoke,
    // Paths come from the caller; one that holds a token is echoed redacted like everything else.
    locations: f.locations.map((l) => ({
      kind: l.kind,
      ...(l.path !== undefined ? { path: scrubSecrets(engine, l.path) } : {}),
      line: l.line,
      column: l.column,
      ...(l.commit ? { commit: l.commit } : {}),
      ...(l.encoding ? { encoding: l.encoding } : {}),
    })),
  };
}
