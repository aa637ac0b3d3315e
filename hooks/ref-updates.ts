/** One line of a pre-receive hook's stdin: `<old-oid> <new-oid> <ref-name>`. */
export interface RefUpdate {
  readonly oldOid: string;
  readonly newOid: string;
  readonly ref: string;
  readonly kind: 'create' | 'update' | 'delete';
}

export class HookInputError extends Error {
  readonly code = 'HOOK_BAD_INPUT';
}

const OID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const ZERO = /^0+$/;

export function isZeroOid(oid: string): boolean {
  return ZERO.test(oid);
}

/** Parses git's pre-receive stdin; any malformed line is an error (the hook then fails closed). */
export function parseRefUpdates(stdin: string): RefUpdate[] {
  const updates: RefUpdate[] = [];
  for (const raw of stdin.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line === '') continue;
    const parts = line.split(' ');
    const [oldOid, newOid, ref] = parts;
    if (parts.length !== 3 || !oldOid || !newOid || !ref || !OID.test(oldOid) || !OID.test(newOid)) {
      throw new HookInputError(`unexpected pre-receive input line: ${JSON.stringify(line.slice(0, 200))}`);
    }
    const kind = isZeroOid(newOid) ? 'delete' : isZeroOid(oldOid) ? 'create' : 'update';
    updates.push({ oldOid, newOid, ref, kind });
  }
  return updates;
}
