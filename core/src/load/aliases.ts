import type { Event } from 'js-yaml';

/**
 * YAML anchors and aliases let a few lines stand for a huge or an endless document. js-yaml
 * shares an aliased value instead of copying it, so such a document loads quickly; it is
 * everything that walks the values afterwards (the checker, the test runner, a JSON, Confluence
 * or Notion writer) that pays:
 * - an alias inside the node its own anchor names makes a cycle: `a: &a [*a]` contains itself,
 *   which no other surface can hold and which a recursive walk never finishes;
 * - aliases of aliases multiply: three levels of 300 aliases each (900 aliases, under js-yaml's
 *   alias limit, in 4 KB) stand for 27 million mappings, the "billion laughs".
 * Both are found from the parser's events in one pass, before anyone walks the values.
 */

const DOCUMENT = 1, SEQUENCE = 2, MAPPING = 3, SCALAR = 4, ALIAS = 5, POP = 6;

/** Above this many values with every alias expanded, a document is refused outright… */
export const MAX_EXPANDED_VALUES = 1_000_000;
/** …and above this many, when aliases multiply what is written by more than RATIO. */
const EXPANSION_FLOOR = 100_000;
const EXPANSION_RATIO = 10;

export type AliasProblem =
  | { kind: 'cycle'; alias: string; offset: number }
  | { kind: 'expansion'; alias: string; offset: number; written: number; expanded: number };

interface Frame {
  /** Values in this node, aliases expanded. */
  size: number;
  /** The anchor definition this node carries, if any. */
  definition: number;
}

/**
 * Finds the first cycle, or an expansion past the limits, in the first document of the events.
 * Returns undefined for the usual document (no aliases) after a single scan of the events.
 */
export function findAliasProblem(source: string, events: readonly Event[]): AliasProblem | undefined {
  if (!events.some((e) => e.type === ALIAS)) return undefined;

  const nameOf = (e: { anchorStart: number; anchorEnd: number }) => source.slice(e.anchorStart, e.anchorEnd);
  /** Anchor name → its latest definition (a name may be anchored again further down). */
  const current = new Map<string, number>();
  /** Definition → the expanded size of its node, once the node is complete. */
  const sizes = new Map<number, number>();
  const open = new Set<number>();
  const stack: Frame[] = [];
  let definitions = 0;
  let written = 0;
  let rootSize = 0;
  let biggest: { alias: string; offset: number; size: number } | undefined;
  let seenDocument = false;

  const define = (e: { anchorStart: number; anchorEnd: number }): number => {
    if (e.anchorStart < 0) return -1;
    const definition = definitions++;
    current.set(nameOf(e), definition);
    return definition;
  };
  const addToParent = (size: number) => {
    const parent = stack[stack.length - 1];
    if (parent) parent.size += size;
    else rootSize += size;
  };

  for (const e of events) {
    switch (e.type) {
      case DOCUMENT:
        if (seenDocument) return conclude();
        seenDocument = true;
        break;
      case SEQUENCE:
      case MAPPING: {
        written++;
        const definition = define(e);
        if (definition >= 0) open.add(definition);
        stack.push({ size: 1, definition });
        break;
      }
      case SCALAR: {
        written++;
        const definition = define(e);
        if (definition >= 0) sizes.set(definition, 1);
        addToParent(1);
        break;
      }
      case ALIAS: {
        const alias = nameOf(e);
        const definition = current.get(alias);
        // js-yaml has already refused an alias to an unknown anchor; count it as one value.
        if (definition !== undefined && open.has(definition)) return { kind: 'cycle', alias, offset: e.anchorStart - 1 };
        const size = definition === undefined ? 1 : (sizes.get(definition) ?? 1);
        if (!biggest || size > biggest.size) biggest = { alias, offset: e.anchorStart - 1, size };
        addToParent(size);
        break;
      }
      case POP: {
        const frame = stack.pop();
        if (!frame) return conclude(); // the end of the document
        if (frame.definition >= 0) {
          open.delete(frame.definition);
          sizes.set(frame.definition, frame.size);
        }
        addToParent(frame.size);
        break;
      }
    }
  }
  return conclude();

  function conclude(): AliasProblem | undefined {
    const expanded = rootSize;
    const tooMany = expanded > MAX_EXPANDED_VALUES || (expanded > EXPANSION_FLOOR && expanded > EXPANSION_RATIO * written);
    if (!tooMany || !biggest) return undefined;
    return { kind: 'expansion', alias: biggest.alias, offset: biggest.offset, written, expanded };
  }
}

/** The sentence for a load failure: what is wrong and what to do. */
export function describeAliasProblem(problem: AliasProblem): string {
  if (problem.kind === 'cycle') {
    return `is not a spec: the alias *${problem.alias} is inside the node its anchor &${problem.alias} names, so the document would contain itself; copy the values instead of aliasing them`;
  }
  return (
    `is not a spec: its aliases expand ${problem.written.toLocaleString('en')} written values into ${problem.expanded.toLocaleString('en')} ` +
    `(the largest is *${problem.alias}); aliases may repeat small parts of a spec, not multiply it`
  );
}
