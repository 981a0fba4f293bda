import { join } from 'node:path';
import { checkSpec, compileDataFlows, describeLocation, exportDataFlow, locateFindings, printable, testFixtures, writeJson } from '@specwright/core';
import type { CliIo } from '../io.js';
import { readSpec } from '../read-spec.js';
import { UsageError, oneOf } from '../usage.js';

export interface ExportOptions {
  file: string;
  to: 'jsonata' | 'fixtures';
  out?: string;
  /** Export a spec with error-level findings, leaving out (and naming) what cannot be exported. */
  force: boolean;
}

export function parseExportOptions(files: string[], values: Record<string, string | boolean | undefined>): ExportOptions {
  if (files.length !== 1) throw new UsageError('export takes one spec file, as in: specwright export spec.yaml --to jsonata');
  if (values['to'] === undefined) throw new UsageError('export needs --to jsonata or --to fixtures');
  const options: ExportOptions = { file: files[0]!, to: oneOf('--to', values['to'], ['jsonata', 'fixtures'] as const, 'jsonata'), force: values['force'] === true };
  if (typeof values['out'] === 'string') options.out = values['out'];
  return options;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A file name from an element id: ids are free text, file names are not. */
const fileName = (id: string) => id.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_') || '_';

/**
 * One file name per element, none used twice. Ids that differ may make the same name (`TC/1` and
 * `TC_1` are both `TC_1`), and names that differ only in case are one file on macOS and Windows:
 * the later element gets `-2`, `-3`… and a note on stderr says so, instead of one file silently
 * overwriting the other.
 */
function uniqueFileNames(ids: readonly string[], extension: string, note: (message: string) => void): string[] {
  const taken = new Map<string, { id: string; file: string }>(); // lower-case file name → who has it
  const files = ids.map((id) => `${fileName(id)}${extension}`);
  const claim = (i: number) => taken.set(files[i]!.toLowerCase(), { id: ids[i]!, file: files[i]! });
  // Names as made from the ids come first, so a renamed one cannot take a later id's own name.
  const clashing: number[] = [];
  files.forEach((file, i) => (taken.has(file.toLowerCase()) ? clashing.push(i) : claim(i)));
  for (const i of clashing) {
    const holder = taken.get(files[i]!.toLowerCase())!;
    const base = files[i]!.slice(0, -extension.length);
    let n = 2;
    while (taken.has(`${base}-${n}${extension}`.toLowerCase())) n++;
    files[i] = `${base}-${n}${extension}`;
    claim(i);
    note(`${JSON.stringify(ids[i])} is written as ${files[i]}: its name is taken by ${holder.file}, the file of ${JSON.stringify(holder.id)}`);
  }
  return files;
}

/**
 * `specwright export <file> --to jsonata|fixtures [--out dir] [--force]`: one JSONata expression
 * per data flow, or one JSON fixture per test case; printed, or written as files into `--out`.
 * A spec with error-level findings, or with a mapping the export would leave out, is refused
 * (exit 1, the findings and those mappings on stderr, nothing written) unless `--force`; then
 * the rest is exported, and each mapping left out is named on stderr and in the expression.
 */
export async function runExport(options: ExportOptions, io: CliIo): Promise<number> {
  const spec = await readSpec(options.file, io);
  if (!spec.ok) {
    const bad = spec.unreadable;
    io.stderr(`${printable(`${describeLocation(bad.file, bad.line, bad.column)}: ${bad.message}`)}\n`);
    return 2;
  }
  const errors = locateFindings(checkSpec(spec.index), spec.locate, options.file).filter((f) => f.severity === 'error');
  for (const f of errors) io.stderr(`${printable(`${describeLocation(f.file, f.line, f.column)} ${f.rule} ${f.message}`)}\n`);
  const files = new Map<string, string>();
  let skipped = 0;
  const renamed: string[] = [];
  if (options.to === 'jsonata') {
    const flows = compileDataFlows(spec.index);
    const names = uniqueFileNames(flows.map((flow) => flow.element.id), '.jsonata', (message) => renamed.push(`data flow ${message}`));
    flows.forEach((flow, i) => {
      const exported = exportDataFlow(flow);
      for (const { mapping, reason } of exported.skipped) {
        const at = spec.locate(mapping.path);
        io.stderr(`${printable(`${describeLocation(options.file, at?.line, at?.column)}: mapping ${mapping.id} of ${flow.element.id} is not exported: ${reason}`)}\n`);
        skipped++;
      }
      files.set(names[i]!, exported.expression);
    });
  } else {
    const fixtures = testFixtures(spec.index);
    const names = uniqueFileNames(fixtures.map((fixture) => fixture.id), '.json', (message) => renamed.push(`test case ${message}`));
    fixtures.forEach((fixture, i) => files.set(names[i]!, writeJson(fixture, 2) + '\n'));
  }
  if (errors.length > 0 || skipped > 0) {
    const count = [errors.length > 0 ? plural(errors.length, 'error') : '', skipped > 0 ? `${plural(skipped, 'mapping')} that cannot be exported` : ''].filter(Boolean).join(' and ');
    if (!options.force) {
      io.stderr(`${printable(`${options.file}: not exported: ${count} (above); fix them, or pass --force to export the rest`)}\n`);
      return 1;
    }
    io.stderr(`${printable(`${options.file}: exported despite ${count} (--force)`)}\n`);
  }
  if (options.out === undefined) {
    if (options.to === 'jsonata') io.stdout([...files.values()].join('\n'));
    else io.stdout(writeJson(testFixtures(spec.index), 2) + '\n');
    return 0;
  }
  for (const message of renamed) io.stderr(`${printable(`${options.file}: ${message}`)}\n`);
  for (const [name, text] of files) await io.writeText(join(options.out, name), text);
  io.stderr(`wrote ${files.size} file(s) to ${options.out}\n`);
  return 0;
}
