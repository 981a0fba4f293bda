/**
 * A fast recogniser for the everyday part of JSONata: paths, literals, operators, function
 * calls and conditionals. jsonata's own parser rebuilds its symbol table on every call (about
 * 80 µs even for `a`), which made `transform-syntax` the slowest rule on a large spec.
 *
 * It answers only "valid, and these are its `$inputs.<id>` references", or "not sure" for
 * anything outside that part — then jsonata parses it, so every error message is jsonata's
 * own. It must never call an expression valid that jsonata rejects: the differential property
 * test in simple-syntax.test.ts holds it to that.
 */

type Token =
  | { kind: 'name'; value: string; position: number }
  | { kind: 'variable'; value: string; position: number }
  | { kind: 'literal'; position: number }
  | { kind: 'op'; value: string; position: number };

const BINARY = new Set(['+', '-', '*', '/', '%', '&', '=', '!=', '<', '<=', '>', '>=', 'and', 'or', 'in']);
const TWO_CHAR_OPS = ['!=', '<=', '>=', '??', '?:'];
const ONE_CHAR_OPS = new Set(['.', '(', ')', '[', ']', ',', '+', '-', '*', '/', '%', '&', '=', '<', '>', '?', ':']);
const NUMBER = /(0|[1-9][0-9]*)(\.[0-9]+)?([Ee][-+]?[0-9]+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const VARIABLE_NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const STRING_ESCAPE = /\\(["\\/bfnrt]|u[0-9A-Fa-f]{4})/y;
/** What may follow a number or a name directly; anything else is left to jsonata. */
const TOKEN_END = /[\s.()[\],+\-*/%&=!<>?:]|$/y;

/** Not in the simple part (or not valid): let jsonata decide. */
class Unsure extends Error {}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const endsCleanly = (at: number) => {
    TOKEN_END.lastIndex = at;
    return TOKEN_END.test(text);
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const position = i + 1;
    if (c >= '0' && c <= '9') {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text) || !endsCleanly(NUMBER.lastIndex) || text[NUMBER.lastIndex] === '.') throw new Unsure();
      tokens.push({ kind: 'literal', position });
      i = NUMBER.lastIndex;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      for (;;) {
        if (j >= text.length) throw new Unsure();
        const d = text[j]!;
        if (d === c) break;
        if (d === '\\') {
          STRING_ESCAPE.lastIndex = j;
          if (!STRING_ESCAPE.test(text)) throw new Unsure();
          j = STRING_ESCAPE.lastIndex;
          continue;
        }
        j++;
      }
      tokens.push({ kind: 'literal', position });
      i = j + 1;
      continue;
    }
    if (c === '`') {
      const close = text.indexOf('`', i + 1);
      if (close === -1 || close === i + 1) throw new Unsure();
      tokens.push({ kind: 'name', value: text.slice(i + 1, close), position });
      i = close + 1;
      continue;
    }
    if (c === '$') {
      VARIABLE_NAME.lastIndex = i + 1;
      if (!VARIABLE_NAME.test(text) || !endsCleanly(VARIABLE_NAME.lastIndex)) throw new Unsure(); // `$`, `$$` and the like
      tokens.push({ kind: 'variable', value: text.slice(i + 1, VARIABLE_NAME.lastIndex), position });
      i = VARIABLE_NAME.lastIndex;
      continue;
    }
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c === '_') {
      NAME.lastIndex = i;
      NAME.test(text);
      if (!endsCleanly(NAME.lastIndex)) throw new Unsure();
      const word = text.slice(i, NAME.lastIndex);
      if (word === 'and' || word === 'or' || word === 'in') tokens.push({ kind: 'op', value: word, position });
      else if (word === 'true' || word === 'false' || word === 'null') tokens.push({ kind: 'literal', position });
      else if (word === 'function') throw new Unsure();
      else tokens.push({ kind: 'name', value: word, position });
      i = NAME.lastIndex;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (TWO_CHAR_OPS.includes(two)) {
      tokens.push({ kind: 'op', value: two, position });
      i += 2;
      continue;
    }
    // `..`, `:=`, `~>`, `**`, `/*` and friends belong to constructs outside the simple part.
    if (two === '..' || two === ':=' || two === '**' || two === '/*') throw new Unsure();
    if (ONE_CHAR_OPS.has(c)) {
      tokens.push({ kind: 'op', value: c, position });
      i++;
      continue;
    }
    throw new Unsure();
  }
  return tokens;
}

