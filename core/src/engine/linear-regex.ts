import { RE2JS } from 're2js';

/**
 * JSONata's regular expressions, run by RE2 (the re2js port) instead of the backtracking
 * `RegExp`: matching takes time linear in the text, so `/(a+)+$/` on a long run of `a`s
 * answers at once instead of hanging (a single `RegExp` match never yields to jsonata's timeout).
 *
 * jsonata builds each regex literal as a native `RegExp` while parsing (which compiles, never
 * matches) and, when it evaluates it, calls `new RegexEngine(regex)`, then `exec` with
 * `lastIndex` as a global `RegExp` would be used. This class is that engine.
 */
export class LinearRegExp {
  lastIndex = 0;
  private readonly pattern: RE2JS;
  private matcherText: string | undefined;
  private matcher: ReturnType<RE2JS['matcher']> | undefined;

  constructor(regex: RegExp | string, flags?: string) {
    if (typeof regex !== 'string' && !(regex instanceof RegExp)) throw { code: 'SW003', message: 'a regular expression could not be read' } satisfies UnsupportedRegexError;
    const native = typeof regex === 'string' ? new RegExp(regex, flags) : regex;
    try {
      this.pattern = compileLinear(native.source, native.flags);
    } catch (error) {
      const position = (native as RegExp & { position?: unknown }).position;
      throw typeof position === 'number' ? { ...(error as UnsupportedRegexError), position } : error;
    }
  }

  /** As `RegExp.prototype.exec` of a global regex: searches from `lastIndex`, moves it past the match. */
  exec(text: string): RegExpExecArray | null {
    const from = this.lastIndex;
    if (from > text.length) {
      this.lastIndex = 0;
      return null;
    }
    if (this.matcherText !== text || !this.matcher) {
      this.matcher = this.pattern.matcher(text);
      this.matcherText = text;
    }
    const matcher = this.matcher;
    if (!matcher.find(from)) {
      this.lastIndex = 0;
      return null;
    }
    const start = matcher.start();
    const end = matcher.end();
    const result = [text.slice(start, end)] as unknown as RegExpExecArray;
    const groups = this.pattern.groupCount();
    for (let group = 1; group <= groups; group++) result.push(matcher.group(group) ?? (undefined as unknown as string));
    result.index = start;
    result.input = text;
    this.lastIndex = end;
    return result;
  }

  test(text: string): boolean {
    return this.exec(text) !== null;
  }
}

/** A regex jsonata hands over that RE2 cannot run: a transform error, never a crash. */
export interface UnsupportedRegexError {
  code: 'SW003';
  message: string;
  /** Where the literal is in the expression, when jsonata's syntax tree said (see guardedExpression). */
  position?: number;
}

const compiled = new Map<string, RE2JS>();
/** Compiled patterns are stateless and shared; jsonata builds its engine on every evaluation of a literal. */
const MAX_CACHED_PATTERNS = 1000;

function compileLinear(source: string, flags: string): RE2JS {
  const key = `${flags}/${source}`;
  const cached = compiled.get(key);
  if (cached) return cached;
  const unsupported = unsupportedFeature(source);
  if (unsupported) throw regexError(source, flags, `uses ${unsupported}, which Specwright's regex engine does not support (it runs in linear time, as RE2 does: no backreferences, lookahead or lookbehind)`);
  let pattern: RE2JS;
  try {
    pattern = RE2JS.compile(RE2JS.translateRegExp(source), (flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0) | (flags.includes('m') ? RE2JS.MULTILINE : 0));
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
    throw regexError(source, flags, `cannot be run by Specwright's linear-time regex engine (RE2): ${reason}`);
  }
  if (compiled.size >= MAX_CACHED_PATTERNS) compiled.clear();
  compiled.set(key, pattern);
  return pattern;
}

function regexError(source: string, flags: string, why: string): UnsupportedRegexError {
  const shown = source.length > 60 ? `${source.slice(0, 60)}…` : source;
  return { code: 'SW003', message: `the regular expression /${shown}/${flags.replace('g', '')} ${why}` };
}

/**
 * The first construct RE2 lacks, named for a person: a backreference (`\1`, `\k<name>`), a
 * lookahead or a lookbehind. (re2js's own translation would read `\k<name>` as the text `k<name>`.)
 */
export function unsupportedFeature(source: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1];
      if (!inClass && next !== undefined && next >= '1' && next <= '9') return `a backreference (\\${next})`;
      if (!inClass && next === 'k' && source[i + 2] === '<') return 'a named backreference (\\k<…>)';
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(' && source[i + 1] === '?') {
      const rest = source.slice(i + 2, i + 4);
      if (rest.startsWith('=') || rest.startsWith('!')) return `a lookahead (${source.slice(i, i + 3)})`;
      if (rest === '<=' || rest === '<!') return `a lookbehind (${source.slice(i, i + 4)})`;
    }
  }
  return undefined;
}
