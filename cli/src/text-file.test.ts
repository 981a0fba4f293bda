import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FileError } from './file-errors.js';
import { decodeText, encodeText, firstInvalidUtf8 } from './text-file.js';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

/** The FileError decodeText throws, as plain data. */
function refusal(data: Uint8Array): { sentence: string; line?: number; column?: number } {
  try {
    decodeText('f.yaml', data);
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    return { sentence: error.sentence, ...(error.line !== undefined ? { line: error.line } : {}), ...(error.column !== undefined ? { column: error.column } : {}) };
  }
  throw new Error('decoded without complaint');
}

describe('decodeText: UTF-8', () => {
  it('decodes UTF-8 and keeps a byte order mark for the loader to skip', () => {
    expect(decodeText('f', bytes('a: é😀\n'))).toStrictEqual({ text: 'a: é😀\n', encoding: 'utf-8' });
    expect(decodeText('f', bytes([0xef, 0xbb, 0xbf], 'a: 1'))).toStrictEqual({ text: '\uFEFFa: 1', encoding: 'utf-8' });
  });

  it.each([
    ['a Latin-1 é', bytes('id: a\ntitle: caf', [0xe9], '\n'), 2, 11, 'byte 0xE9 at byte offset 16'],
    ['after characters of 2, 3 and 4 bytes (columns in UTF-16 units, as the loader counts)', bytes('x: é€😀', [0xc3, 0x28]), 1, 8, 'byte 0xC3 at byte offset 12'],
    ['a sequence cut off by the end', bytes('a: ', [0xe2, 0x82]), 1, 4, 'byte 0xE2 at byte offset 3'],
    ['an overlong encoding', bytes('a: ', [0xc0, 0x80]), 1, 4, 'byte 0xC0 at byte offset 3'],
    ['a surrogate', bytes('a: ', [0xed, 0xa0, 0x80]), 1, 4, 'byte 0xED at byte offset 3'],
    ['above U+10FFFF', bytes('a: ', [0xf4, 0x90, 0x80, 0x80]), 1, 4, 'byte 0xF4 at byte offset 3'],
    ['a lone continuation byte after a BOM (columns count after it)', bytes([0xef, 0xbb, 0xbf], 'ab', [0x80]), 1, 3, 'byte 0x80 at byte offset 5'],
  ])('reports %s with its line, column and byte', (_name, data, line, column, byte) => {
    expect(refusal(data)).toStrictEqual({ sentence: `is not valid UTF-8 (${byte}); save the file as UTF-8`, line, column });
  });

  it('finds the first bad byte exactly where TextDecoder stops (any bytes)', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (data) => {
        const bad = firstInvalidUtf8(data);
        const valid = (() => {
          try {
            strict.decode(data);
            return true;
          } catch {
            return false;
          }
        })();
        expect(bad === data.length).toBe(valid);
        // Everything before it decodes; it and the bytes after it, up to a whole character, do not.
        expect(() => strict.decode(data.subarray(0, bad))).not.toThrow();
        if (!valid) expect(() => strict.decode(data.subarray(0, Math.min(data.length, bad + 4)))).toThrow();
      }),
      { numRuns: 5000 },
    );
  });
});

describe('decodeText: UTF-16 and UTF-32', () => {
  it('reads UTF-16 with a byte order mark, either byte order, and writes it back as it was', () => {
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      const data = encodeText('a: é😀\r\nb: 2\n', encoding);
      expect([...data.subarray(0, 2)]).toStrictEqual(encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff]);
      expect(decodeText('f', data)).toStrictEqual({ text: 'a: é😀\r\nb: 2\n', encoding });
    }
  });

  it('reports invalid UTF-16 with its position', () => {
    const lone = Buffer.concat([encodeText('a: 1\nb: ', 'utf-16le'), Buffer.from([0x00, 0xd8, 0x41, 0x00])]);
    expect(refusal(lone)).toStrictEqual({ sentence: 'is not valid UTF-16 (an unpaired surrogate at byte offset 18); save the file as UTF-8', line: 2, column: 4 });
    expect(refusal(Buffer.concat([encodeText('a: 1', 'utf-16be'), Buffer.from([0x41])]))).toMatchObject({ sentence: 'is not valid UTF-16 (an odd number of bytes at byte offset 10); save the file as UTF-8' });
  });

  it('refuses UTF-32 and UTF-16 without a byte order mark, saying what to do', () => {
    expect(refusal(Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]))).toStrictEqual({ sentence: 'cannot be read: it is UTF-32 text; save the file as UTF-8', line: 1, column: 1 });
    expect(refusal(Buffer.from('a: 1\n', 'utf16le'))).toStrictEqual({ sentence: 'cannot be read: it looks like UTF-16 text without a byte order mark; save the file as UTF-8', line: 1, column: 1 });
    expect(refusal(Buffer.from('a: 1\n', 'utf16le').swap16())).toMatchObject({ sentence: /UTF-16 text without a byte order mark/ });
  });
});
