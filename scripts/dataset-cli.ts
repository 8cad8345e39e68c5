import { readFile } from 'node:fs/promises';
import { buffer } from 'node:stream/consumers';
import { parseArgs } from 'node:util';

/** What `npm run data:import` and `npm run data:export` share: their one <file> argument and exit codes. */

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export class UsageError extends Error {}

/** The <file> argument ("-" for standard input or output), or null when --help was asked for. */
export function fileArgument(args: string[]): string | null {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) return null;
  const [file, ...extra] = parsed.positionals;
  if (!file) throw new UsageError('Name the file.');
  if (extra.length > 0) throw new UsageError(`One file at a time; also got: ${extra.join(' ')}`);
  return file;
}

/** Runs a command's main function, turning its result or error into the exit code. */
export function runCommand(main: () => Promise<number>, usage: string, cleanUp: () => Promise<void>): void {
  main()
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      if (error instanceof UsageError) {
        console.error(`${error.message}\n\n${usage}`);
        process.exitCode = EXIT.usage;
      } else {
        console.error(error instanceof Error ? error.message : error);
        process.exitCode = EXIT.failed;
      }
    })
    .finally(cleanUp);
}

/**
 * Reads a file, or standard input for "-", as bytes (a large document parses with less memory from them: see
 * lib/dataset/parse-json.ts); a file that cannot be read is a plain message, not a stack trace.
 */
export async function readInput(file: string): Promise<Buffer> {
  if (file === '-') return buffer(process.stdin);
  try {
    return await readFile(file);
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${systemReason(error)}`);
  }
}

export function systemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}
