import { constants } from 'node:fs';
import { open, readlink, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import $RefParser from '@apidevtools/json-schema-ref-parser';
import { loadSource } from '@specwright/core';

/**
 * `$ref`s to other local files, bundled into one document with json-schema-ref-parser (core
 * follows the internal refs that remain). A `$ref` reads only what it should:
 *
 * - a file inside the folder of the schema named on the command line (or below it), or below a
 *   folder given with `--allow-ref-root`; symbolic links are resolved before the check, so neither
 *   `..` nor a link leads out;
 * - a regular file: a device, FIFO or socket is refused after a `stat`, without opening it (a FIFO
 *   would block), and the file opened is checked to be the one stat'ed;
 * - never a URL (nothing is fetched);
 * - read and parsed here (JSON for `.json`, else YAML; a schema object), so that no other parser
 *   takes `/etc/passwd` as text, and no message quotes a line of the file: it says the file, the
 *   line and column, and what is wrong.
 */

/** The largest file a `$ref` may read: far above any real schema, and a bound on what one ref costs. */
export const MAX_REF_FILE_BYTES = 64 * 1024 * 1024;

/** A `$ref` that cannot be followed: the message is one sentence, without the file's content. */
export class RefProblem extends Error {
  override name = 'RefProblem';
  constructor(
    message: string,
    /** JSON Pointer of the `$ref` in the top document, when the top document is the one that names it. */
    readonly pointer?: string,
  ) {
    super(message);
  }
}

export interface RefRoots {
  /** Real paths of the folders refs may read below: the top document's folder, then each allowed root. */
  folders: string[];
  /** The top document's folder, as shown in messages. */
  documentFolder: string;
}

/** `--allow-ref-root` named something that is not a folder. */
export class RefRootProblem extends Error {
  override name = 'RefRootProblem';
  constructor(
    readonly root: string,
    message: string,
  ) {
    super(message);
  }
}

/** The real paths of the `--allow-ref-root` folders; each must be a folder that exists. */
export async function allowedRefFolders(allowRefRoots: readonly string[]): Promise<string[]> {
  const folders: string[] = [];
  for (const root of allowRefRoots) {
    let real: string;
    try {
      real = await realpath(resolve(root));
    } catch {
      throw new RefRootProblem(root, 'is not a folder that exists (given with --allow-ref-root); give the folder the referenced schemas are in');
    }
    if (!(await stat(real)).isDirectory()) throw new RefRootProblem(root, 'is not a folder (given with --allow-ref-root); give the folder the referenced schemas are in');
    folders.push(real);
  }
  return folders;
}

/** The folders a document's `$ref`s may read: its own folder and each `--allow-ref-root`. */
export async function refRoots(documentFile: string, allowRefRoots: readonly string[] = []): Promise<RefRoots> {
  const documentFolder = await realpath(dirname(resolve(documentFile)));
  return { folders: [documentFolder, ...(await allowedRefFolders(allowRefRoots))], documentFolder };
}

const isInside = (path: string, folder: string) => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/** What a file that is not a regular file is, in words. */
function kindOf(s: Awaited<ReturnType<typeof stat>>): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  return 'a special file';
}

interface RefFileInfo {
  url: string;
  reference?: string;
  baseUrl?: string;
}

/**
 * Inlines the `$ref`s of `document` (read from `file`) to other local files. Throws RefProblem
 * for a ref that leaves the allowed folders, names a URL, a missing file, a file that is not a
 * regular file, or a file that is not a schema.
 */
