/** The first thing in a text that strict JSON (RFC 8259) does not allow, and where it is. */
export interface JsonProblem {
  /** 0-based offset into the text. */
  offset: number;
  reason: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

/**
 * Finds the first syntax error, or a key repeated in one object, in strict JSON.
 * `JSON.parse` does not always say where it failed (V8 gives no position for an unexpected
 * token, and quotes the whole text instead), and it silently keeps the last of two equal keys,
 * which would drop an edit without a word. Iterative, so deep nesting cannot overflow the stack.
 */
export function findJsonProblem(source: string): JsonProblem | undefined {
  const stack: { keys: Set<string> | undefined }[] = [];
  let i = 0;
  /** What comes next: a value, the first item or key of a container, a key after a comma, or what follows a value. */
  let expect: 'value' | 'firstItem' | 'itemAfterComma' | 'firstKey' | 'keyAfterComma' | 'after' = 'value';
  let comma = -1;

  const skipSpace = () => {
    for (let c = source.charCodeAt(i); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; c = source.charCodeAt(++i));
  };
  const problem = (reason: string, offset = i): JsonProblem => ({ offset, reason });
  const unexpected = (wanted: string): JsonProblem => {
    if (i >= source.length) return problem(`the text ends where ${wanted} was expected`);
    const ch = source[i]!;
    if (ch === '/' && (source[i + 1] === '/' || source[i + 1] === '*')) return problem('comments are not allowed in JSON');
    if (ch === "'") return problem('strings and keys take double quotes in JSON, not single quotes');
    return problem(`${JSON.stringify(String.fromCodePoint(source.codePointAt(i)!))} where ${wanted} was expected`);
  };
  /** Reads the string starting at i; returns a problem, or undefined with i after the closing quote. */
  const readString = (): JsonProblem | undefined => {
    const start = i++;
    for (;;) {
      const c = source.charCodeAt(i);
      if (i >= source.length) return problem('a string is not closed (a `"` is missing)', start);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c < 0x20) return problem('a string holds a raw line break or control character; write it as \\n, \\t or \\u00XX');
      if (c === 0x5c) {
        const e = source[i + 1];
        if (e === 'u') {
          HEX4.lastIndex = i + 2;
          if (!HEX4.test(source)) return problem('`\\u` must be followed by four hex digits');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i += 2;
        } else {
          return problem(`\`\\${e ?? ''}\` is not an escape JSON knows (use \\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)`);
        }
        continue;
      }
      i++;
    }
  };

  for (;;) {
    skipSpace();
    const ch = source[i];
    const top = stack[stack.length - 1];
    switch (expect) {
      case 'firstItem':
      case 'itemAfterComma':
        if (ch === ']') {
          if (expect === 'itemAfterComma') return problem('a trailing comma before `]` is not allowed in JSON; remove it', comma);
          i++;
          stack.pop();
          expect = 'after';
          continue;
        }
        expect = 'value';
        continue;
      case 'firstKey':
      case 'keyAfterComma': {
        if (ch === '}') {
          if (expect === 'keyAfterComma') return problem('a trailing comma before `}` is not allowed in JSON; remove it', comma);
          i++;
          stack.pop();
          expect = 'after';
          continue;
        }
        if (ch !== '"') return unexpected('a key in double quotes');
        const keyStart = i;
        const bad = readString();
        if (bad) return bad;
        const key = JSON.parse(source.slice(keyStart, i)) as string;
        if (top!.keys!.has(key)) {
          return problem(`the key ${JSON.stringify(key)} appears twice in one object; keep one (readers disagree on which one wins)`, keyStart);
        }
        top!.keys!.add(key);
        skipSpace();
        if (source[i] !== ':') return unexpected('`:` after the key');
        i++;
        expect = 'value';
        continue;
      }
      case 'value':
        if (ch === '{' || ch === '[') {
          i++;
          stack.push({ keys: ch === '{' ? new Set() : undefined });
          expect = ch === '{' ? 'firstKey' : 'firstItem';
          continue;
        }
        if (ch === '"') {
          const bad = readString();
          if (bad) return bad;
        } else {
          const pattern = ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9') ? NUMBER : LITERAL;
          pattern.lastIndex = i;
          const match = pattern.exec(source);
          if (!match) return unexpected('a value');
          i += match[0].length;
        }
        expect = 'after';
        continue;
      case 'after':
        if (!top) return i >= source.length ? undefined : problem('more follows the first value; a JSON file holds one value');
        if (ch === ',') {
          comma = i++;
          expect = top.keys ? 'keyAfterComma' : 'itemAfterComma';
          continue;
        }
        if (ch === (top.keys ? '}' : ']')) {
          i++;
          stack.pop();
          continue;
        }
        return unexpected(top.keys ? '`,` or `}`' : '`,` or `]`');
    }
  }
}
