import {
  addEntitiesToSpec,
  formatForFile,
  entityNameProblem,
  importEntity,
  isJsonataName,
  loadSource,
  openApiSchemaNames,
  printable,
  importedSpecText,
  renameImportedEntity,
  SchemaImportError,
  type EntitiesAdded,
  type ImportedEntity,
} from '@specwright/core';
import { describeReadError, FileError, readErrorPosition, type CliIo } from '../io.js';
import { entityFromParsed, InputError, nameFromFile, readSchemaFile, splitSchemaArg, type ParsedSchemaFile } from '../schema-input.js';
import { strings, UsageError } from '../usage.js';

export interface ImportOptions {
  input: string;
  into: string;
  system: string;
  entities?: string[];
  /** The name the one imported entity takes in the spec. */
  as?: string;
  replace: boolean;
  /** Folders below which `$ref`s may read files, besides the schema's own folder. */
  allowRefRoots?: string[];
}

export function parseImportOptions(positionals: string[], values: Record<string, string | boolean | (string | boolean)[] | undefined>): ImportOptions {
  if (positionals.length !== 1) throw new UsageError('import takes one schema file, as in: specwright import api.yaml --into spec.yaml --system crm --entities Customer');
  const into = values['into'];
  const system = values['system'];
  if (typeof into !== 'string' || into === '') throw new UsageError('import needs --into <spec file>');
  if (typeof system !== 'string' || system === '') throw new UsageError('import needs --system <system id> (a system declared in the spec)');
  const options: ImportOptions = { input: positionals[0]!, into, system, replace: values['replace'] === true, allowRefRoots: strings(values['allow-ref-root']) };
  if (typeof values['entities'] === 'string') {
    const names = values['entities'].split(',').map((n) => n.trim()).filter(Boolean);
    if (names.length === 0) throw new UsageError('--entities needs one or more names, as in --entities Customer,Order');
    options.entities = names;
  }
  if (values['as'] !== undefined) {
    const name = String(values['as']);
    const problem = entityNameProblem(name);
    if (problem) throw new UsageError(`--as ${JSON.stringify(name)} ${problem}; give a name such as SimpleUser`);
    options.as = name;
  }
  return options;
}

/**
 * `specwright import <schema> --into <spec> --system <id> [--entities A,B] [--as Name] [--replace]`: adds the
 * entities and their fields to a system of the spec and writes it back in its own format.
 * Refuses (exit 2, nothing written) on unusable input, an unknown system or an existing entity.
 */
