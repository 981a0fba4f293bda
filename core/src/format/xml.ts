/**
 * Escapes text for XML content and attribute values; drops characters XML 1.0 cannot hold.
 * Tab, LF and CR become character references: a parser turns them into spaces inside an
 * attribute, and a CR into LF anywhere, unless they are written as references.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}
