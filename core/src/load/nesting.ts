/**
 * How deep lists and mappings may nest in a YAML spec. js-yaml reads and writes YAML by
 * recursion (about 600 bytes of stack per level: some 1,600 levels fit Node's default stack),
 * so the YAML loader stops at a depth that leaves most of the stack to its callers, and
 * everything that writes YAML (convert) refuses to write deeper than the loader reads. JSON has
 * no such limit: it is read by V8 and our own iterative scan, and written by `writeJson`.
 */
export const MAX_YAML_NESTING = 500;

/** The sentence for a YAML document nested deeper than the loader reads. */
export const YAML_NESTING_REASON = `lists and mappings nest more than ${MAX_YAML_NESTING.toLocaleString('en')} levels deep; a YAML spec nests at most ${MAX_YAML_NESTING.toLocaleString('en')}`;

/**
 * The path (keys and indexes) to the first list or mapping nested deeper than `max` levels (the
 * value itself is level 1), or undefined. Iterative, and each object is walked again only when
 * it is reached at a greater depth, so shared values (aliases) and cycles cost no more than
 * `max` visits each.
 */
export function findNestedDeeperThan(value: unknown, max: number): (string | number)[] | undefined {
  interface Step { value: unknown; level: number; parent: Step | undefined; key: string | number | undefined }
  const deepestSeen = new Map<object, number>();
  const stack: Step[] = [{ value, level: 1, parent: undefined, key: undefined }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    const current = step.value;
    if (typeof current !== 'object' || current === null) continue;
    if (step.level > max) return pathOf(step);
    if ((deepestSeen.get(current) ?? 0) >= step.level) continue;
    deepestSeen.set(current, step.level);
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], level: step.level + 1, parent: step, key: i });
    } else {
      const keys = Object.keys(current);
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: (current as Record<string, unknown>)[keys[i]!], level: step.level + 1, parent: step, key: keys[i]! });
    }
  }
  return undefined;

  function pathOf(step: { parent: unknown; key: string | number | undefined }): (string | number)[] {
    const keys: (string | number)[] = [];
    for (let s = step as { parent: unknown; key: string | number | undefined } | undefined; s && s.key !== undefined; s = s.parent as typeof s) keys.push(s.key);
    return keys.reverse();
  }
}
