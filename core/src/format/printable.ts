/**
 * The one guard every format for people goes through (stylish check and test reports, Markdown,
 * GitHub annotations, JUnit text, the CLI's messages): text from a spec or a schema may not change
 * how the rest of the output looks. Machine formats (JSON, SARIF) keep the exact text instead.
 */

/**
 * What can change what a terminal or a rendered page shows without being seen: C0 and C1 controls
 * and DEL (ESC starts colour, cursor-movement and OSC 8 link sequences; CR returns to the start of
 * the line and overwrites it), format characters (bidirectional embeddings, overrides and isolates
 * that reorder a line, zero-width characters, tag characters), line and paragraph separators (a
 * line break in some viewers), and lone surrogates.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

const NAMED_ESCAPES = new Map([
  ['\n', '\\n'],
  ['\r', '\\r'],
  ['\t', '\\t'],
]);

function visibleEscape(c: string): string {
  const named = NAMED_ESCAPES.get(c);
  if (named !== undefined) return named;
  const code = c.codePointAt(0)!;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text safe to show to a person on one line: every character that could hide, reorder or overwrite
 * what is shown is written as a visible escape (`\u001b`, `\r`, `\u202e`), and so is a line feed,
 * so a hostile title cannot print a fake "✔ passed" line. A format that shows several lines builds
 * them itself, from printable pieces.
 */
export function printable(text: string): string {
  return text.replace(UNSAFE, visibleEscape);
}
