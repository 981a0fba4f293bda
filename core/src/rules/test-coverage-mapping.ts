import { parseEntityPath, type PathSegment } from '../model/field-path.js';
import type { Rule, RuleFinding } from './rule.js';

/** True when `value` gives something at `segments`, following selectors as written. */
export function givesValueAt(value: unknown, segments: readonly PathSegment[]): boolean {
  if (segments.length === 0) return value !== undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const [segment, ...rest] = segments as [PathSegment, ...PathSegment[]];
  if (!Object.prototype.hasOwnProperty.call(value, segment.name)) return false;
  const child = (value as Record<string, unknown>)[segment.name];
  const selector = segment.selector;
  if (!selector) return givesValueAt(child, rest);
  if (!Array.isArray(child)) return false;
  switch (selector.kind) {
    case 'each':
      return child.some((element) => givesValueAt(element, rest));
    case 'index':
      return selector.index < child.length && givesValueAt(child[selector.index], rest);
    case 'match':
      return child.some(
        (element) =>
          typeof element === 'object' &&
          element !== null &&
          isScalarText((element as Record<string, unknown>)[selector.key], selector.value) &&
          givesValueAt(element, rest),
      );
  }
}

/** True when a scalar reads as `text` (`[id=3]` matches 3 and "3"); an object or list never does. */
function isScalarText(value: unknown, text: string): boolean {
  return (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') && String(value) === text;
}

export const testCoverageMapping: Rule = {
  id: 'test-coverage-mapping',
  severity: 'warn',
  layer: 'tests',
  description:
    'Some test case of the data flow asserts each mapping\'s target path in its `expect` (compared as written, selectors included). This is a static check: a mapping no test looks at can be wrong without any test failing.',
  check({ index }) {
    const findings: RuleFinding[] = [];
    for (const mapping of index.mappings) {
      const target = mapping.value.target;
      if (target === undefined) continue;
      const parsed = parseEntityPath(target);
      if (!parsed.ok) continue;
      const asserted = mapping.dataFlow.value.tests.some((test) => {
        const expect = test.expect;
        return expect !== undefined && Object.prototype.hasOwnProperty.call(expect, parsed.path.entity) && givesValueAt(expect[parsed.path.entity], parsed.path.segments);
      });
      if (!asserted) {
        findings.push({ element: mapping, message: `no test's expect asserts ${target}; add it to a test case's expect` });
      }
    }
    return findings;
  },
};
