import { describe, expect, it } from 'vitest';
import { createEngine, decodeCounters, type Engine } from './engine.js';
import { BASE64, ESCAPE, PERCENT, UTF16 } from './decoded-scan.js';
// A plain hash to compare secrets by without printing them.
import { v1Fingerprint as fingerprint } from '../../scanner/fingerprint.js';
import { keywordSpecsOf } from './keyword-specs.js';
import { buildIndexOfPrefilter, buildPrefilter, type KeywordSpec, type Prefilter, type PrefilterKind } from './prefilter.js';
import { nativePrefilterAvailable } from './teddy-native.js';
import { ALL_DETECTORS, IDENTIFIABLE_DETECTORS } from '../registry.js';
import type { Encoding, Match } from '../types.js';
import { ALPHA, TokenFactory } from '../../test/support/token-factory.js';
import { makeCrc32Token } from '../builders/crc32-token-examples.js';
import { examples as azureStorageKey } from '../azure-storage-account-key/examples.js';
import { examples as slackWebhook } from '../slack-incoming-webhook/examples.js';
import { examples as awsAccessKey } from '../aws-access-key/examples.js';

/**
 * Secrets in decoded forms (decoded-scan.ts): found at the encoded bytes,
 * with `encoding` and a reason that names it; as strict as plain scanning;
 * the same for any chunking of a stream; bounded in cost. Tokens are
 * generated here (never committed), and failures name fingerprints, never
 * secrets.
 */
const engine = createEngine(ALL_DETECTORS);
const hook = createEngine(IDENTIFIABLE_DETECTORS);
const plain = createEngine(ALL_DETECTORS, { decode: false });
const t = new TokenFactory('decoded-scan');

const ghp = (): string => makeCrc32Token(t, 'ghp_');
/** Same shape, one checksum character changed. */
function badChecksum(token: string): string {
  const last = token.at(-1)!;
  return token.slice(0, -1) + (last === 'A' ? 'B' : 'A');
}
function azureKey(): string {
  // A key whose percent-encoding has escapes inside it (`+`, `/`).
  for (;;) {
    const k = azureStorageKey.generate!(t);
    if (/[+/]/.test(k.slice(0, -2))) return k;
  }
}
const slackHook = (): string => slackWebhook.generate!(t);
const awsKeyId = (): string => awsAccessKey.generate!(t);
const b64 = (s: string): string => Buffer.from(s, 'latin1').toString('base64');
const utf16be = (s: string): Buffer => Buffer.from(s, 'utf16le').swap16();

/** What a test compares: everything but the secret, which is fingerprinted. */
function describeMatch(m: Match): string {
  const companion = m.companion ? fingerprint('companion', m.companion.value) : '';
  return `${m.detector.id}@${m.start}-${m.end}:${m.line}:${m.column} ${fingerprint(m.detector.family, m.secret)} ${m.encoding ?? 'plain'} ${m.reason} ${JSON.stringify(m.context)} ${companion}`;
}

function streamScan(e: Engine, buf: Buffer, sizes: (at: number) => number): Match[] {
  const s = e.stream();
  const out: Match[] = [];
  for (let at = 0; at < buf.length; ) {
    const n = sizes(at);
    out.push(...s.push(buf.subarray(at, at + n)));
    at += n;
  }
  out.push(...s.end());
  return out;
}

const sorted = (ms: Match[]): string[] => ms.map(describeMatch).sort();

interface Case {
  readonly name: string;
  readonly detector: string;
  readonly encoding: Encoding;
  /** The text with `secret` encoded in it, where the encoded secret starts, and its 1-based line. */
  build(secret: string): { text: Buffer; at: number; line: number };
  secret(): string;
  /** The same text with a secret the detector must reject (bad checksum, wrong shape). */
  broken(secret: string): string;
}

function text(s: string, marker: string, line: number, offsetInMarker = 0): { text: Buffer; at: number; line: number } {
  return { text: Buffer.from(s, 'latin1'), at: s.indexOf(marker) + offsetInMarker, line };
}

