import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { describeReadError, FileError } from './file-errors.js';

/**
 * Reading the files a command is given (specs, schemas, samples, pages): regular files only —
 * a named pipe, socket or device is refused at once instead of waited on or read forever — and
 * text must be UTF-8 (or UTF-16 with a byte order mark, as Windows editors save it); a byte that
 * is not is reported with its line and column instead of being silently replaced.
 */

/** Why a file of this kind cannot be read as a spec, or undefined for a regular file. */
function notARegularFile(info: Stats): { sentence: string; code: string } | undefined {
  if (info.isFile()) return undefined;
  if (info.isDirectory()) return { sentence: describeReadError({ code: 'EISDIR' }), code: 'EISDIR' };
  const kind = info.isFIFO()
    ? 'a named pipe (FIFO)'
    : info.isSocket()
      ? 'a socket'
      : info.isCharacterDevice() || info.isBlockDevice()
        ? 'a device'
        : 'not a regular file';
  return { sentence: `cannot be read: it is ${kind}, not a file; save the content to a file and name that`, code: 'ENOTFILE' };
}

function refuseUnlessRegular(file: string, info: Stats): Stats {
  const problem = notARegularFile(info);
  if (problem) throw new FileError(file, problem.sentence, problem.code);
  return info;
}

/** A regular file's stat. Throws FileError for a folder, pipe, socket or device, or the system's error. */
export async function statRegularFile(file: string): Promise<Stats> {
  return refuseUnlessRegular(file, await stat(file));
}

/** The bytes of a regular file. Throws FileError for anything else, or the system's error. */
export async function readFileBytes(file: string): Promise<Buffer> {
  const refuse = (info: Stats) => refuseUnlessRegular(file, info);
  refuse(await stat(file));
  // O_NONBLOCK: should the path turn into a pipe after the stat, opening it does not wait for a writer.
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    refuse(await handle.stat());
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** A regular file's text (see decodeText). */
export async function readTextFile(file: string): Promise<string> {
  return decodeText(file, await readFileBytes(file)).text;
}

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Text as bytes in the encoding its file had (a UTF-16 file keeps its byte order mark, which the text holds). */
export function encodeText(text: string, encoding: TextEncoding): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  const bytes = Buffer.from('\uFEFF' + text, 'utf16le');
  return encoding === 'utf-16be' ? bytes.swap16() : bytes;
}

/**
 * The text of a file's bytes: UTF-8 (a byte order mark is kept for the loader to skip), or UTF-16
 * when it starts with a UTF-16 byte order mark. Throws FileError, with the line and column, at the
 * first byte that is not valid text; refuses UTF-32, and UTF-16 without a byte order mark.
 */
export function decodeText(file: string, bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff]))
    throw new FileError(file, 'cannot be read: it is UTF-32 text; save the file as UTF-8', 'EENCODING', 1, 1);
  const utf16 = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : undefined;
  // ASCII text saved as UTF-16 without a byte order mark has a NUL in every other byte.
  if (utf16 === undefined && bytes.length >= 4 && ((bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0)))
    throw new FileError(file, 'cannot be read: it looks like UTF-16 text without a byte order mark; save the file as UTF-8', 'EENCODING', 1, 1);
  let text: string;
  try {
    // ignoreBOM keeps a UTF-8 BOM as U+FEFF, which the loader skips (positions count after it).
    text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true, ignoreBOM: utf16 === undefined }).decode(bytes);
  } catch {
    const bad = utf16 ? firstInvalidUtf16(bytes, utf16 === 'utf-16le') : firstInvalidUtf8(bytes);
    const { line, column } = positionOf(bytes, bad, utf16);
    const what = utf16
      ? `is not valid UTF-16 (${bad >= bytes.length - 1 ? 'an odd number of bytes' : 'an unpaired surrogate'} at byte offset ${bad})`
      : `is not valid UTF-8 (byte 0x${bytes[bad]!.toString(16).toUpperCase().padStart(2, '0')} at byte offset ${bad})`;
    throw new FileError(file, `${what}; save the file as UTF-8`, 'EENCODING', line, column);
  }
  return { text, encoding: utf16 ?? 'utf-8' };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** The offset of the first byte that does not start (or continue) a valid UTF-8 sequence, as TextDecoder judges. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let at = 0;
  while (at < n) {
    const b = bytes[at]!;
    if (b < 0x80) {
      at++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f; // nothing above U+10FFFF
    } else return at;
    if (at + length > n) return at;
    const second = bytes[at + 1]!;
    if (second < low || second > high) return at;
    for (let k = 2; k < length; k++) {
      const c = bytes[at + k]!;
      if (c < 0x80 || c > 0xbf) return at;
    }
    at += length;
  }
  return n;
}

/** The byte offset of the first code unit of UTF-16 (after the BOM) that is an unpaired surrogate, or of a last odd byte. */
function firstInvalidUtf16(bytes: Uint8Array, littleEndian: boolean): number {
  const unit = (at: number) => (littleEndian ? bytes[at]! | (bytes[at + 1]! << 8) : (bytes[at]! << 8) | bytes[at + 1]!);
  let at = 2;
  while (at + 1 < bytes.length) {
    const u = unit(at);
    if (u >= 0xd800 && u <= 0xdbff) {
      if (at + 3 >= bytes.length) return at;
      const next = unit(at + 2);
      if (next < 0xdc00 || next > 0xdfff) return at;
      at += 4;
    } else if (u >= 0xdc00 && u <= 0xdfff) return at;
    else at += 2;
  }
  return at;
}

/** The line and column (UTF-16 code units, as the loader counts) of a byte offset: everything before it is valid text. */
function positionOf(bytes: Uint8Array, offset: number, utf16: string | undefined): { line: number; column: number } {
  const before = new TextDecoder(utf16 ?? 'utf-8').decode(bytes.subarray(0, offset - (utf16 && offset % 2 === 1 ? 1 : 0)));
  return positionInText(before, before.length);
}

function positionInText(text: string, index: number): { line: number; column: number } {
  let line = 1;
  // A byte order mark is not content: the loader counts columns after it.
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < index; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: index - lineStart + 1 };
}
