import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describeWriteError, FileError } from './file-errors.js';
import { updateFile, type Change } from './replace-file.js';
import { readTextFile } from './text-file.js';

export { describeReadError, describeWriteError, readErrorPosition, FileError } from './file-errors.js';
export type { Change } from './replace-file.js';

/** What a command may do to the outside world; tests give their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** A regular file's text (UTF-8, or UTF-16 with a BOM). Throws FileError or the system's error. */
  readText(file: string): Promise<string>;
  /** Writes a file, creating its folder. Throws FileError. */
  writeText(file: string, text: string): Promise<void>;
  /**
   * Changes a file in place, never leaving it half-written: locked, written to a temporary file,
   * fsynced and renamed over it, refused when someone else changed it meanwhile (replace-file.ts).
   * Throws FileError.
   */
  updateText<T>(file: string, change: (text: string) => Change<T> | Promise<Change<T>>): Promise<T>;
}

export const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readText: readTextFile,
  writeText: async (file, text) => {
    try {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text);
    } catch (error) {
      throw new FileError(file, describeWriteError(error), String((error as { code?: unknown }).code ?? 'EIO'));
    }
  },
  updateText: updateFile,
};
