import { settingsFor } from '../../services/config/settings.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../cli/built-cli.js';

/**
 * docker-compose.yml cannot run here (no Docker engine): this checks its
 * structure, and that it and the Dockerfile agree with the configuration the
 * service reads (README, "Service configuration").
 */
interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
}

const compose = parse(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');

describe('docker-compose.yml', () => {
  it('runs Redis with AOF persistence on a volume, one API and two workers', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'redis', 'worker-1', 'worker-2']);
    const redis = compose.services['redis']!;
    expect(redis.command!.join(' ')).toContain('--appendonly yes');
    expect(redis.command!.join(' ')).toContain('--maxmemory-policy noeviction');
    expect(redis.volumes).toEqual(['redis-data:/data']);
    expect(compose.volumes).toHaveProperty('redis-data');

    expect(compose.services['api']!.command).toEqual(['serve']);
    for (const name of ['worker-1', 'worker-2']) {
      const worker = compose.services[name]!;
      expect(worker.command).toEqual(['worker']);
      expect(worker.build).toBe('.');
      expect(worker.depends_on).toEqual({ redis: { condition: 'service_healthy' } });
      expect(worker.volumes).toEqual([`${name}-work:/var/lib/pushgate/work`, 'audit-logs:/var/log/pushgate']);
      expect(worker.environment!['PUSHGATE_WORK_DIR']).toBe('/var/lib/pushgate/work');
    }
    // Every process keeps its own audit file, on a volume of its own (README, "audit file").
    const auditFiles = ['api', 'worker-1', 'worker-2'].map((name) => compose.services[name]!.environment!['PUSHGATE_AUDIT_FILE']);
    expect(auditFiles).toEqual(['/var/log/pushgate/audit-api.jsonl', '/var/log/pushgate/audit-worker-1.jsonl', '/var/log/pushgate/audit-worker-2.jsonl']);
    expect(compose.services['api']!.volumes).toEqual(['audit-logs:/var/log/pushgate']);
    expect(compose.volumes).toHaveProperty('audit-logs');
    for (const name of ['api', 'worker-1', 'worker-2']) {
      const env = compose.services[name]!.environment!;
      expect(env['REDIS_URL']).toBe('redis://redis:6379');
      expect(env['PUSHGATE_ENCRYPTION_KEY']).toMatch(/^\$\{PUSHGATE_ENCRYPTION_KEY:\?/);
    }
    expect(compose.services['api']!.environment!['PUSHGATE_HOST']).toBe('0.0.0.0');
  });

  it('sets only variables the service documents (the settings schema that `serve --help` and `worker --help` print)', () => {
    const documented = new Set([...settingsFor('serve'), ...settingsFor('worker')].map((setting) => setting.name));
    expect(documented.size).toBeGreaterThan(10);
    for (const [name, service] of Object.entries(compose.services)) {
      if (name === 'redis') continue;
      for (const variable of Object.keys(service.environment ?? {})) expect(documented, `${name}: ${variable}`).toContain(variable);
    }
  });

  it('builds from a Dockerfile on node 20 that runs as a non-root user', () => {
    expect(dockerfile).toMatch(/^FROM node:20-/m);
    expect(dockerfile).toMatch(/^RUN npm ci /m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["node", "bin\/pushgate.js"\]$/m);
  });

  it('copies only paths that exist, including what its build steps run', () => {
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1]!.trim().split(/\s+/));
    for (const source of sources) expect(existsSync(join(REPO_ROOT, source)), source).toBe(true);
    // `npm run build` runs scripts/build.mjs; the addon step runs scripts/build-native.mjs over binding.gyp and native/.
    for (const needed of ['scripts', 'binding.gyp', 'native']) expect(sources).toContain(needed);
    expect(dockerfile).toMatch(/^RUN PUSHGATE_REQUIRE_NATIVE=1 node scripts\/build-native\.mjs$/m);
    expect(dockerfile).toContain('COPY --from=build /app/build/Release/pushgate_prefilter.node ./build/Release/pushgate_prefilter.node');
  });
});
