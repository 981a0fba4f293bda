import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** What a command may do to the outside world; tests give their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readText(file: string): Promise<string>;
  /** Writes a file, creating its folder. */
  writeText(file: string, text: string): Promise<void>;
}

export const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readText: (file) => readFile(file, 'utf8'),
  writeText: async (file, text) => {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  },
};

/** A sentence for why a file could not be read, without a stack trace. */
export function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'cannot be read: there is no such file (check the path)';
    case 'EISDIR':
      return 'is a directory; name the spec files in it (for example dir/*.yaml)';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied';
    default:
      return `cannot be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}
