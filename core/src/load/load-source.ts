import { constructFromEvents, parseEvents, YAMLException, type Event } from 'js-yaml';
import { describeAliasProblem, findAliasProblem } from './aliases.js';
import { findJsonProblem } from './json-problem.js';
import { MAX_YAML_NESTING, YAML_NESTING_REASON } from './nesting.js';
import { buildPositionTree, makeLineIndex, offsetOf, secondDocumentOffset, type Position, type PositionNode } from './positions.js';

export type SourceFormat = 'yaml' | 'json';

/** A parsed document and a way back from a JSON Pointer to its line and column. */
export interface LoadedSource {
  ok: true;
  format: SourceFormat;
  value: Record<string, unknown>;
  /** The position of the pointer, or of its nearest ancestor that has one. */
  locate(pointer: string): Position | undefined;
}

/** Why a text is not a spec at all: it is what `specwright` exits 2 on. */
export interface LoadFailure {
  ok: false;
  message: string;
  line?: number;
  column?: number;
}

export type LoadResult = LoadedSource | LoadFailure;

/** Files ending in `.json` are strict JSON; everything else is YAML (the contract). */
export function formatForFile(file: string): SourceFormat {
  return /\.json$/i.test(file) ? 'json' : 'yaml';
}

export function loadSource(text: string, format: SourceFormat): LoadResult {
  // A byte order mark is how some editors start a UTF-8 file; it is not content.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return format === 'json' ? loadJson(source) : loadYaml(source);
}

function loadYaml(source: string): LoadResult {
  let events: Event[];
  let documents: unknown[];
  try {
    // js-yaml refuses a collection opened at maxDepth: MAX_YAML_NESTING levels are read.
    events = parseEvents(source, { maxDepth: MAX_YAML_NESTING + 1 });
    documents = constructFromEvents(events, { source, maxAliases: 1000 });
  } catch (error) {
    return yamlFailure(error);
  }
  if (documents.length > 1) {
    const offset = secondDocumentOffset(source, events);
    return {
      ok: false,
      message: `holds ${documents.length} YAML documents; a spec is one document (remove the extra '---' separators)`,
      ...(offset >= 0 ? makeLineIndex(source)(offset) : {}),
    };
  }
  const aliasProblem = findAliasProblem(source, events);
  if (aliasProblem) return { ok: false, message: describeAliasProblem(aliasProblem), ...makeLineIndex(source)(aliasProblem.offset) };
  const root = documents[0];
  const rootProblem = describeNonSpecRoot(root);
  if (rootProblem) return { ok: false, message: rootProblem, ...startPosition(source) };
  return { ok: true, format: 'yaml', value: root as Record<string, unknown>, locate: makeLocator(source, () => events) };
}

function loadJson(source: string): LoadResult {
  // Our own scan first: it says where every syntax error is, and catches repeated keys.
  const problem = findJsonProblem(source);
  if (problem) return { ok: false, message: `is not valid JSON: ${problem.reason}`, ...makeLineIndex(source)(problem.offset) };
  let root: unknown;
  try {
    root = JSON.parse(source);
  } catch (error) {
    return jsonFailure(source, error);
  }
  const rootProblem = describeNonSpecRoot(root);
  if (rootProblem) return { ok: false, message: rootProblem, ...startPosition(source) };
  // Strict JSON is also YAML 1.2, so the YAML parser's events give positions; only on demand.
  const events = (): Event[] => {
    try {
      return parseEvents(source, { maxDepth: 10_000 });
    } catch {
      return [];
    }
  };
  return { ok: true, format: 'json', value: root as Record<string, unknown>, locate: makeLocator(source, events) };
}

function describeNonSpecRoot(root: unknown): string | undefined {
  if (root === undefined || root === null) return 'is empty; a spec starts with `specwright: 1`, an `id` and a `title`';
  if (Array.isArray(root)) return 'is a list at the top level, not a spec; a spec is a mapping that starts with `specwright: 1`';
  if (typeof root !== 'object') {
    return `is a single ${typeof root} value, not a spec; a spec is a mapping that starts with \`specwright: 1\``;
  }
  return undefined;
}

function startPosition(source: string): Position {
  const firstContent = source.search(/[^\s]/);
  return makeLineIndex(source)(Math.max(0, firstContent));
}

function makeLocator(source: string, getEvents: () => Event[]): (pointer: string) => Position | undefined {
  let tree: PositionNode | undefined;
  let built = false;
  let toPosition: ((offset: number) => Position) | undefined;
  return (pointer) => {
    if (!built) {
      tree = buildPositionTree(source, getEvents());
      built = true;
    }
    toPosition ??= makeLineIndex(source);
    const offset = offsetOf(tree, pointer);
    return offset >= 0 ? toPosition(offset) : undefined;
  };
}

function yamlFailure(error: unknown): LoadFailure {
  if (error instanceof YAMLException) {
    const mark = error.mark as { line?: number; column?: number } | undefined;
    const reason = /^nesting exceeded maxDepth/.test(error.reason) ? YAML_NESTING_REASON : error.reason || 'is not valid YAML';
    const position = mark && typeof mark.line === 'number' ? { line: mark.line + 1, column: (mark.column ?? 0) + 1 } : {};
    return { ok: false, message: `is not valid YAML: ${reason}`, ...position };
  }
  return { ok: false, message: `could not be read as YAML: ${error instanceof Error ? error.message : String(error)}` };
}

function jsonFailure(source: string, error: unknown): LoadFailure {
  const text = error instanceof Error ? error.message : String(error);
  // V8 says either "... at position N" or "... (line L column C)".
  const lineColumn = /line (\d+) column (\d+)/.exec(text);
  const offset = /position (\d+)/.exec(text);
  let position: Partial<Position> = {};
  if (lineColumn) position = { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  else if (offset) position = makeLineIndex(source)(Number(offset[1]));
  else if (/end of JSON input/i.test(text)) position = makeLineIndex(source)(source.length);
  // Never echo the text itself (V8 quotes it: `Unexpected token '}', "{…" is not valid JSON`).
  const reason = text
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/,? ".*" is not valid JSON$/s, '');
  return { ok: false, message: `is not valid JSON${reason ? `: ${reason}` : ''}`, ...position };
}
