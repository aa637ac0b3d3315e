import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

// CommonJS packages whose `module.exports` is also their `.default`; NodeNext types see only the latter.
const Ajv = ajvDraft04.default;
const addFormats = ajvFormats.default;

/**
 * Two independent checks of SARIF output:
 * - Ajv against the official OASIS SARIF 2.1.0 schema (test/fixtures/sarif, see SOURCE.md);
 * - Microsoft's SARIF multitool `validate` (schema plus the SARIF SDK's own rules, e.g.
 *   SARIF1010 "result without ruleId").
 * Both are needed: the multitool 5.7.0 silently reports nothing for a log it cannot
 * deserialize (an unknown enum value such as `"level": "fatal"`), which Ajv catches.
 */
const schemaPath = resolve(import.meta.dirname, '../fixtures/sarif/sarif-schema-2.1.0.json');
let validator: ReturnType<InstanceType<typeof Ajv>['compile']> | undefined;

export function ajvSarifErrors(log: unknown): string[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
  }
  if (validator(log)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
}

export interface MultitoolOutcome {
  /** `ruleId: message` of error-level results. */
  readonly errors: string[];
  readonly warnings: string[];
  /** Whether the tool reported anything at any level (notes included): shows it read the log. */
  readonly analyzed: boolean;
}

/** Path of the multitool's native binary (the package's own bin runs it through a shell, which splits `;`). */
export function multitoolBinary(): string {
  return createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
}

export function multitoolValidate(log: unknown): Promise<MultitoolOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'pushgate-sarif-'));
  const input = join(dir, 'report.sarif');
  const output = join(dir, 'validation.sarif');
  writeFileSync(input, JSON.stringify(log, null, 2));
  return new Promise((resolvePromise, reject) => {
    execFile(
      multitoolBinary(),
      ['validate', input, '-o', output, '--level', 'Error;Warning;Note', '--quiet'],
      // Invariant globalization: the .NET binary then needs no ICU on the machine. Rule SARIF2006 (a
      // note) GETs every rule's helpUri; offline each GET waits (47 s for 330 rules), so the tool gets
      // a proxy that refuses at once: the notes still come, in about a second.
      {
        env: {
          ...process.env,
          DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1',
          DOTNET_CLI_TELEMETRY_OPTOUT: '1',
          HTTPS_PROXY: 'http://127.0.0.1:9',
          HTTP_PROXY: 'http://127.0.0.1:9',
        },
        timeout: 120_000,
      },
      (err, stdout, stderr) => {
        try {
          if (err) throw new Error(`sarif-multitool failed: ${err.message}\n${stdout}\n${stderr}`);
          const result = JSON.parse(readFileSync(output, 'utf8')) as {
            runs: Array<{
              results?: Array<{ level?: string; ruleId?: string; message: { text?: string; arguments?: string[] } }>;
              invocations?: Array<{ executionSuccessful?: boolean; toolExecutionNotifications?: Array<{ message: { text?: string } }> }>;
            }>;
          };
          const run = result.runs[0]!;
          const invocation = run.invocations?.[0];
          if (invocation?.executionSuccessful !== true) {
            throw new Error(`sarif-multitool did not run to completion: ${JSON.stringify(invocation)}`);
          }
          const describe = (r: { ruleId?: string; message: { text?: string; arguments?: string[] } }): string =>
            `${r.ruleId}: ${r.message.text ?? (r.message.arguments ?? []).join(' | ')}`;
          const results = run.results ?? [];
          resolvePromise({
            errors: results.filter((r) => r.level === 'error').map(describe),
            // SARIF's default level is warning.
            warnings: results.filter((r) => r.level === undefined || r.level === 'warning').map(describe),
            analyzed: results.length > 0,
          });
        } catch (e) {
          reject(e);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    );
  });
}