class Recogniser {
  private at = 0;
  readonly inputRefs: string[] = [];
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }
  private isOp(value: string): boolean {
    const t = this.tokens[this.at];
    return t?.kind === 'op' && t.value === value;
  }
  private expectOp(value: string): void {
    if (!this.isOp(value)) throw new Unsure();
    this.at++;
  }

  whole(): void {
    this.expression();
    if (this.at !== this.tokens.length) throw new Unsure();
  }

  private expression(): void {
    this.binary();
    if (this.isOp('?')) {
      this.at++;
      this.expression();
      if (this.isOp(':')) {
        this.at++;
        this.expression();
      }
    } else if (this.isOp('??') || this.isOp('?:')) {
      this.at++;
      this.expression();
    }
  }

  private binary(): void {
    this.postfix();
    for (;;) {
      const t = this.peek();
      if (t?.kind !== 'op' || !BINARY.has(t.value)) return;
      this.at++;
      this.postfix();
    }
  }

  private postfix(): void {
    const t = this.peek();
    if (!t) throw new Unsure();
    this.at++;
    let steppable = false;
    let readsInputs = false;
    if (t.kind === 'literal') {
      steppable = false; // a literal as a path step is a jsonata error (S0213): not ours to judge
    } else if (t.kind === 'name') {
      steppable = true;
    } else if (t.kind === 'variable') {
      if (this.isOp('(')) {
        this.at++;
        this.arguments();
      } else {
        readsInputs = t.value === 'inputs';
      }
      steppable = true;
    } else if (t.value === '(') {
      this.expression();
      this.expectOp(')');
      steppable = false;
    } else if (t.value === '[') {
      // An array constructor: `[a, b]` (not a range, which the tokeniser already refused).
      if (this.isOp(']')) this.at++;
      else this.list(']');
      steppable = false;
    } else {
      throw new Unsure(); // unary minus, wildcards, regexes, constructors: jsonata's business
    }
    for (;;) {
      if (this.isOp('[')) {
        if (!steppable) throw new Unsure();
        this.at++;
        if (this.isOp(']')) throw new Unsure();
        this.expression();
        this.expectOp(']');
      } else if (this.isOp('.')) {
        if (!steppable) throw new Unsure();
        this.at++;
        const step = this.peek();
        if (step?.kind === 'op' && step.value === '(') {
          // A block as a path step: `items.(quantity * price)`.
          this.at++;
          this.expression();
          this.expectOp(')');
        } else if (step?.kind === 'name') {
          this.at++;
          if (readsInputs) this.inputRefs.push(step.value);
        } else {
          throw new Unsure();
        }
        readsInputs = false;
      } else {
        return;
      }
    }
  }

  private arguments(): void {
    if (this.isOp(')')) {
      this.at++;
      return;
    }
    this.list(')');
  }

  /** `expr (, expr)*` and the closing token. */
  private list(close: string): void {
    for (;;) {
      if (this.isOp('?')) throw new Unsure(); // partial application
      this.expression();
      if (this.isOp(close)) {
        this.at++;
        return;
      }
      this.expectOp(',');
    }
  }
}

/** The `$inputs.<id>` references of a simple, valid expression; undefined when jsonata must decide. */
export function recogniseSimpleExpression(text: string): { inputRefs: string[] } | undefined {
  try {
    const tokens = tokenize(text);
    if (tokens.length === 0) return undefined;
    const recogniser = new Recogniser(tokens);
    recogniser.whole();
    return { inputRefs: [...new Set(recogniser.inputRefs)] };
  } catch (error) {
    if (error instanceof Unsure || error instanceof RangeError) return undefined;
    throw error;
  }
}
