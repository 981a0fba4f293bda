import { join } from 'node:path';
import { compileDataFlows, dataFlowToJsonata, describeLocation, printable, testFixtures } from '@specwright/core';
import type { CliIo } from '../io.js';
import { readSpec } from '../read-spec.js';
import { UsageError, oneOf } from '../usage.js';

export interface ExportOptions {
  file: string;
  to: 'jsonata' | 'fixtures';
  out?: string;
}

export function parseExportOptions(files: string[], values: Record<string, string | boolean | undefined>): ExportOptions {
  if (files.length !== 1) throw new UsageError('export takes one spec file, as in: specwright export spec.yaml --to jsonata');
  if (values['to'] === undefined) throw new UsageError('export needs --to jsonata or --to fixtures');
  const options: ExportOptions = { file: files[0]!, to: oneOf('--to', values['to'], ['jsonata', 'fixtures'] as const, 'jsonata') };
  if (typeof values['out'] === 'string') options.out = values['out'];
  return options;
}

/** A file name from an element id: ids are free text, file names are not. */
const fileName = (id: string) => id.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_') || '_';

/**
 * `specwright export <file> --to jsonata|fixtures [--out dir]`: one JSONata expression per data
 * flow, or one JSON fixture per test case; printed, or written as files into `--out`.
 */
export async function runExport(options: ExportOptions, io: CliIo): Promise<number> {
  const spec = await readSpec(options.file, io);
  if (!spec.ok) {
    const bad = spec.unreadable;
    io.stderr(`${printable(`${describeLocation(bad.file, bad.line, bad.column)}: ${bad.message}`)}\n`);
    return 2;
  }
  const files = new Map<string, string>();
  if (options.to === 'jsonata') {
    for (const flow of compileDataFlows(spec.index)) files.set(`${fileName(flow.element.id)}.jsonata`, dataFlowToJsonata(flow));
  } else {
    for (const fixture of testFixtures(spec.index)) files.set(`${fileName(fixture.id)}.json`, JSON.stringify(fixture, null, 2) + '\n');
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
