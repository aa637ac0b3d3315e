import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubCheck } from '../github/check.js';
import { runCheck } from '../run-check.js';
import { SecretValue } from '../../scanner/secret-value.js';
import { isPrivateAddress } from './address-policy.js';
import { LivenessHttp } from './liveness-http.js';
import { unexpectedResponse } from './responses.js';

let server: Server;
let port = 0;
let hits = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    if (req.url === '/redirect') {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      return res.end();
    }
    if (req.url === '/big') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(`{"pad":"${'x'.repeat(10_000)}"}`);
    }
    if (req.url?.startsWith('/slow')) return; // never answers
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ua: req.headers['user-agent'] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('the liveness HTTP client', () => {
  it('classifies private, loopback, link-local and mapped addresses', () => {
    for (const a of ['10.1.2.3', '127.0.0.1', '169.254.169.254', '172.20.0.1', '192.168.1.1', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1']) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ['140.82.112.6', '104.16.0.1', '2606:4700::6810:84e5']) expect(isPrivateAddress(a), a).toBe(false);
  });

  it('refuses a loopback address that was not configured, by IP literal and by DNS name, without connecting', async () => {
    const http = new LivenessHttp({ timeoutMs: 2000 });
    try {
      const before = hits;
      await expect(http.request({ method: 'GET', url: `http://127.0.0.1:${port}/` })).rejects.toMatchObject({ code: 'ADDRESS_REFUSED' });
      await expect(http.request({ method: 'GET', url: `https://localhost:${port}/` })).rejects.toMatchObject({ code: 'ADDRESS_REFUSED' });
      await expect(http.request({ method: 'GET', url: 'http://169.254.169.254/latest/meta-data/' })).rejects.toMatchObject({ code: 'ADDRESS_REFUSED' });
      await expect(http.request({ method: 'GET', url: `http://[::1]:${port}/` })).rejects.toMatchObject({ code: 'ADDRESS_REFUSED' });
      expect(hits).toBe(before);
    } finally {
      await http.close();
    }
  });

  it('a provider check pointed at a private address without configuration answers unknown, naming the refusal', async () => {
    const http = new LivenessHttp({ timeoutMs: 2000 });
    try {
      const secret = new SecretValue('ghp_' + 'x'.repeat(36));
      const verdict = await runCheck(githubCheck, { detector: 'github-pat-classic', secret, context: {} }, { http, baseUrl: `http://127.0.0.1:${port}` });
      expect(verdict.outcome).toBe('unknown');
      expect(verdict.reason).toMatch(/ADDRESS_REFUSED/);
    } finally {
      await http.close();
    }
  });

  it('reaches a configured host, names itself, never follows redirects, caps bodies and times out', async () => {
    const http = new LivenessHttp({ allowedPrivateHosts: ['127.0.0.1'], timeoutMs: 300, maxBodyBytes: 1024 });
    try {
      const ok = await http.request({ method: 'GET', url: `http://127.0.0.1:${port}/` });
      expect(ok.status).toBe(200);
      expect((ok.json() as { ua: string }).ua).toMatch(/^pushgate-liveness\//);

      const before = hits;
      const redirect = await http.request({ method: 'GET', url: `http://127.0.0.1:${port}/redirect` });
      expect(redirect.status).toBe(302);
      expect(hits).toBe(before + 1);
      expect(unexpectedResponse(redirect).outcome).toBe('unknown');

      const big = await http.request({ method: 'GET', url: `http://127.0.0.1:${port}/big` });
      expect(big.truncated).toBe(true);
      expect(big.text.length).toBe(1024);
      expect(big.json()).toBeUndefined();

      await expect(http.request({ method: 'GET', url: `http://127.0.0.1:${port}/slow?key=SECRETISH` })).rejects.toSatisfy((e: Error & { code?: string }) => {
        return e.code === 'TIMEOUT' && !e.message.includes('SECRETISH') && !e.message.includes('/slow');
      });
    } finally {
      await http.close();
    }
  });

  it('refuses plain HTTP to a host that was not configured', async () => {
    const http = new LivenessHttp();
    try {
      await expect(http.request({ method: 'GET', url: 'http://api.github.com/user' })).rejects.toMatchObject({ code: 'URL_INVALID' });
    } finally {
      await http.close();
    }
  });
});
