import { dump } from 'js-yaml';
import type { SourceFormat } from '../../load/load-source.js';
import type { ImportedEntity } from '../schema-field.js';
import { isObject, type JsonObject } from '../../model/json.js';

export type AddEntitiesResult =
  | { ok: true; document: JsonObject; added: string[]; replaced: string[] }
  | { ok: false; message: string; pointer: string };

/** An imported entity as the spec declares one: fields with path, type, format, required, enum, description. */
export function entityDeclaration(entity: ImportedEntity): JsonObject {
  const out: JsonObject = { name: entity.name };
  if (entity.description) out['description'] = entity.description;
  out['fields'] = entity.fields.map((f) => {
    const field: JsonObject = { path: f.path };
    if (f.type) field['type'] = f.type;
    if (f.format) field['format'] = f.format;
    if (f.required) field['required'] = true;
    if (f.enum && f.enum.length > 0) field['enum'] = f.enum;
    if (f.description) field['description'] = f.description;
    return field;
  });
  return out;
}

/**
 * Adds entities to one system of a spec document (as parsed), leaving everything else as it
 * was. Refuses when the system is not declared, or an entity of that name exists and `replace`
 * is not set (a replaced entity keeps its place). The input document is not changed.
 */
export function addEntitiesToSpec(document: JsonObject, systemId: string, entities: readonly ImportedEntity[], options: { replace?: boolean } = {}): AddEntitiesResult {
  const systems = document['systems'];
  if (!Array.isArray(systems)) return { ok: false, message: 'the spec declares no systems; add the system first', pointer: '/systems' };
  const at = systems.findIndex((s) => isObject(s) && s['id'] === systemId);
  if (at < 0) {
    const ids = systems.filter(isObject).map((s) => String(s['id']));
    return { ok: false, message: `the spec declares no system "${systemId}" (it has: ${ids.join(', ') || 'none'}); add it under systems first or pick one of those`, pointer: '/systems' };
  }
  const system = systems[at] as JsonObject;
  const existing = system['entities'];
  if (existing !== undefined && !Array.isArray(existing)) return { ok: false, message: `system "${systemId}" has "entities" that is not a list`, pointer: `/systems/${at}/entities` };
  const list: unknown[] = [...((existing as unknown[] | undefined) ?? [])];
  const added: string[] = [];
  const replaced: string[] = [];
  const names = new Set<string>();
  for (const entity of entities) {
    if (names.has(entity.name)) return { ok: false, message: `entity "${entity.name}" is imported twice`, pointer: `/systems/${at}/entities` };
    names.add(entity.name);
    const index = list.findIndex((e) => isObject(e) && e['name'] === entity.name);
    if (index >= 0) {
      if (!options.replace)
        return { ok: false, message: `system "${systemId}" already declares entity "${entity.name}"; pass --replace to overwrite it, or import under another name`, pointer: `/systems/${at}/entities/${index}` };
      list[index] = entityDeclaration(entity);
      replaced.push(entity.name);
    } else {
      list.push(entityDeclaration(entity));
      added.push(entity.name);
    }
  }
  const newSystem: JsonObject = {};
  let placed = false;
  for (const [key, value] of Object.entries(system)) {
    newSystem[key] = key === 'entities' ? list : value;
    if (key === 'entities') placed = true;
  }
  if (!placed) newSystem['entities'] = list;
  const newSystems = [...systems];
  newSystems[at] = newSystem;
  return { ok: true, document: { ...document, systems: newSystems }, added, replaced };
}

/** A spec document as text: YAML (block style; comments of the original are not kept) or JSON with the given indent. */
export function specText(document: unknown, format: SourceFormat, indent = 2): string {
  if (format === 'json') return JSON.stringify(document, null, indent) + '\n';
  return dump(document, { noRefs: true, lineWidth: -1 } as Parameters<typeof dump>[1]);
}
