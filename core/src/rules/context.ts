import { ExpressionCache } from '../expr/expressions.js';
import { declaredEntities, type AnyElement, type DataFlowElement, type SpecIndex } from '../model/spec-index.js';
import type { Endpoint, Entity } from '../model/types.js';
import { declaredFields, type FieldResolution } from '../model/declared-fields.js';
import { parseEntityPath, type ParsedEntityPath } from '../model/field-path.js';

/** A place where an input is referenced: by a mapping's `input`, or `$inputs.<id>` in an expression. */
export interface InputReference {
  inputId: string;
  element: AnyElement;
  dataFlow: DataFlowElement;
  /** Pointer of the key that holds the reference. */
  at: string;
}

/** What every rule reads: the indexed spec, plus things several rules share, computed once. */
export interface CheckContext {
  index: SpecIndex;
  expressions: ExpressionCache;
  /** The entities an endpoint's system declares, by name; undefined when it declares none. */
  entitiesOf(endpoint: Endpoint): Map<string, Entity> | undefined;
  inputReferences(): InputReference[];
  /**
   * `parseEntityPath`, once per distinct text in a check: six rules read every mapping's paths,
   * and the same paths recur across data flows. The result is shared: read it, do not change it.
   */
  entityPath(text: string): ParsedEntityPath;
  /**
   * What an entity path (`Order.items[].sku`) names in the entity's declared fields, once per
   * entity and text; undefined when the text is not a path. Shared, like `entityPath`.
   */
  resolveField(entity: Entity, text: string): FieldResolution | undefined;
}

export function createCheckContext(index: SpecIndex): CheckContext {
  const expressions = new ExpressionCache();
  const entityMaps = new Map<string, Map<string, Entity> | undefined>();
  let references: InputReference[] | undefined;
  const paths = new Map<string, ParsedEntityPath>();
  const resolutions = new Map<Entity, Map<string, FieldResolution | undefined>>();
  const entityPath = (text: string): ParsedEntityPath => {
    let parsed = paths.get(text);
    if (parsed === undefined) {
      parsed = parseEntityPath(text);
      paths.set(text, parsed);
    }
    return parsed;
  };

  return {
    index,
    expressions,
    entitiesOf(endpoint) {
      const systemId = endpoint.system;
      if (systemId === undefined) return undefined;
      if (!entityMaps.has(systemId)) entityMaps.set(systemId, declaredEntities(index, systemId));
      return entityMaps.get(systemId);
    },
    inputReferences() {
      references ??= collectInputReferences(index, expressions);
      return references;
    },
    entityPath,
    resolveField(entity, text) {
      let byText = resolutions.get(entity);
      if (!byText) resolutions.set(entity, (byText = new Map()));
      if (byText.has(text)) return byText.get(text);
      const parsed = entityPath(text);
      const resolved = parsed.ok ? declaredFields(entity).resolve(parsed.path.segments) : undefined;
      byText.set(text, resolved);
      return resolved;
    },
  };
}

function collectInputReferences(index: SpecIndex, expressions: ExpressionCache): InputReference[] {
  const found: InputReference[] = [];
  const fromExpression = (text: string | undefined, element: AnyElement, dataFlow: DataFlowElement, key: string) => {
    if (text === undefined) return;
    const parsed = expressions.parse(text);
    if (!parsed.ok) return;
    for (const inputId of parsed.inputRefs) found.push({ inputId, element, dataFlow, at: `${element.path}/${key}` });
  };
  for (const mapping of index.mappings) {
    const { input, transform } = mapping.value;
    if (input !== undefined) found.push({ inputId: input, element: mapping, dataFlow: mapping.dataFlow, at: `${mapping.path}/input` });
    fromExpression(transform, mapping, mapping.dataFlow, 'transform');
  }
  for (const trigger of index.triggers) {
    fromExpression(trigger.value.filter, trigger, trigger.dataFlow, 'filter');
    fromExpression(trigger.value.criteria, trigger, trigger.dataFlow, 'criteria');
  }
  return found;
}
