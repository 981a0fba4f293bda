/**
 * JSON text for any value the loader accepts. The JSON loader reads any depth (V8's JSON.parse
 * and our scan are iterative), but `JSON.stringify` recurses and overflows the stack at a few
 * thousand levels, so a spec that `check` accepts could not be converted or exported. This
 * writes what `JSON.stringify(value, null, indent)` writes, without recursion, with one
 * difference: values nested deeper than INDENTED_LEVELS are written on one line, since
 * indenting them would make the text grow with the square of the depth.
 */

/** Levels written indented, one value per line; deeper values are written compactly. */
export const INDENTED_LEVELS = 100;

/**
 * `JSON.stringify(value, null, indent)`, for values of any depth. Ordinary values take the
 * native path (the writer below is only for what overflows it or what would be indented past
 * INDENTED_LEVELS). Like JSON.stringify: undefined for a value JSON cannot hold at the top,
 * a TypeError for a cycle or a BigInt.
 */
export function writeJson(value: unknown, indent = 0): string | undefined {
  try {
    if (indent === 0 || !nestsDeeperThan(value, INDENTED_LEVELS)) return JSON.stringify(value, null, indent);
  } catch (error) {
    if (!(error instanceof RangeError) || !/call stack/i.test(error.message)) throw error;
  }
  return writeJsonIteratively(value, indent);
}

/** True when lists and objects nest more than `levels` deep (the value itself is level 1); stops at the first such. */
function nestsDeeperThan(value: unknown, levels: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [current, level] = stack.pop()!;
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    if (level > levels) return true;
    seen.add(current); // a shared value is as deep as its first place, near enough for layout
    for (const child of Array.isArray(current) ? current : Object.values(current)) stack.push([child, level + 1]);
  }
  return false;
}

interface Frame {
  container: object;
  /** An object's keys; undefined for a list. */
  keys: string[] | undefined;
  next: number;
  /** Items written so far (an object skips keys whose values JSON cannot hold). */
  written: number;
  level: number;
}

/** The writer itself (exported for its tests): no recursion, deep values on one line. */
export function writeJsonIteratively(root: unknown, indent: number): string | undefined {
  const out: string[] = [];
  const stack: Frame[] = [];
  const open = new Set<object>();
  const pad = ' '.repeat(indent);
  const indented = (level: number) => indent > 0 && level <= INDENTED_LEVELS;
  const newline = (level: number) => '\n' + pad.repeat(level);

  /** Writes a value JSON can hold (already through toJSON): a scalar, or opens a container. */
  const begin = (value: unknown, level: number): void => {
    if (value === null) out.push('null');
    else if (typeof value === 'string') out.push(JSON.stringify(value));
    else if (typeof value === 'number') out.push(Number.isFinite(value) ? String(value) : 'null');
    else if (typeof value === 'boolean') out.push(value ? 'true' : 'false');
    else if (typeof value === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
    else {
      const container = value as object;
      if (open.has(container)) throw new TypeError('Converting circular structure to JSON');
      open.add(container);
      const keys = Array.isArray(container) ? undefined : Object.keys(container);
      out.push(keys ? '{' : '[');
      stack.push({ container, keys, next: 0, written: 0, level });
    }
  };

  const rootValue = toJsonValue(root, '');
  if (!holdsJson(rootValue)) return undefined;
  begin(rootValue, 0);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const { container, keys, level } = frame;
    const length = keys ? keys.length : (container as unknown[]).length;
    if (frame.next >= length) {
      stack.pop();
      open.delete(container);
      if (frame.written > 0 && indented(level + 1)) out.push(newline(level));
      out.push(keys ? '}' : ']');
      continue;
    }
    const index = frame.next++;
    const separator = (frame.written > 0 ? ',' : '') + (indented(level + 1) ? newline(level + 1) : '');
    if (keys) {
      const key = keys[index]!;
      const child = toJsonValue((container as Record<string, unknown>)[key], key);
      if (!holdsJson(child)) continue; // JSON.stringify leaves such a key out
      out.push(separator, JSON.stringify(key), indented(level + 1) ? ': ' : ':');
      frame.written++;
      begin(child, level + 1);
    } else {
      const child = toJsonValue((container as unknown[])[index], String(index));
      out.push(separator);
      frame.written++;
      if (holdsJson(child)) begin(child, level + 1);
      else out.push('null'); // as JSON.stringify writes undefined or a function in a list
    }
  }
  return out.join('');
}

/** What JSON.stringify writes for a value: its toJSON() when it has one (a Date), else itself. */
function toJsonValue(value: unknown, key: string): unknown {
  if (typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON(key: string): unknown }).toJSON(key);
  }
  return value;
}

/** Whether JSON can hold a value (after toJSON): not undefined, a function or a symbol. */
function holdsJson(json: unknown): boolean {
  return json !== undefined && typeof json !== 'function' && typeof json !== 'symbol';
}