export async function runImport(options: ImportOptions, io: CliIo): Promise<number> {
  const fail = (error: InputError) => {
    io.stderr(`${printable(error.describe())}\n`);
    return 2;
  };
  let entities: ImportedEntity[];
  try {
    entities = await readEntities(options, io);
  } catch (error) {
    if (error instanceof InputError) return fail(error);
    throw error;
  }
  if (options.as !== undefined) {
    const renamed = renameImportedEntity(entities, options.as);
    if (!renamed.ok) return fail(new InputError(splitSchemaArg(options.input).file, renamed.message));
    entities = renamed.entities;
  }
  const format = formatForFile(options.into);
  // Read, changed and written under the spec's lock, from the text as it is now (not as it was before the lock).
  type Outcome = { ok: false; error: InputError } | { ok: true; result: EntitiesAdded; kept: boolean };
  let outcome: Outcome;
  try {
    outcome = await io.updateText<Outcome>(options.into, (text) => {
      const loaded = loadSource(text, format);
      if (!loaded.ok) return { value: { ok: false, error: new InputError(options.into, loaded.message, undefined, loaded.line, loaded.column) } };
      const result = addEntitiesToSpec(loaded.value, options.system, entities, { replace: options.replace });
      if (!result.ok) {
        const position = loaded.locate(result.pointer);
        return { value: { ok: false, error: new InputError(options.into, result.message, result.pointer, position?.line, position?.column) } };
      }
      const written = importedSpecText(text, format, result);
      return { text: written.text, value: { ok: true, result, kept: written.kept } };
    });
  } catch (error) {
    return fail(fileInputError(options.into, error));
  }
  if (!outcome.ok) return fail(outcome.error);
  const { result } = outcome;
  const counts = entities.map((e) => `${e.name} (${e.fields.length} field${e.fields.length === 1 ? '' : 's'})`).join(', ');
  io.stderr(`${printable(`${options.into}: ${result.replaced.length > 0 ? 'replaced or added' : 'added'} ${counts} in system ${options.system}`)}\n`);
  if (!outcome.kept)
    io.stderr(`${printable(`note: ${options.into}: the YAML around system ${options.system} could not be edited in place, so the spec was written out whole: its comments, anchors and aliases are not kept`)}\n`);
  for (const { name } of entities) {
    if (isJsonataName(name)) continue;
    const hint = options.as === undefined ? `, or import it under another name with --as` : '';
    io.stderr(`${printable(`note: ${name} is not a JSONata name: transforms, filters and criteria must write it in backticks (\`${name}\`.field)${hint}`)}\n`);
  }
  return 0;
}

async function readEntities(options: ImportOptions, io: CliIo): Promise<ImportedEntity[]> {
  const { file, fragment } = splitSchemaArg(options.input);
  const parsed = await readSchemaFile(file, io, { allowRefRoots: options.allowRefRoots ?? [] });
  const wrap = <T>(run: () => T): T => {
    try {
      return run();
    } catch (error) {
      if (error instanceof SchemaImportError) throw new InputError(file, error.message, error.pointer || undefined);
      throw error;
    }
  };
  if (parsed.kind === 'spec') {
    if (fragment === undefined) throw new InputError(file, 'is a spec; import one of its entities as <spec>#<system>/<Entity>');
    return [renamed(entityFromParsed(parsed, fragment, 'source'), options.entities)];
  }
  if (parsed.kind === 'openapi') {
    const names = fragment !== undefined ? [fragment] : options.entities ?? wrap(() => openApiSchemaNames(parsed.document));
    const explicit = fragment !== undefined || options.entities !== undefined;
    const entities = names.map((name) => wrap(() => importEntity(parsed.document, { name })));
    // Without names, every component schema with fields (enums and scalars have none to declare).
    const kept = explicit ? entities : entities.filter((e) => e.fields.length > 0);
    if (kept.length === 0) throw new InputError(file, 'declares no schema with fields under components/schemas');
    if (fragment !== undefined && options.entities) return [renamed(kept[0]!, options.entities)];
    return kept;
  }
  if (parsed.kind === 'json-schema' && options.entities && fragment === undefined) {
    // Names of $defs/definitions entries; a single name that is not one names the root schema.
    const defs = definitionNames(parsed);
    if (options.entities.every((n) => defs.includes(n))) return options.entities.map((name) => wrap(() => importEntity(parsed.document, { name })));
    if (options.entities.length === 1) return [{ ...wrap(() => importEntity(parsed.document, { fallbackName: nameFromFile(file) })), name: options.entities[0]! }];
    const missing = options.entities.filter((n) => !defs.includes(n));
    throw new InputError(file, `has no schema named ${missing.map((n) => `"${n}"`).join(', ')} under $defs or definitions (it has: ${defs.join(', ') || 'none'})`, '/$defs');
  }
  return [renamed(entityFromParsed(parsed, fragment, 'source'), options.entities)];
}

function definitionNames(parsed: ParsedSchemaFile): string[] {
  const doc = parsed.document as Record<string, unknown>;
  const names: string[] = [];
  for (const holder of ['$defs', 'definitions']) {
    const defs = doc[holder];
    if (typeof defs === 'object' && defs !== null && !Array.isArray(defs)) names.push(...Object.keys(defs));
  }
  return names;
}

/** One entity (samples, a single schema, a spec entity) takes the one name given with --entities. */
function renamed(entity: ImportedEntity, names: string[] | undefined): ImportedEntity {
  if (!names) return entity;
  if (names.length > 1) throw new UsageError(`this input holds one entity; give one name with --entities (got ${names.join(', ')})`);
  return { ...entity, name: names[0]! };
}

/** A spec that could not be read, locked or written, as the one-line refusal. */
function fileInputError(file: string, error: unknown): InputError {
  if (error instanceof FileError) return new InputError(file, error.sentence, undefined, error.line, error.column);
  const { line, column } = readErrorPosition(error);
  return new InputError(file, describeReadError(error), undefined, line, column);
}