const REASON: Record<Encoding, string> = {
  base64: 'base64',
  base64url: 'base64url',
  percent: 'percent-encoding',
  'json-escape': 'JSON/JavaScript string escapes',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
};

const CASES: Case[] = [
  {
    name: 'a whole token in Kubernetes Secret data',
    detector: 'github-pat-classic',
    encoding: 'base64',
    secret: ghp,
    broken: badChecksum,
    build: (s) => text(`apiVersion: v1\nkind: Secret\nmetadata:\n  name: ci\ntype: Opaque\ndata:\n  GITHUB_TOKEN: ${b64(s)}\n`, b64(s), 7),
  },
  {
    name: 'a whole token in base64url',
    detector: 'github-pat-classic',
    encoding: 'base64url',
    secret: ghp,
    broken: badChecksum,
    build: (s) => {
      // Base64 of ASCII letters and digits never has characters 62 and 63; a `?` in the third byte of a group gives `_`.
      const u = Buffer.from(`${s}???`).toString('base64url');
      return text(`{"kind":"token","value":"${u}"}\n`, u, 1);
    },
  },
  ...['ci', 'bob', 'octo', 'x-access-token'].map(
    (user): Case => ({
      name: `a Docker config auth for user ${user} (user:token)`,
      detector: 'github-pat-classic',
      encoding: 'base64',
      secret: ghp,
      broken: badChecksum,
      build: (s) => {
        const value = b64(`${user}:${s}`);
        const doc = `{\n  "auths": {\n    "ghcr.io": {\n      "auth": "${value}"\n    }\n  }\n}\n`;
        return text(doc, value, 4, Math.floor((4 * (user.length + 1)) / 3));
      },
    }),
  ),
  {
    name: 'an Authorization: Basic header (user:token)',
    detector: 'github-pat-classic',
    encoding: 'base64',
    secret: ghp,
    broken: badChecksum,
    build: (s) => {
      const value = b64(`octocat:${s}`);
      return text(`curl -sS \\\n  -H "Authorization: Basic ${value}" \\\n  https://api.github.com/user\n`, value, 2, Math.floor((4 * 8) / 3));
    },
  },
  {
    name: 'an AWS access key id, base64',
    detector: 'aws-access-key',
    encoding: 'base64',
    secret: awsKeyId,
    broken: (s) => `${s.slice(0, 4)}${s.slice(4).toLowerCase()}`,
    build: (s) => text(`data:\n  AWS_ACCESS_KEY_ID: ${b64(s)}\n`, b64(s), 2),
  },
  {
    name: 'a Slack webhook URL, percent-encoded in a query string',
    detector: 'slack-incoming-webhook',
    encoding: 'percent',
    secret: slackHook,
    broken: (s) => s.slice(0, -4),
    build: (s) => {
      const enc = encodeURIComponent(`https://${s}`);
      return text(`GET /oauth/finish?state=x1&redirect_uri=${enc}&scope=incoming-webhook HTTP/1.1\n`, 'hooks.slack.com', 1);
    },
  },
  {
    name: 'an Azure storage key, percent-encoded in a connection string parameter',
    detector: 'azure-storage-account-key',
    encoding: 'percent',
    secret: azureKey,
    broken: (s) => `${s.slice(0, 10)}${s[10] === 'a' ? 'b' : 'a'}${s.slice(11)}`,
    build: (s) => {
      const conn = encodeURIComponent(`DefaultEndpointsProtocol=https;AccountName=acmelogs;AccountKey=${s};EndpointSuffix=core.windows.net`);
      return text(`https://deploy.example.com/hooks/storage?conn=${conn}\n`, 'AccountKey%3D', 1, 'AccountKey%3D'.length);
    },
  },
  {
    name: "a Slack webhook URL in PHP's json_encode (\\/)",
    detector: 'slack-incoming-webhook',
    encoding: 'json-escape',
    secret: slackHook,
    broken: (s) => s.slice(0, -4),
    build: (s) => text(`{"channel":"#ops","webhook":"https:${`//${s}`.replaceAll('/', '\\/')}"}\n`, 'hooks.slack.com', 1),
  },
  {
    name: 'a Slack webhook URL from serialize-javascript (\\u002F)',
    detector: 'slack-incoming-webhook',
    encoding: 'json-escape',
    secret: slackHook,
    broken: (s) => s.slice(0, -4),
    build: (s) => text(`<script>window.__CONFIG__ = {"hook":"https:${`//${s}`.replaceAll('/', '\\u002F')}"};</script>\n`, 'hooks.slack.com', 1),
  },
  {
    name: 'a Slack webhook URL in a JavaScript string (\\x2F)',
    detector: 'slack-incoming-webhook',
    encoding: 'json-escape',
    secret: slackHook,
    broken: (s) => s.slice(0, -4),
    build: (s) => text(`var hook = 'https:${`//${s}`.replaceAll('/', '\\x2F')}';\n`, 'hooks.slack.com', 1),
  },
  {
    name: 'a token with an escaped letter (\\u0067)',
    detector: 'github-pat-classic',
    encoding: 'json-escape',
    secret: ghp,
    broken: badChecksum,
    build: (s) => text(`{\n  "token": "\\u0067${s.slice(1)}"\n}\n`, '\\u0067', 2),
  },
  {
    name: 'an Azure storage key with an escaped / inside',
    detector: 'azure-storage-account-key',
    encoding: 'json-escape',
    secret: () => {
      for (;;) {
        const k = azureKey();
        if (k.includes('/')) return k;
      }
    },
    broken: (s) => `${s.slice(0, 10)}${s[10] === 'a' ? 'b' : 'a'}${s.slice(11)}`,
    build: (s) => text(`{"ConnectionStrings":{"Blobs":"AccountName=acme;AccountKey=${s.replaceAll('/', '\\/')}"}}\n`, 'AccountKey=', 1, 'AccountKey='.length),
  },
  {
    name: 'a PowerShell script saved as UTF-16LE with a BOM',
    detector: 'github-pat-classic',
    encoding: 'utf-16le',
    secret: ghp,
    broken: badChecksum,
    build: (s) => {
      const script = `# deploy\r\n$env:GITHUB_TOKEN = "${s}"\r\n`;
      return { text: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(script, 'utf16le')]), at: 2 + 2 * script.indexOf(s), line: 2 };
    },
  },
  {
    name: 'UTF-16BE text without a BOM',
    detector: 'github-pat-classic',
    encoding: 'utf-16be',
    secret: ghp,
    broken: badChecksum,
    build: (s) => {
      const doc = `token=${s}\n`;
      return { text: utf16be(doc), at: 2 * doc.indexOf(s), line: 1 };
    },
  },
  {
    name: 'an AWS access key id in UTF-16LE',
    detector: 'aws-access-key',
    encoding: 'utf-16le',
    secret: awsKeyId,
    broken: (s) => `${s.slice(0, 4)}${s.slice(4).toLowerCase()}`,
    build: (s) => {
      const doc = `[default]\r\naws_access_key_id=${s}\r\n`;
      return { text: Buffer.from(doc, 'utf16le'), at: 2 * doc.indexOf(s), line: 2 };
    },
  },
];

describe('decoded scan: each encoding', () => {
  for (const c of CASES) {
    it(`finds ${c.name} at the encoded bytes, with its encoding, and not a broken one`, () => {
      const secret = c.secret();
      const { text: buf, at, line } = c.build(secret);
      const want = fingerprint('x', secret);
      for (const e of [engine, hook]) {
        const found = e.scan(buf).filter((m) => m.detector.id === c.detector);
        expect(found.map((m) => `${fingerprint('x', m.secret)} ${m.encoding} @${m.start} line ${m.line}`)).toEqual([`${want} ${c.encoding} @${at} line ${line}`]);
        const m = found[0]!;
        expect(m.reason.endsWith(`; decoded from ${REASON[c.encoding]}`)).toBe(true);
        expect(m.end).toBeGreaterThan(m.start);
        // The decoded value is the secret: the scanner's fingerprint merges it with the plain token's finding.
        expect(fingerprint(m.detector.family, m.secret)).toBe(fingerprint(m.detector.family, secret));
      }
      expect(plain.scan(buf).filter((m) => m.detector.id === c.detector)).toEqual([]);
      const broken = c.build(c.broken(secret)).text;
      expect(engine.scan(broken).filter((m) => m.detector.id === c.detector).map(describeMatch)).toEqual([]);
    });
  }

  it('treats a percent-escape before a token as a boundary, decoding or not, but not one of a token letter', () => {
    const token = ghp();
    const url = `GET /callback?access_token%3D${token}&state=abc HTTP/1.1\n`;
    for (const e of [engine, plain]) {
      const found = e.scan(Buffer.from(url)).filter((m) => m.detector.id === 'github-pat-classic');
      expect(found.map((m) => [m.start, m.encoding])).toEqual([[url.indexOf(token), undefined]]);
    }
    // `%41` is an `A`: the token is part of a longer run.
    expect(plain.scan(Buffer.from(`x=%41${token}`)).filter((m) => m.detector.id === 'github-pat-classic')).toEqual([]);
    expect(plain.scan(Buffer.from(`x=%2${token}`)).filter((m) => m.detector.id === 'github-pat-classic')).toEqual([]);
  });

  it('decodes a run that starts right after another one (dense triggers are thinned within a run only)', () => {
    const hook = slackHook();
    for (const doc of [
      `a=%2F%2Fx ${encodeURIComponent(`https://${hook}`)}\n`,
      `["a\\u0041b", "https:${`//${hook}`.replaceAll('/', '\\u002F')}"]\n`,
    ]) {
      const found = engine.scan(Buffer.from(doc)).filter((m) => m.detector.id === 'slack-incoming-webhook');
      expect(found.map((m) => [m.start, m.encoding !== undefined])).toEqual([[doc.indexOf('hooks.slack.com'), true]]);
    }
  });

  it('reports a token once when it shows both plainly and decoded (the plain match wins)', () => {
    const token = ghp();
    const doc = `{"url":"https:\\/\\/api.example.com\\/v1?token=${token}"}\n`;
    const found = engine.scan(Buffer.from(doc)).filter((m) => m.detector.id === 'github-pat-classic');
    expect(found.map((m) => [m.start, m.encoding])).toEqual([[doc.indexOf(token), undefined]]);
  });

  it('decodes one level only: base64 of base64 is not decoded twice', () => {
    const token = ghp();
    expect(engine.scan(Buffer.from(`v: ${b64(b64(token))}\n`)).filter((m) => m.detector.id === 'github-pat-classic')).toEqual([]);
  });

  it('is off with decode: false', () => {
    expect(plain.decode).toBe(false);
    expect(engine.decode).toBe(true);
    expect(decodeCounters(plain)).toBeUndefined();
  });
});

describe('decoded scan: as strict as plain scanning', () => {
  const filler = (n: number): string => {
    const words = ['const', 'value', 'return', 'function', 'token', 'url', 'data', 'import', '=', '(', ')', '{', '}', ';', '\n', '  '];
    let s = '';
    while (s.length < n) s += `${t.pick(words)} `;
    return s.slice(0, n);
  };
  const noDecodedFindings = (buf: Buffer): void => {
    for (const e of [engine, hook]) {
      const found = e.scan(buf);
      expect(found.filter((m) => m.encoding !== undefined).map(describeMatch)).toEqual([]);
    }
    const ids = (ms: Match[]): string[] => ms.filter((m) => m.detector.tier === 'identifiable').map(describeMatch);
    expect(ids(engine.scan(buf))).toEqual(ids(plain.scan(buf)));
  };

  it('finds nothing in npm integrity hashes and an embedded image', () => {
    const lines: string[] = ['{', '  "packages": {'];
    for (let i = 0; i < 3000; i++) {
      lines.push(`    "node_modules/p${i}": { "version": "1.${i}.0", "integrity": "sha512-${Buffer.from(t.bytes(64)).toString('base64')}" },`);
    }
    lines.push('  }', '}', `<img src="data:image/png;base64,${Buffer.from(t.bytes(300_000)).toString('base64')}">`);
    noDecodedFindings(Buffer.from(lines.join('\n')));
  });

  it('finds nothing in random UTF-16 and random base64url', () => {
    const units = new Uint16Array(200_000);
    for (let i = 0; i < units.length; i++) units[i] = t.int(0x10000);
    noDecodedFindings(Buffer.from(units.buffer));
    noDecodedFindings(Buffer.from(Buffer.from(t.bytes(500_000)).toString('base64url')));
  });

  it('finds nothing in minified JSON full of \\/ and URLs full of %2F', () => {
    const entries: string[] = [];
    for (let i = 0; i < 5000; i++) {
      entries.push(`{"id":${i},"href":"https:\\/\\/cdn.example.com\\/assets\\/${t.chars(ALPHA.lowerAlnum, 12)}\\/${t.chars(ALPHA.base62, 20)}.js","q":"${filler(40).replaceAll('\n', '\\n')}"}`);
    }
    noDecodedFindings(Buffer.from(`[${entries.join(',')}]`));
    const urls: string[] = [];
    for (let i = 0; i < 5000; i++) urls.push(`https://example.com/r?to=${encodeURIComponent(`https://example.org/${t.chars(ALPHA.base62, 30)}/${t.chars(ALPHA.base62, 10)}?a=b&c=${t.chars(ALPHA.base64, 20)}`)}`);
    noDecodedFindings(Buffer.from(urls.join('\n')));
  });

  it('does not report a token cut by a decoded edge', () => {
    // A base64 value that ends inside the token: the decoded bytes hold its first 30 characters only.
    const token = ghp();
    const cut = Buffer.from(token.slice(0, 30)).toString('base64');
    expect(engine.scan(Buffer.from(`data:\n  t: ${cut}\n`)).map(describeMatch)).toEqual([]);
  });
});

describe('decoded scan: streams', () => {
  // A document with every case, four times, between stretches of filler sized by the engine's overlap, so it spans several.
  const parts: Buffer[] = [];
  const spans: number[] = [];
  let size = 0;
  for (let round = 0; round < 4; round++) {
    for (const c of CASES) {
      const gap = Buffer.from(`${'x'.repeat(t.int(Math.ceil(engine.overlap / 6)))}\n// ${t.chars(ALPHA.lowerAlnum, 40)}\n`);
      const { text: enc, at } = c.build(c.secret());
      parts.push(gap, enc);
      size += gap.length;
      spans.push(size + at);
      size += enc.length;
    }
  }
  const doc = Buffer.concat(parts);
  const whole = sorted(engine.scan(doc));

  it('finds the same matches as a whole scan for any chunking', () => {
    expect(doc.length).toBeGreaterThan(4 * engine.overlap);
    expect(whole.filter((d) => !d.includes(' plain ')).length).toBeGreaterThanOrEqual(4 * CASES.length);
    for (const size of [7, 64, 333, 1000, 4096, 20_000, 65_536, doc.length]) {
      expect(sorted(streamScan(engine, doc, () => size)), `chunks of ${size}`).toEqual(whole);
    }
    const identifiable = sorted(hook.scan(doc));
    expect(sorted(streamScan(hook, doc, () => 5000))).toEqual(identifiable);
  });

  it('finds the same matches with 1-byte chunks around encoded secrets', () => {
    for (const at of spans.filter((_, i) => i % 15 === 7)) {
      const sizes = (p: number): number => (p >= at - 100 && p < at + 100 ? 1 : p < at - 100 ? Math.min(4096, at - 100 - p) : 4096);
      expect(sorted(streamScan(engine, doc, sizes)), `1-byte chunks around ${at}`).toEqual(whole);
    }
  });
});

describe('decoded scan: bounded cost', () => {
  /** Bytes each decoder took in (span bytes), for one whole scan of `buf` by a fresh engine. */
  function spanBytes(buf: Buffer, detectors = IDENTIFIABLE_DETECTORS): { spans: number[]; decoded: number[]; matches: Match[] } {
    const e = createEngine(detectors);
    const matches = e.scan(buf);
    const c = decodeCounters(e)!;
    return { spans: [...c.spanBytes], decoded: [...c.decodedBytes], matches };
  }
  const repeat = (unit: string | Buffer, bytes: number): Buffer => {
    const u = Buffer.isBuffer(unit) ? unit : Buffer.from(unit, 'latin1');
    return Buffer.alloc(bytes - (bytes % u.length), u);
  };

  it('decodes each input byte at most once per decoder on 10 MB of %2F and of \\u0041', () => {
    for (const [unit, decoder] of [
      ['%2F', PERCENT],
      ['\\u0041', ESCAPE],
    ] as const) {
      const buf = repeat(unit, 10_000_000);
      const { spans, decoded, matches } = spanBytes(buf, ALL_DETECTORS);
      expect(spans[decoder]).toBeGreaterThan(0);
      expect(spans[decoder]).toBeLessThanOrEqual(buf.length);
      expect(decoded[decoder]).toBeLessThanOrEqual(spans[decoder]!);
      expect(matches).toEqual([]);
    }
  }, 120_000);

  it('decodes each input byte at most once per decoder on base64 and UTF-16 of a repeated keyword', () => {
    const b = Buffer.from(repeat('ghp_', 1_500_000).toString('base64'));
    const base64 = spanBytes(b);
    expect(base64.spans[BASE64]).toBeGreaterThan(b.length / 2);
    expect(base64.spans[BASE64]).toBeLessThanOrEqual(b.length);
    const u = repeat(Buffer.from('ghp_', 'utf16le'), 2_000_000);
    const utf16 = spanBytes(u);
    expect(utf16.spans[UTF16]).toBeGreaterThan(u.length / 2);
    expect(utf16.spans[UTF16]).toBeLessThanOrEqual(u.length);
    expect([...base64.matches, ...utf16.matches]).toEqual([]);
  }, 120_000);

  it('decodes almost nothing of long random base64, nor of a zip in base64', () => {
    const random = Buffer.from(Buffer.from(t.bytes(4_000_000)).toString('base64'));
    expect(spanBytes(random).spans[BASE64]).toBeLessThan(random.length / 1000);
    // A zip: local file headers and compressed (random-looking) data.
    const zipParts: Buffer[] = [];
    for (let i = 0; i < 200; i++) zipParts.push(Buffer.from(`PK\x03\x04\x14\x00\x00\x00\x08\x00file${i}.txt`, 'latin1'), Buffer.from(t.bytes(5000)));
    const zip = Buffer.from(Buffer.concat(zipParts).toString('base64'));
    const z = spanBytes(zip);
    expect(z.spans[BASE64]).toBeLessThanOrEqual(zip.length);
    expect(z.matches).toEqual([]);
  }, 60_000);
});

describe('decoded scan: triggers in every prefilter kind', () => {
  /** The obvious search, in the order prefilters report (by end, longer first, then index). */
  function naive(keywords: readonly KeywordSpec[], buf: Buffer): Array<[number, number]> {
    const hits: Array<[number, number]> = [];
    const lower = Buffer.from(buf.toString('latin1').replace(/[A-Z]/g, (c) => c.toLowerCase()), 'latin1');
    keywords.forEach((k, kw) => {
      const hay = k.ignoreCase ? lower : buf;
      const needle = Buffer.from(k.ignoreCase ? k.text.replace(/[A-Z]/g, (c) => c.toLowerCase()) : k.text, 'latin1');
      for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) hits.push([kw, at]);
    });
    const len = (kw: number): number => keywords[kw]!.text.length;
    return hits.sort((a, b) => a[1] + len(a[0]) - (b[1] + len(b[0])) || a[1] - b[1] || a[0] - b[0]);
  }

  it('finds UTF-16 (NUL bytes), base64, percent and escape triggers alike in all kinds', () => {
    const keywords = keywordSpecsOf(IDENTIFIABLE_DETECTORS, true);
    expect(keywords.some((k) => k.text.includes('\0'))).toBe(true);
    const pieces: Buffer[] = [];
    for (let i = 0; i < 300; i++) {
      const token = ghp();
      pieces.push(
        Buffer.from(t.bytes(50 + t.int(200))),
        Buffer.from(token, 'utf16le'),
        utf16be(`AKIA${t.chars(ALPHA.base32Upper, 16)}`),
        Buffer.from(` ${b64(token)} %2f%3D\\u0067\\x2F hooks.slack.com\\/ `, 'latin1'),
      );
    }
    const buf = Buffer.concat(pieces);
    const want = naive(keywords, buf);
    expect(want.length).toBeGreaterThan(1500);
    const kinds: Array<PrefilterKind | 'indexof'> = ['dfa', 'simd', 'indexof', ...(nativePrefilterAvailable() ? (['native'] as const) : [])];
    for (const kind of kinds) {
      const p: Prefilter = kind === 'indexof' ? buildIndexOfPrefilter(keywords) : buildPrefilter(keywords, kind);
      const got: Array<[number, number]> = [];
      p.scan(buf, 0, buf.length, (kw, start) => got.push([kw, start]));
      expect(got, kind).toEqual(want);
    }
  });
});

describe('decoded scan: the native prefilter leaves out `authorization` hits that cannot be Basic headers', () => {
  // Past a megabyte the engine's prefilter is the native kernel, which applies triggerRequirement: a
  // `b`/`B` right after the bytes the Basic-header reader skips. Every header spelling it reads must
  // still be found there, as a scan of each piece alone (indexOf prefilter, no requirement) finds it.
  it.runIf(nativePrefilterAvailable())('finds every Basic header spelling in a large scan as in small ones', () => {
    const spellings = [
      (v: string) => `-H "Authorization: Basic ${v}"`,
      (v: string) => `{"Authorization": "Basic ${v}"}`,
      (v: string) => `git -c http.extraheader="AUTHORIZATION: basic ${v}" fetch`,
      (v: string) => `authorization='Basic ${v}'`,
      (v: string) => `Authorization:\tBasic ${v}`,
      (v: string) => `{\\"authorization\\":\\"Basic ${v}\\"}`,
      (v: string) => `Authorization = , Basic ${v}`,
    ];
    const filler = '// authorization is checked below; Authorization: Bearer abc; AUTHORIZATION_HEADER = x\n'.repeat(40);
    const pieces: string[] = [];
    for (let i = 0; pieces.join('').length < 1.5 * 1024 * 1024; i++) {
      pieces.push(`${filler}${spellings[i % spellings.length]!(b64(`user${i}:${ghp()}`))}\n`);
    }
    const big = createEngine(IDENTIFIABLE_DETECTORS).scan(Buffer.from(pieces.join(''), 'latin1'));
    const decoded = big.filter((m) => m.encoding === 'base64').map((m) => fingerprint(m.detector.family, m.secret));
    const small = createEngine(IDENTIFIABLE_DETECTORS);
    const want = pieces.flatMap((p) => small.scan(Buffer.from(p, 'latin1')).filter((m) => m.encoding === 'base64').map((m) => fingerprint(m.detector.family, m.secret)));
    expect(want.length).toBe(pieces.length);
    expect(decoded).toEqual(want);
  });
});
