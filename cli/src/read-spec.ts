import { formatForFile, indexSpec, loadSource, type SpecIndex, type UnreadableFile } from '@specwright/core';
import { describeReadError, type CliIo } from './io.js';

export type ReadSpec =
  | { ok: true; file: string; index: SpecIndex; locate: (pointer: string) => { line: number; column: number } | undefined }
  | { ok: false; unreadable: UnreadableFile };

/** Reads and parses one spec file; what cannot be read becomes an unreadable entry (exit 2). */
export async function readSpec(file: string, io: CliIo): Promise<ReadSpec> {
  let text: string;
  try {
    text = await io.readText(file);
  } catch (error) {
    return { ok: false, unreadable: { file, message: describeReadError(error) } };
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
