import { basename, extname } from 'node:path';
import {
  detectSchemaKind,
  entityFromSpec,
  entityName,
  importEntity,
  indexSpec,
  loadSource,
  recordsFromText,
  SchemaImportError,
  type ImportedEntity,
  type SchemaKind,
} from '@specwright/core';
import { describeReadError, readErrorPosition, type CliIo } from './io.js';
import { allowedRefFolders, bundleLocalRefs, RefProblem, RefRootProblem } from './schema-refs.js';

/** Input that cannot be used: one line, naming the file and where in it (exit 2). */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    readonly file: string,
    message: string,
    readonly pointer?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
  /** `file:line:column: message (at /pointer)` on one line. */
  describe(): string {
    const where = this.line !== undefined ? `${this.file}:${this.line}${this.column !== undefined ? `:${this.column}` : ''}` : this.file;
    const at = this.pointer ? ` (at ${this.pointer})` : '';
    return `${where}: ${this.message.replace(/\s*\n\s*/g, ' ')}${at}`;
  }
}

/** `file#fragment` → the file and the fragment (a schema name, a pointer, or system/Entity). */
export function splitSchemaArg(arg: string): { file: string; fragment?: string } {
  const hash = arg.lastIndexOf('#');
  if (hash <= 0) return { file: arg };
  return { file: arg.slice(0, hash), fragment: arg.slice(hash + 1) };
}

export interface ParsedSchemaFile {
  file: string;
  document: unknown;
  kind: SchemaKind | 'spec';
}

export interface SchemaReadOptions {
  /** Folders below which `$ref`s may read files, besides the schema's own folder (`--allow-ref-root`). */
  allowRefRoots?: readonly string[];
}

/** Reads and parses a schema, sample or spec file: `.jsonl`/`.ndjson` as JSON Lines, `.json` as JSON (or JSON Lines), others as YAML. */
export async function readSchemaFile(file: string, io: CliIo, options: SchemaReadOptions = {}): Promise<ParsedSchemaFile> {
  // A folder given with --allow-ref-root must be one, whether or not this schema has $refs.
  try {
    await allowedRefFolders(options.allowRefRoots ?? []);
  } catch (error) {
    if (error instanceof RefRootProblem) throw new InputError(error.root, error.message);
    throw error;
  }
  let text: string;
  try {
    text = await io.readText(file);
  } catch (error) {
    throw new InputError(file, describeReadError(error), undefined, readErrorPosition(error).line, readErrorPosition(error).column);
  }
  const ext = extname(file).toLowerCase();
  let document: unknown;
  if (ext === '.jsonl' || ext === '.ndjson') {
    document = samples(file, text);
  } else if (ext === '.json') {
    const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    try {
      document = JSON.parse(source);
    } catch {
      // Several JSON values, one a line, are JSON Lines; anything else gets the loader's positioned message.
      const lines = source.split(/\r?\n/).filter((l) => l.trim() !== '');
      const jsonLines = lines.length > 1 && lines.every((l) => l.trim().startsWith('{'));
      if (jsonLines) document = samples(file, source);
      else {
        const loaded = loadSource(source, 'json');
        if (!loaded.ok) throw new InputError(file, loaded.message, undefined, loaded.line, loaded.column);
        throw new InputError(file, 'is not valid JSON');
      }
    }
  } else {
    const loaded = loadSource(text, 'yaml');
    if (!loaded.ok) throw new InputError(file, loaded.message, undefined, loaded.line, loaded.column);
    document = loaded.value;
  }
  if (document === null || document === undefined || (typeof document !== 'object')) throw new InputError(file, 'is not a schema: expected a JSON Schema, an OpenAPI document, sample records or a spec');
  if (!Array.isArray(document) && hasExternalRef(document)) document = await bundleExternalRefs(file, document, options.allowRefRoots ?? []);
  const kind = isSpecDocument(document) ? 'spec' : detectSchemaKind(document);
  return { file, document, kind };
}

/** True when some `$ref` points outside the document (another file). */
function hasExternalRef(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (key === '$ref' && typeof child === 'string' && !child.startsWith('#')) return true;
        if (child && typeof child === 'object') stack.push(child);
      }
    }
  }
  return false;
}

/**
 * Inlines `$ref`s to other local files (schema-refs.ts: only files in the schema's folder or an
 * allowed root, only regular files, never a URL); the result keeps only internal refs, which core follows.
 */
async function bundleExternalRefs(file: string, document: object, allowRefRoots: readonly string[]): Promise<unknown> {
  try {
    return await bundleLocalRefs(file, document, allowRefRoots);
  } catch (error) {
    if (error instanceof RefProblem) throw new InputError(file, `has a $ref that cannot be resolved: ${error.message}`, error.pointer);
    throw error;
  }
}

function samples(file: string, text: string): unknown[] {
  try {
    return recordsFromText(text);
  } catch (error) {
    if (error instanceof SchemaImportError) throw new InputError(file, error.message, error.pointer || undefined);
    throw error;
  }
}

const isSpecDocument = (doc: unknown) => typeof doc === 'object' && doc !== null && !Array.isArray(doc) && 'specwright' in doc && 'systems' in doc;

/** The entity name a file suggests when its document gives none: `crm-contacts.json` → `CrmContacts`. */
export const nameFromFile = (file: string) => entityName(basename(file).replace(/\.[^.]*$/, '').replace(/\.[^.]*$/, ''), 'Record');

/**
 * The entity that an `--source`/`--target` argument names: a JSON Schema, an OpenAPI document
 * (`api.yaml#Customer`), sample records, a dataset case file (its `role` side) or
 * `<spec>#<system>/<Entity>`.
 */
export async function readEntityArg(arg: string, role: 'source' | 'target', io: CliIo, options: SchemaReadOptions = {}): Promise<ImportedEntity> {
  let { file, fragment } = splitSchemaArg(arg);
  let parsed: ParsedSchemaFile;
  try {
    parsed = await readSchemaFile(file, io, options);
  } catch (error) {
    // A file whose name holds "#": try the whole argument.
    if (fragment !== undefined && error instanceof InputError && error.message.includes('no such file') && !error.message.startsWith('has a $ref')) {
      parsed = await readSchemaFile(arg, io, options);
      file = arg;
      fragment = undefined;
    } else throw error;
  }
  return entityFromParsed(parsed, fragment, role);
}

export function entityFromParsed(parsed: ParsedSchemaFile, fragment: string | undefined, role: 'source' | 'target'): ImportedEntity {
  const { file, document } = parsed;
  try {
    if (parsed.kind === 'spec') {
      const slash = fragment?.indexOf('/') ?? -1;
      if (fragment === undefined || slash <= 0 || slash === fragment.length - 1)
        throw new InputError(file, 'is a spec; name the entity as <spec>#<system>/<Entity>, as in spec.yaml#crm/Customer');
      return entityFromSpec(indexSpec(document), fragment.slice(0, slash), fragment.slice(slash + 1));
    }
    let name: string | undefined = fragment;
    if (name !== undefined && name.startsWith('/')) name = `#${name}`;
    if (parsed.kind === 'dataset-case' && (name === 'source' || name === 'target')) {
      return importEntity(document, { role: name, fallbackName: nameFromFile(file) });
    }
    return importEntity(document, { role, fallbackName: nameFromFile(file), ...(name !== undefined && name !== '' ? { name } : {}) });
  } catch (error) {
    if (error instanceof SchemaImportError) throw new InputError(file, error.message, error.pointer || undefined);
    throw error;
  }
}
