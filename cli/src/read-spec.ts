import { formatForFile, indexSpec, loadSource, type SpecIndex, type UnreadableFile } from '@specwright/core';
import { describeReadError, readErrorPosition, type CliIo } from './io.js';

export type ReadSpec =
  | { ok: true; file: string; index: SpecIndex; locate: (pointer: string) => { line: number; column: number } | undefined }
  | { ok: false; unreadable: UnreadableFile };

/** Reads and parses one spec file; what cannot be read becomes an unreadable entry (exit 2). */
export async function readSpec(file: string, io: CliIo): Promise<ReadSpec> {
  let text: string;
  try {
    text = await io.readText(file);
  } catch (error) {
    return { ok: false, unreadable: unreadableFile(file, error) };
  }
  const loaded = loadSource(text, formatForFile(file));
  if (!loaded.ok) {
    const unreadable: UnreadableFile = { file, message: loaded.message };
    if (loaded.line !== undefined) unreadable.line = loaded.line;
    if (loaded.column !== undefined) unreadable.column = loaded.column;
    return { ok: false, unreadable };
  }
  return { ok: true, file, index: indexSpec(loaded.value), locate: loaded.locate };
}

/** A file that could not be read, as the reports list it: the reason, and the line and column where the fault is inside it (invalid UTF-8). */
export function unreadableFile(file: string, error: unknown): UnreadableFile {
  return { file, message: describeReadError(error), ...readErrorPosition(error) };
}
