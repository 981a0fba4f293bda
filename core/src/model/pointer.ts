/** JSON Pointers (RFC 6901): how every element and finding says where it is. */

export type PointerSegment = string | number;

export function escapeSegment(segment: PointerSegment): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function toPointer(segments: readonly PointerSegment[]): string {
  let out = '';
  for (const s of segments) out += '/' + escapeSegment(s);
  return out;
}

export function appendPointer(base: string, ...segments: PointerSegment[]): string {
  return base + toPointer(segments);
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The pointer one level up, or undefined for the document root. */
export function parentPointer(pointer: string): string | undefined {
  if (pointer === '') return undefined;
  return pointer.slice(0, pointer.lastIndexOf('/'));
}
