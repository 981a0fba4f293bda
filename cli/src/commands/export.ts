import { join } from 'node:path';
import { checkSpec, compileDataFlows, describeLocation, exportDataFlow, locateFindings, printable, testFixtures } from '@specwright/core';
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
  if (options.to === 'jsonata') {
    for (const flow of compileDataFlows(spec.index)) {
      const exported = exportDataFlow(flow);
      for (const { mapping, reason } of exported.skipped) {
        const at = spec.locate(mapping.path);
        io.stderr(`${printable(`${describeLocation(options.file, at?.line, at?.column)}: mapping ${mapping.id} of ${flow.element.id} is not exported: ${reason}`)}\n`);
        skipped++;
      }
      files.set(`${fileName(flow.element.id)}.jsonata`, exported.expression);
    }
  } else {
    for (const fixture of testFixtures(spec.index)) files.set(`${fileName(fixture.id)}.json`, JSON.stringify(fixture, null, 2) + '\n');
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
    else io.stdout(JSON.stringify(testFixtures(spec.index), null, 2) + '\n');
    return 0;
  }
  for (const [name, text] of files) await io.writeText(join(options.out, name), text);
  io.stderr(`wrote ${files.size} file(s) to ${options.out}\n`);
  return 0;
}
