import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../engine/engine.js';
import { detector } from './detector.js';
import { detector as base64Detector } from '../private-key-in-keystore-base64/detector.js';

/**
 * Keystores written by the real tools (generated here, never committed):
 * the synthetic examples must not be the only evidence that the structure
 * matches what openssl and keytool produce.
 */
function available(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const hasOpenssl = available('openssl', ['version']);
const hasKeytool = available('keytool', ['-help']);
const dir = mkdtempSync(join(tmpdir(), 'pushgate-keystore-'));
const engine = createEngine([detector]);
const base64Engine = createEngine([base64Detector]);
const PASS = 'kS7-test-only-store-pass';

function scan(file: string): string[] {
  return engine.scan(readFileSync(file)).map((m) => m.reason);
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('private-key-in-keystore on tool-made files', () => {
  it.skipIf(!hasOpenssl)('finds the key bag in an openssl PKCS#12 file, and nothing in a certificate-only one', () => {
    const key = join(dir, 'k.pem');
    const crt = join(dir, 'k.crt');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', crt, '-days', '1', '-subj', '/CN=pushgate-test'], { stdio: 'ignore' });
    const p12 = join(dir, 'k.p12');
    execFileSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', crt, '-out', p12, '-passout', `pass:${PASS}`], { stdio: 'ignore' });
    expect(scan(p12)).toEqual([expect.stringMatching(/^PKCS#12 shrouded private key bag \(PBES2\)$/)]);
    // The same file base64-encoded, on one line (Kubernetes secret) and wrapped at 64 columns (openssl base64).
    const oneLine = `  keystore.p12: ${readFileSync(p12).toString('base64')}\n`;
    expect(base64Engine.scan(Buffer.from(oneLine)).map((m) => m.reason)).toEqual(['base64-encoded PKCS#12 shrouded private key bag (PBES2)']);
    const wrapped = execFileSync('openssl', ['base64', '-in', p12]).toString('latin1');
    expect(base64Engine.scan(Buffer.from(`pfx: |\n${wrapped}`)).map((m) => m.reason)).toEqual(['base64-encoded PKCS#12 shrouded private key bag (PBES2)']);
    const certOnly = join(dir, 'certonly.p12');
    execFileSync('openssl', ['pkcs12', '-export', '-nokeys', '-in', crt, '-out', certOnly, '-passout', `pass:${PASS}`], { stdio: 'ignore' });
    expect(scan(certOnly)).toEqual([]);
    expect(base64Engine.scan(Buffer.from(readFileSync(certOnly).toString('base64')))).toEqual([]);
  });

  it.skipIf(!hasKeytool)('finds the private key entry in a keytool JKS and PKCS#12 keystore, and nothing in a truststore', () => {
    const jks = join(dir, 'app.jks');
    execFileSync('keytool', ['-genkeypair', '-alias', 'release', '-keyalg', 'EC', '-dname', 'CN=pushgate-test', '-keystore', jks, '-storetype', 'JKS', '-storepass', PASS, '-keypass', PASS, '-validity', '1'], { stdio: 'ignore' });
    expect(scan(jks)).toEqual(['JKS private key entry "release" (Sun JKS key protector)']);

    const p12 = join(dir, 'app.p12');
    execFileSync('keytool', ['-genkeypair', '-alias', 'release', '-keyalg', 'EC', '-dname', 'CN=pushgate-test', '-keystore', p12, '-storetype', 'PKCS12', '-storepass', PASS, '-validity', '1'], { stdio: 'ignore' });
    expect(scan(p12)).toEqual([expect.stringMatching(/^PKCS#12 shrouded private key bag/)]);

    const crt = join(dir, 'release.crt');
    execFileSync('keytool', ['-exportcert', '-alias', 'release', '-keystore', jks, '-storepass', PASS, '-file', crt], { stdio: 'ignore' });
    const trust = join(dir, 'trust.jks');
    execFileSync('keytool', ['-importcert', '-noprompt', '-alias', 'ca', '-file', crt, '-keystore', trust, '-storetype', 'JKS', '-storepass', PASS], { stdio: 'ignore' });
    expect(scan(trust)).toEqual([]);
  });
});
