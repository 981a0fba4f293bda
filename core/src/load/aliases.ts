import type { Event } from 'js-yaml';
import { MAX_YAML_NESTING } from './nesting.js';

/**
 * YAML anchors and aliases let a few lines stand for a huge or an endless document. js-yaml
 * shares an aliased value instead of copying it, so such a document loads quickly; it is
 * everything that walks the values afterwards (the checker, the test runner, a JSON, Confluence
 * or Notion writer) that pays:
 * - an alias inside the node its own anchor names makes a cycle: `a: &a [*a]` contains itself,
 *   which no other surface can hold and which a recursive walk never finishes;
 * - aliases of aliases multiply: three levels of 300 aliases each (900 aliases, under js-yaml's
 *   alias limit, in 4 KB) stand for 27 million mappings, the "billion laughs";
 * - an alias of a long text is as long as the text: a 1 MB string aliased 1,000 times is a
 *   gigabyte to every walker and writer, though it is one value a thousand times;
 * - an alias nests its node where it stands, and js-yaml's depth limit counts only what is
 *   written: aliases of nested nodes inside nested nodes reach any depth.
 * All are found from the parser's events in one pass, before anyone walks the values.
 */

const DOCUMENT = 1, SEQUENCE = 2, MAPPING = 3, SCALAR = 4, ALIAS = 5, POP = 6;

/** Above this many values with every alias expanded, a document is refused outright… */
export const MAX_EXPANDED_VALUES = 1_000_000;
/** …and above this many, when aliases multiply what is written by more than RATIO. */
const EXPANSION_FLOOR = 100_000;
const EXPANSION_RATIO = 10;
/** Above this many characters of text (keys and scalars) with every alias expanded, a document is refused… */
export const MAX_EXPANDED_CHARACTERS = 50_000_000;
/** …and above this many, when aliases make the text more than RATIO times as long as the document. */
const CHARACTER_FLOOR = 1_000_000;

export type AliasProblem =
  | { kind: 'cycle'; alias: string; offset: number }
  | { kind: 'expansion'; alias: string; offset: number; written: number; expanded: number }
  | { kind: 'text'; alias: string; offset: number; written: number; expanded: number }
  | { kind: 'depth'; alias: string; offset: number; depth: number };

/** What a node stands for with its aliases expanded. */
interface Size {
  /** Values (collections and scalars). */
  values: number;
  /** Characters of text in its scalars. */
  characters: number;
  /** Levels of lists and mappings: 0 for a scalar. */
  height: number;
}

interface Frame extends Size {
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
  const sizes = new Map<number, Size>();
  const open = new Set<number>();
  const stack: Frame[] = [];
  let definitions = 0;
  let written = 0;
  const root: Size = { values: 0, characters: 0, height: 0 };
  let biggest: { alias: string; offset: number; values: number } | undefined;
  let longest: { alias: string; offset: number; characters: number } | undefined;
  let seenDocument = false;

  const define = (e: { anchorStart: number; anchorEnd: number }): number => {
    if (e.anchorStart < 0) return -1;
    const definition = definitions++;
    current.set(nameOf(e), definition);
    return definition;
  };
  const addToParent = (size: Size) => {
    const parent: Size = stack[stack.length - 1] ?? root;
    parent.values += size.values;
    parent.characters += size.characters;
    // A frame's height counts itself; the root stands for no node of its own.
    parent.height = Math.max(parent.height, size.height + (parent === root ? 0 : 1));
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
        stack.push({ values: 1, characters: 0, height: 1, definition });
        break;
      }
      case SCALAR: {
        written++;
        const definition = define(e);
        // The scalar's text as written: close to its value's length (escapes and folding aside).
        const size: Size = { values: 1, characters: Math.max(0, e.valueEnd - e.valueStart), height: 0 };
        if (definition >= 0) sizes.set(definition, size);
        addToParent(size);
        break;
      }
      case ALIAS: {
        const alias = nameOf(e);
        const definition = current.get(alias);
        const offset = e.anchorStart - 1;
        // js-yaml has already refused an alias to an unknown anchor; count it as one value.
        if (definition !== undefined && open.has(definition)) return { kind: 'cycle', alias, offset };
        const size = (definition === undefined ? undefined : sizes.get(definition)) ?? { values: 1, characters: 0, height: 0 };
        // The alias's node sits inside every list and mapping open around it.
        const depth = stack.length + size.height;
        if (depth > MAX_YAML_NESTING) return { kind: 'depth', alias, offset, depth };
        if (!biggest || size.values > biggest.values) biggest = { alias, offset, values: size.values };
        if (!longest || size.characters > longest.characters) longest = { alias, offset, characters: size.characters };
        addToParent(size);
        break;
      }
      case POP: {
        const frame = stack.pop();
        if (!frame) return conclude(); // the end of the document
        if (frame.definition >= 0) {
          open.delete(frame.definition);
          sizes.set(frame.definition, { values: frame.values, characters: frame.characters, height: frame.height });
        }
        addToParent(frame);
        break;
      }
    }
  }
  return conclude();

  function conclude(): AliasProblem | undefined {
    const values = root.values;
    const tooMany = values > MAX_EXPANDED_VALUES || (values > EXPANSION_FLOOR && values > EXPANSION_RATIO * written);
    if (tooMany && biggest) return { kind: 'expansion', alias: biggest.alias, offset: biggest.offset, written, expanded: values };
    const characters = root.characters;
    const tooLong = characters > MAX_EXPANDED_CHARACTERS || (characters > CHARACTER_FLOOR && characters > EXPANSION_RATIO * source.length);
    if (tooLong && longest) return { kind: 'text', alias: longest.alias, offset: longest.offset, written: source.length, expanded: characters };
    return undefined;
  }
}

/** The sentence for a load failure: what is wrong and what to do. */
export function describeAliasProblem(problem: AliasProblem): string {
  if (problem.kind === 'cycle') {
    return `is not a spec: the alias *${problem.alias} is inside the node its anchor &${problem.alias} names, so the document would contain itself; copy the values instead of aliasing them`;
  }
  if (problem.kind === 'depth') {
    return `is not a spec: the alias *${problem.alias} nests its node ${problem.depth.toLocaleString('en')} levels deep, and a YAML spec nests at most ${MAX_YAML_NESTING.toLocaleString('en')}; aliases may repeat parts of a spec, not nest them inside each other without end`;
  }
  if (problem.kind === 'text') {
    return (
      `is not a spec: its aliases expand ${problem.written.toLocaleString('en')} characters of YAML into ${problem.expanded.toLocaleString('en')} characters of text ` +
      `(the longest is *${problem.alias}); aliases may repeat small parts of a spec, not multiply long texts`
    );
  }
  return (
    `is not a spec: its aliases expand ${problem.written.toLocaleString('en')} written values into ${problem.expanded.toLocaleString('en')} ` +
    `(the largest is *${problem.alias}); aliases may repeat small parts of a spec, not multiply it`
  );
}
