import { afterAll, describe, expect, it } from 'vitest';
import { GitRepo } from '../../test/support/git-repo.js';
import { CatFileBatchParser, type CatFileHandler } from './cat-file-parser.js';

interface Parsed {
  objects: Array<{ oid: string; type: string; size: number; content: Buffer }>;
  missing: string[];
}

function parse(output: Buffer, chunkSize: number): Parsed {
  const result: Parsed = { objects: [], missing: [] };
  let parts: Buffer[] = [];
  let current: { oid: string; type: string; size: number } | null = null;
  const handler: CatFileHandler = {
    objectStart(oid, type, size) {
      if (current) throw new Error('object started inside another');
      current = { oid, type, size };
      parts = [];
    },
    content(chunk) {
      if (!current) throw new Error('content outside an object');
      parts.push(Buffer.from(chunk));
    },
    objectEnd() {
      result.objects.push({ ...current!, content: Buffer.concat(parts) });
      current = null;
    },
    missing(name) {
      result.missing.push(name);
    },
  };
  const parser = new CatFileBatchParser(handler);
  for (let i = 0; i < output.length; i += chunkSize) parser.push(output.subarray(i, i + chunkSize));
  expect(parser.midObject).toBe(false);
  expect(parser.partialHeader).toBe(false);
  return result;
}

describe('CatFileBatchParser', () => {
  const repo = GitRepo.create();
  afterAll(() => repo.dispose());

  // Contents that look like headers, end without a newline, hold NULs and newlines, or are empty.
  const contents = [
    Buffer.from('plain text\n'),
    Buffer.alloc(0),
    Buffer.from('0123456789abcdef0123456789abcdef01234567 blob 12\nnot a header'),
    Buffer.from([0, 10, 0, 10, 10, 255, 0]),
    Buffer.from('x'.repeat(70_000)),
  ];
  const oids = repo.blobs(contents);
  const unknown = '0000000000000000000000000000000000000001';
  const output = repo.git(['cat-file', '--batch'], { input: [oids[0], unknown, ...oids.slice(1)].join('\n') + '\n' });

  it('parses real git output split at any chunk size', () => {
    for (const size of [1, 2, 3, 7, 41, 64, 4096, output.length]) {
      const parsed = parse(output, size);
      expect(parsed.missing).toEqual([unknown]);
      expect(parsed.objects.map((o) => o.oid)).toEqual(oids);
      parsed.objects.forEach((o, i) => {
        expect(o.type).toBe('blob');
        expect(o.size).toBe(contents[i]!.length);
        expect(o.content.equals(contents[i]!)).toBe(true);
      });
    }
  });

  it('reports an object cut off mid-content as still open', () => {
    const parser = new CatFileBatchParser({ objectStart() {}, content() {}, objectEnd() {}, missing() {} });
    parser.push(output.subarray(0, output.indexOf('\n') + 3));
    expect(parser.midObject).toBe(true);
  });

  it('rejects output that is not cat-file --batch output with a stable code', () => {
    const parser = new CatFileBatchParser({ objectStart() {}, content() {}, objectEnd() {}, missing() {} });
    expect(() => parser.push(Buffer.from('hello world\n'))).toThrow(expect.objectContaining({ code: 'GIT_OUTPUT_UNEXPECTED' }));
  });
});
