import {
  BLANK_SPEC,
  MAX_YAML_NESTING,
  PAGE_CODECS,
  findNestedDeeperThan,
  markdownCodec,
  markdownToPageTree,
  pageTreeToMarkdown,
  renderTemplatePageTree,
  describeLocation,
  detectPageFormat,
  formatForFile,
  loadSource,
  parseSpecPageTree,
  printable,
  renderSpecToPageTree,
  specText,
  toPointer,
  writeJson,
  type PageFinding,
  type Position,
} from '@specwright/core';
import { describeReadError, readErrorPosition, type CliIo } from '../io.js';
import { UsageError, oneOf } from '../usage.js';

const TARGETS = ['yaml', 'json', 'adf', 'storage', 'markdown'] as const;
type Target = (typeof TARGETS)[number];

export interface ConvertOptions {
  /** The input file; absent with --template. */
  file?: string;
  to: Target;
  out?: string;
}

export function parseConvertOptions(files: string[], values: Record<string, string | boolean | undefined>): ConvertOptions {
  const template = values['template'] === true;
  if (template && files.length > 0) throw new UsageError('convert --template takes no file: it renders the blank template, as in: specwright convert --template --to adf');
  if (!template && files.length !== 1) throw new UsageError('convert takes one file, as in: specwright convert spec.yaml --to adf (or --template for the blank template)');
  if (values['to'] === undefined) throw new UsageError(`convert needs --to ${TARGETS.join('|')}`);
  const options: ConvertOptions = { to: oneOf('--to', values['to'], TARGETS, 'yaml') };
  if (!template) options.file = files[0]!;
  if (typeof values['out'] === 'string') options.out = values['out'];
  return options;
}

/**
 * `specwright convert <file> --to yaml|json|adf|storage|markdown [--out file]`. The input is a spec
 * (.yaml/.yml/.json), a Markdown file (.md) or a Confluence page tree (a JSON array `[{title, parent, body}]` whose
 * bodies are ADF documents or storage-format strings), told apart by its content. Exits 2 when
 * the input is unusable, 1 when pages depart from the template (the findings go to stderr and
 * the rest is still converted), else 0.
 */
export async function runConvert(options: ConvertOptions, io: CliIo): Promise<number> {
  if (options.file === undefined) {
    const output =
      options.to === 'yaml' || options.to === 'json'
        ? specText(BLANK_SPEC, options.to)
        : options.to === 'markdown'
          ? pageTreeToMarkdown(renderTemplatePageTree(markdownCodec))
          : JSON.stringify(renderTemplatePageTree<unknown>(PAGE_CODECS[options.to]), null, 2) + '\n';
    return write(options, output, io, 0);
  }
  const file = options.file;
  const fail = (message: string, line?: number, column?: number) => {
    io.stderr(`${printable(`${describeLocation(file, line, column)}: ${message}`)}\n`);
    return 2;
  };
  let text: string;
  try {
    text = await io.readText(file);
  } catch (error) {
    return fail(describeReadError(error), readErrorPosition(error).line, readErrorPosition(error).column);
  }

  let spec: Record<string, unknown>;
  let findings: PageFinding[] = [];
  let locate: (pointer: string) => Position | undefined = () => undefined;
  const tree = pageTreeIn(text);
  if (/\.(md|markdown)$/i.test(file)) {
    const read = parseSpecPageTree(markdownToPageTree(text), markdownCodec);
    if (!read.spec) return fail(`holds no spec: ${read.findings[0]?.message ?? 'no page'}; a spec in Markdown starts with "# <title>" (see docs/confluence-template.md)`);
    spec = read.spec;
    findings = read.findings;
  } else if (tree !== undefined) {
    const format = detectPageFormat(tree);
    if (!format) return fail('is a JSON array but not a page tree: every page needs a "body" that is an ADF document (an object with "type": "doc") or a storage-format string, all in one format');
    const read = parseSpecPageTree(tree, PAGE_CODECS[format]);
    if (!read.spec) return fail(`holds no spec: ${read.findings[0]?.message ?? 'no root page'}`);
    spec = read.spec;
    findings = read.findings;
  } else {
    const loaded = loadSource(text, formatForFile(file));
    if (!loaded.ok) return fail(loaded.message, loaded.line, loaded.column);
    spec = loaded.value;
    locate = loaded.locate;
  }

  if (options.to === 'yaml') {
    // JSON and page trees may nest deeper than the YAML loader reads: writing that would give a
    // file `check` refuses (and js-yaml's writer recurses), so it is refused here instead.
    const tooDeep = findNestedDeeperThan(spec, MAX_YAML_NESTING);
    if (tooDeep) {
      const at = locate(toPointer(tooDeep));
      // The pointer is as long as the nesting is deep: name where it starts.
      const shown = tooDeep.length > 12 ? `${toPointer(tooDeep.slice(0, 10))}/…` : toPointer(tooDeep);
      return fail(
        `cannot be written as YAML: the value at ${shown} nests lists and mappings more than ${MAX_YAML_NESTING} levels deep, and a YAML spec is read to ${MAX_YAML_NESTING} levels; convert it --to json, or nest it less`,
        at?.line,
        at?.column,
      );
    }
  }
  const output =
    options.to === 'yaml'
      ? specText(spec, 'yaml')
      : options.to === 'json'
        ? writeJson(spec, 2) + '\n'
        : options.to === 'markdown'
          ? pageTreeToMarkdown(renderSpecToPageTree(spec, markdownCodec))
          : JSON.stringify(renderSpecToPageTree<unknown>(spec, PAGE_CODECS[options.to]), null, 2) + '\n';
  for (const finding of findings) {
    io.stderr(`${printable(`${file}: page "${finding.page}"${finding.at ? ` › ${finding.at}` : ''}: ${finding.message}`)}\n`);
  }
  return write(options, output, io, findings.length > 0 ? 1 : 0);
}

async function write(options: ConvertOptions, output: string, io: CliIo, code: number): Promise<number> {
  if (options.out === undefined) io.stdout(output);
  else {
    await io.writeText(options.out, output);
    io.stderr(`wrote ${options.out}\n`);
  }
  return code;
}

/** The page tree in a file, when it is one: a JSON array (a spec's root is always a mapping). */
function pageTreeIn(text: string): unknown[] | undefined {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (!trimmed.startsWith('[')) return undefined;
  try {
    const value: unknown = JSON.parse(trimmed);
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
