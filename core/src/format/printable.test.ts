import { describe, expect, it } from 'vitest';
import { printable } from './printable.js';

describe('printable', () => {
  it('leaves text, emoji and right-to-left letters alone', () => {
    expect(printable('plain | <b> & "q" 100% :: 😀 שלום مرحبا')).toBe('plain | <b> & "q" 100% :: 😀 שלום مرحبا');
  });
  it('escapes C0 and C1 controls, DEL, and the bidi controls', () => {
    expect(printable('\n\r\t\u0000\u001f\u007f\u0085\u009f')).toBe('\\n\\r\\t\\u0000\\u001f\\u007f\\u0085\\u009f');
    expect(printable('\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069')).toBe(
      '\\u200e\\u200f\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069',
    );
  });
  it('escapes other invisible formatting: zero-width characters, line separators, tag characters, lone surrogates', () => {
    expect(printable('a\u200bb\u2060c\ufeffd\u2028e\u2029f\u061cg')).toBe('a\\u200bb\\u2060c\\ufeffd\\u2028e\\u2029f\\u061cg');
    expect(printable('x\u{e0041}\u{e007f}')).toBe('x\\u{e0041}\\u{e007f}');
    expect(printable('lone \ud800 surrogate')).toBe('lone \\ud800 surrogate');
  });
  it('an escape sequence that would erase the line and print a pass mark stays on the line, visibly', () => {
    expect(printable('\u001b[2K\r✔ 12 passed')).toBe('\\u001b[2K\\r✔ 12 passed');
    expect(printable('\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007')).toBe('\\u001b]8;;https://evil.example\\u0007click\\u001b]8;;\\u0007');
  });
});
