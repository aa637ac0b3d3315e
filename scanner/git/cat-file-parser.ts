/**
 * Incremental parser of `git cat-file --batch` output: for each requested
 * object either `<oid> <type> <size>\n<size bytes>\n` or `<name> missing\n`
 * (also `ambiguous`). Content is handed on as slices of the chunks read from
 * the pipe, never gathered, so a blob of any size costs one pipe chunk of memory.
 */
export interface CatFileHandler {
  objectStart(oid: string, type: string, size: number): void;
  /** Part of the current object's content, in order. Valid after the call returns (a slice of a pipe chunk). */
  content(chunk: Buffer): void;
  objectEnd(): void;
  /** cat-file printed `<name> missing` (or `ambiguous`): absent, or its header could not be read. */
  missing(name: string, reason: string): void;
}

export class CatFileParseError extends Error {
  readonly code = 'GIT_OUTPUT_UNEXPECTED';
  constructor(detail: string) {
    super(`unexpected git cat-file output: ${detail}`);
  }
}

const LF = 0x0a;

export class CatFileBatchParser {
  private header: Buffer | null = null;
  /** Content bytes still to come for the current object; -1 between objects. */
  private remaining = -1;
  /** The newline after an object's content is still to come. */
  private trailer = false;

  constructor(private readonly handler: CatFileHandler) {}

  /** True while an object is open (header seen, content or its newline not complete). */
  get midObject(): boolean {
    return this.remaining >= 0;
  }

  /** True when some output has been read that does not yet form a whole header. */
  get partialHeader(): boolean {
    return this.header !== null;
  }

  push(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, chunk.length - i);
        this.handler.content(chunk.subarray(i, i + n));
        this.remaining -= n;
        i += n;
        continue;
      }
      if (this.remaining === 0) {
        if (chunk[i] !== LF) throw new CatFileParseError('object content not followed by a newline');
        i++;
        this.remaining = -1;
        this.handler.objectEnd();
        continue;
      }
      const nl = chunk.indexOf(LF, i);
      if (nl === -1) {
        const rest = chunk.subarray(i);
        this.header = this.header ? Buffer.concat([this.header, rest]) : Buffer.from(rest);
        if (this.header.length > 4096) throw new CatFileParseError('header line too long');
        return;
      }
      const line = this.header ? Buffer.concat([this.header, chunk.subarray(i, nl)]) : chunk.subarray(i, nl);
      this.header = null;
      i = nl + 1;
      this.headerLine(line.toString('latin1'));
    }
  }

  private headerLine(line: string): void {
    const lastSpace = line.lastIndexOf(' ');
    const tail = line.slice(lastSpace + 1);
    if (tail === 'missing' || tail === 'ambiguous') {
      this.handler.missing(line.slice(0, lastSpace), tail);
      return;
    }
    const parts = line.split(' ');
    const size = Number(parts[2]);
    if (parts.length !== 3 || !Number.isSafeInteger(size) || size < 0) throw new CatFileParseError(`bad header ${JSON.stringify(line.slice(0, 200))}`);
    this.remaining = size;
    this.handler.objectStart(parts[0]!, parts[1]!, size);
  }
}
