import type { SpecIndex } from '../../model/spec-index.js';
import { declaredForm, parseEntityPath, parseSegments } from '../../model/field-path.js';
import { SchemaImportError, type AcceptedPair, type ImportedEntity, type SchemaField } from '../schema-field.js';

/**
 * An entity already declared in a spec (`<spec>#<system>/<Entity>`) as an imported entity. A
 * declared field that other declared fields sit inside (`contact` beside `contact.email`) is a
 * container. An unknown system or entity, or an entity without fields, is a `SchemaImportError`.
 */
export function entityFromSpec(index: SpecIndex, systemId: string, entityName: string): ImportedEntity {
  const systemAt = index.systems.findIndex((s) => s.value.id === systemId);
  const system = index.systems[systemAt];
  if (!system) {
    const ids = index.systems.map((s) => s.value.id);
    throw new SchemaImportError(`the spec declares no system "${systemId}" (it has: ${ids.join(', ') || 'none'})`, '/systems');
  }
  const entities = system.value.entities ?? [];
  const entityAt = entities.findIndex((e) => e.name === entityName);
  const entity = entities[entityAt];
  if (!entity) {
    throw new SchemaImportError(
      `system "${systemId}" declares no entity "${entityName}" (it has: ${entities.map((e) => e.name).join(', ') || 'none'})`,
      `${system.path}/entities`,
    );
  }
  const pointer = `${system.path}/entities/${entityAt}`;
  if (!entity.fields || entity.fields.length === 0)
    throw new SchemaImportError(`entity "${entityName}" of system "${systemId}" declares no fields to map; add its fields (or import them with specwright import)`, pointer);
  const paths = entity.fields.map((f) => {
    const parsed = parseSegments(f.path);
    return parsed.ok ? declaredForm(parsed.segments) : f.path;
  });
  // Every path's parents (`a` and `a[]` of `a[].b`), once: asking each field against every other is quadratic.
  const parents = new Set<string>();
  for (const p of paths) {
    for (let k = p.indexOf('.'); k > 0; k = p.indexOf('.', k + 1)) {
      const prefix = p.slice(0, k);
      parents.add(prefix);
      if (prefix.endsWith('[]')) parents.add(prefix.slice(0, -2));
    }
  }
  const fields = entity.fields.map((f, i): SchemaField => {
    const path = paths[i]!;
    const out: SchemaField = { path, required: f.required };
    if (f.type) out.type = f.type;
    if (f.format) out.format = f.format;
    if (f.enum) out.enum = f.enum;
    if (f.description) out.description = f.description;
    const bare = path.endsWith('[]') ? path.slice(0, -2) : path;
    if (parents.has(bare)) out.container = true;
    return out;
  });
  const out: ImportedEntity = { name: entity.name, system: systemId, fields };
  const description = (entity as { description?: unknown }).description;
  if (typeof description === 'string' && description.trim() !== '') out.description = description.trim();
  return out;
}

/**
 * Mappings a team accepted in a spec, as source/target pairs without entity names, every
 * selector read as `[]` (`addresses[type=Billing].line1` → `addresses[].line1`). Mappings with
 * a `source` count (with or without a lookup or transform); inputs and constants do not.
 */
export function acceptedPairsFromSpec(index: SpecIndex): AcceptedPair[] {
  const pairs: AcceptedPair[] = [];
  const seen = new Set<string>();
  for (const mapping of index.mappings) {
    const { source, target } = mapping.value;
    if (typeof source !== 'string' || typeof target !== 'string') continue;
    const s = parseEntityPath(source);
    const t = parseEntityPath(target);
    if (!s.ok || !t.ok || s.path.segments.length === 0 || t.path.segments.length === 0) continue;
    const pair = { source: declaredForm(s.path.segments), target: declaredForm(t.path.segments) };
    const key = `${pair.source}\u0000${pair.target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push(pair);
  }
  return pairs;
}
