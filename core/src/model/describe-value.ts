/**
 * A value as a message names it: its kind, or a short quote of its text. The spec-schema messages
 * say "a mapping" (the YAML word) and quote 40 characters; the engine says "an object" and quotes 60.
 */
export function describeValue(value: unknown, options: { objectWord?: string; maxText?: number } = {}): string {
  const { objectWord = 'an object', maxText = 60 } = options;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return objectWord;
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > maxText ? value.slice(0, maxText) + '…' : value)}`;
  return `${typeof value} ${String(value)}`;
}
