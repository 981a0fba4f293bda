/** Small text measures the rules share. */

/** Words are whitespace-separated, as the contract counts them. */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

export function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

/** Paragraphs are separated by a blank line. */
export function countParagraphs(text: string): number {
  return text
    .trim()
    .split(/\r?\n[ \t]*\r?\n/)
    .filter((p) => p.trim() !== '').length;
}
