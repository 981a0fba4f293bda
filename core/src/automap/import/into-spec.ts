import { dump } from 'js-yaml';
import { loadSource, type SourceFormat } from '../../load/load-source.js';
import type { ImportedEntity } from '../schema-field.js';
import { isObject, setOwn, type JsonObject } from '../../model/json.js';
import { editEntitiesInYaml } from './yaml-entities-edit.js';

export interface EntitiesAdded {
  ok: true;
  document: JsonObject;
  added: string[];
  replaced: string[];
  /** Where the change is: the system's index under `systems`, the replaced items by index, and how many were appended. */
  system: number;
  replacedAt: number[];
  appended: number;
}

export type AddEntitiesResult = EntitiesAdded | { ok: false; message: string; pointer: string };

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
  const replacedAt: number[] = [];
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
      replacedAt.push(index);
    } else {
      list.push(entityDeclaration(entity));
      added.push(entity.name);
    }
  }
  const newSystem: JsonObject = {};
  let placed = false;
  for (const [key, value] of Object.entries(system)) {
    setOwn(newSystem, key, key === 'entities' ? list : value);
    if (key === 'entities') placed = true;
  }
  if (!placed) newSystem['entities'] = list;
  const newSystems = [...systems];
  newSystems[at] = newSystem;
  return { ok: true, document: { ...document, systems: newSystems }, added, replaced, system: at, replacedAt, appended: added.length };
}

/** The text of a spec after an import, and whether the rest of a YAML text was kept byte for byte. */
export interface ImportedSpecText {
  text: string;
  /**
   * True when only the changed entities were written (YAML: comments, anchors, aliases, `<<` keys
   * and layout kept; JSON: its indent kept). False when a YAML layout could not be edited in
   * place and the document was written out whole (comments and anchors are then lost).
   */
  kept: boolean;
}

/**
 * The spec text with the entities `addEntitiesToSpec` added: a JSON spec is written with the
 * indent it had; a YAML spec is edited in place when its layout allows, and the edit is read
 * back and compared with the intended document before it is trusted.
 */
export function importedSpecText(original: string, format: SourceFormat, result: EntitiesAdded): ImportedSpecText {
  // A byte order mark the file started with stays (the loader skips it).
  const bom = original.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  if (format === 'json') {
    const indent = /\n( +|\t)"/.exec(original)?.[1] ?? '  ';
    return { text: bom + specText(result.document, 'json', indent === '\t' ? '\t' : indent.length), kept: true };
  }
  const newSystem = (result.document['systems'] as JsonObject[])[result.system]!;
  const list = newSystem['entities'] as JsonObject[];
  const replace = new Map(result.replacedAt.map((index) => [index, list[index]!]));
  const edited = editEntitiesInYaml(original, { system: result.system, replace, append: list.slice(list.length - result.appended), newSystem });
  if (edited !== undefined) {
    const check = loadSource(edited, 'yaml');
    if (check.ok && jsonEqual(check.value, result.document)) return { text: edited, kept: true };
  }
  return { text: bom + specText(result.document, 'yaml'), kept: false };
}

/** Deep equality of parsed JSON data (own keys, any order). */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  const objectB = b as Record<string, unknown>;
  return keysA.every((key) => Object.prototype.hasOwnProperty.call(objectB, key) && jsonEqual((a as Record<string, unknown>)[key], objectB[key]));
}

/** A spec document as text: YAML (block style) or JSON with the given indent (spaces, or a tab). */
export function specText(document: unknown, format: SourceFormat, indent: number | '\t' = 2): string {
  if (format === 'json') return JSON.stringify(document, null, indent) + '\n';
  return dump(document, { noRefs: true, lineWidth: -1 } as Parameters<typeof dump>[1]);
}
