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
 * Why a text cannot name an entity, or undefined when it can. An entity name is the first
 * segment of every field path (`Customer.email`), so it holds no `.`, `[` or `]`; and JSONata
 * must be able to quote it in backticks. (A JSONata name, such as `SimpleUser`, is best: see
 * `isJsonataName`.)
 */
export function entityNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'is empty';
  if (name !== name.trim()) return 'starts or ends with a space';
  if (/[.[\]]/.test(name)) return 'contains ".", "[" or "]", which field paths use (Customer.addresses[].line1)';
  if (name.includes('`')) return 'contains a backtick, which JSONata cannot quote';
  return undefined;
}

export type RenameResult = { ok: true; entities: ImportedEntity[] } | { ok: false; message: string };

/** `import --as <name>`: the one imported entity, renamed. Refuses a name that cannot name an entity, or an import of other than one entity. */
export function renameImportedEntity(entities: readonly ImportedEntity[], name: string): RenameResult {
  const problem = entityNameProblem(name);
  if (problem) return { ok: false, message: `--as ${JSON.stringify(name)} ${problem}; give a name such as SimpleUser` };
  if (entities.length !== 1) {
    const names = entities.map((e) => e.name).join(', ');
    return { ok: false, message: `--as renames one entity, but this input gives ${entities.length}${names ? ` (${names})` : ''}; pick one with --entities <Name> or <file>#<Name>` };
  }
  return { ok: true, entities: [{ ...entities[0]!, name }] };
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