export async function bundleLocalRefs(file: string, document: object, allowRefRoots: readonly string[] = []): Promise<unknown> {
  const top = resolve(file);
  const roots = await refRoots(top, allowRefRoots);
  let problem: RefProblem | undefined;
  const fail = (info: RefFileInfo, what: string): never => {
    problem = new RefProblem(`${describeRef(info, top)} ${what}`, pointerInTop(info, top));
    throw problem;
  };
  const shown = (path: string) => {
    const rel = relative(roots.documentFolder, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  };

  const read = async (info: RefFileInfo): Promise<string> => {
    const path = localPath(info.url);
    if (path === undefined) return fail(info, 'is a URL; URLs are not fetched, so keep referenced schemas in local files');
    let real: string;
    try {
      real = await realpath(path);
    } catch (error) {
      return fail(info, `points at ${shown(path)}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file (check the path)' : 'it cannot be read'}`);
    }
    if (!roots.folders.some((folder) => isInside(real, folder))) {
      const via = real !== path ? ` (through a symbolic link, ${path})` : '';
      return fail(
        info,
        `points at ${real}${via}, outside ${roots.documentFolder}, the folder of the schema; a $ref reads only files in that folder and below: move the file there, or allow its folder with --allow-ref-root <dir>`,
      );
    }
    return readRegularFile(real, (opened) => roots.folders.some((folder) => isInside(opened, folder)), (what) => fail(info, `points at ${shown(real)}, which ${what}`));
  };

  const parse = (info: RefFileInfo & { data: string }): unknown => {
    const path = localPath(info.url) ?? info.url;
    const format = /\.json$/i.test(path) ? 'json' : 'yaml';
    const loaded = loadSource(info.data, format);
    if (!loaded.ok) {
      const at = loaded.line !== undefined ? ` at line ${loaded.line}${loaded.column !== undefined ? `, column ${loaded.column}` : ''}` : '';
      return fail(info, `names ${shown(path)}, which ${describeLoadFailure(loaded.message, format === 'json' ? 'JSON' : 'YAML', at)}; fix that file`);
    }
    return loaded.value;
  };

  try {
    return await $RefParser.bundle(top, structuredClone(document), {
      resolve: { http: false, file: { order: 1, canRead: () => true, read } },
      // Only this parser: the library's text and binary parsers would take any file as a string.
      parse: { json: false, yaml: false, text: false, binary: false, schema: { order: 1, canParse: () => true, allowEmpty: true, parse } },
    } as never);
  } catch (error) {
    if (problem) throw problem;
    if (error instanceof RefProblem) throw error;
    // The library's own errors (a pointer into a ref'd file that names nothing) quote only the $ref.
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    throw new RefProblem(message);
  }
}

/** The file path a resolver URL names, or undefined for a URL (any scheme, `file:` included). */
function localPath(url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return undefined;
  try {
    // json-schema-ref-parser percent-encodes paths (`sub%20dir/a.json`).
    return resolve(decodeURIComponent(url));
  } catch {
    return resolve(url);
  }
}

/** `"../defs.json" in sub/b.json at /B` or `"./a.json" (at /properties/a)`: the $ref as written, and where. */
function describeRef(info: RefFileInfo, top: string): string {
  const written = JSON.stringify(info.reference ?? info.url);
  const base = info.baseUrl;
  if (base === undefined) return written;
  const hash = base.indexOf('#');
  const baseFile = localPath(hash >= 0 ? base.slice(0, hash) : base);
  const pointer = hash >= 0 ? decodeFragment(base.slice(hash + 1)) : '';
  if (baseFile === top) return written;
  const from = baseFile !== undefined ? relative(dirname(top), baseFile) || baseFile : base;
  return `${written} in ${from}${pointer ? ` at ${pointer}` : ''}`;
}

function pointerInTop(info: RefFileInfo, top: string): string | undefined {
  const base = info.baseUrl;
  if (base === undefined) return undefined;
  const hash = base.indexOf('#');
  if (localPath(hash >= 0 ? base.slice(0, hash) : base) !== top) return undefined;
  return hash >= 0 ? decodeFragment(base.slice(hash + 1)) || undefined : undefined;
}

const decodeFragment = (fragment: string) => {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
};

/**
 * What the loader found wrong, in words that quote nothing of the file: a reason that quotes the
 * text (a key, a character, a tag, an alias name) is left out, and the line and column say where
 * to look. (The loader words its messages for specs; a referenced file holds a schema.)
 */
function describeLoadFailure(message: string, format: 'JSON' | 'YAML', at: string): string {
  const invalid = /^is not valid (?:JSON|YAML): (.*)$/s.exec(message);
  if (invalid) return `is not valid ${format}${at}${/^[A-Za-z ,;:()`{}[\]-]+$/.test(invalid[1]!) ? `: ${invalid[1]}` : ''}`;
  if (/^holds \d+ YAML documents/.test(message)) return `holds several YAML documents${at}; a referenced file is one document`;
  if (/^is empty/.test(message)) return 'is empty; a referenced file holds a schema object';
  if (/^is a list/.test(message)) return 'holds a list at the top level, not a schema object';
  const single = /^is a single (\w+) value/.exec(message);
  if (single) return `holds a single ${single[1]} value, not a schema object`;
  if (/alias/.test(message)) return `has YAML aliases that expand too far${at}; copy the values instead of aliasing them`;
  return `cannot be read as ${format}${at}`;
}

/**
 * Reads a regular file as UTF-8 text: stat first, and refuse what is not a regular file without
 * opening it; open without following a link and without blocking (a FIFO swapped in after the
 * stat cannot hang the read), then check that the open file is the one stat'ed and, where the
 * system says which file a descriptor is (/proc/self/fd), that it is still inside the allowed
 * folders (a folder swapped for a link after the check cannot lead out).
 */
async function readRegularFile(path: string, allowed: (real: string) => boolean, refuse: (what: string) => never): Promise<string> {
  let before: Awaited<ReturnType<typeof stat>>;
  try {
    before = await stat(path);
  } catch {
    return refuse('cannot be read');
  }
  if (!before.isFile()) return refuse(`is ${kindOf(before)}, not a regular file; a $ref reads only regular files`);
  if (before.size > MAX_REF_FILE_BYTES) return refuse(`is larger than ${MAX_REF_FILE_BYTES / 1024 / 1024} MB`);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return refuse(code === 'EACCES' || code === 'EPERM' ? 'cannot be read: permission denied' : 'cannot be read');
  }
  try {
    const now = await handle.stat();
    if (!now.isFile() || now.ino !== before.ino || now.dev !== before.dev) return refuse('changed while it was being read; try again');
    const opened = await readlink(`/proc/self/fd/${handle.fd}`).catch(() => undefined);
    if (opened !== undefined && !allowed(opened)) return refuse('changed while it was being read (it now leads outside the allowed folders)');
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1024 * 1024, MAX_REF_FILE_BYTES + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > MAX_REF_FILE_BYTES) return refuse(`is larger than ${MAX_REF_FILE_BYTES / 1024 / 1024} MB`);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks, total));
    } catch {
      return refuse('is not UTF-8 text');
    }
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } finally {
    await handle.close();
  }
}
