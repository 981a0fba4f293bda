import { parseArgs } from 'node:util';
import { parseAutomapOptions, runAutomap } from './commands/automap.js';
import { parseCheckOptions, runCheck } from './commands/check.js';
import { parseConvertOptions, runConvert } from './commands/convert.js';
import { parseImportOptions, runImport } from './commands/import.js';
import { parseExportOptions, runExport } from './commands/export.js';
import { parseTestOptions, runTestCommand } from './commands/test.js';
import { describeLocation, printable } from '@specwright/core';
import { FileError, isSystemFileError, describeSystemFileError } from './file-errors.js';
import type { CliIo } from './io.js';
import { USAGE, UsageError } from './usage.js';

/** Runs `specwright <args>` and returns the exit code. Never throws: every failure is a sentence. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case 'check': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { format: { type: 'string' }, 'fail-on': { type: 'string' }, 'run-tests': { type: 'boolean' } },
        });
        return await runCheck(parseCheckOptions(positionals, values), io);
      }
      case 'test': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { format: { type: 'string' } } });
        return await runTestCommand(parseTestOptions(positionals, values), io);
      }
      case 'export': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { to: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
        });
        return await runExport(parseExportOptions(positionals, values), io);
      }
      case 'convert': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { to: { type: 'string' }, out: { type: 'string' }, template: { type: 'boolean' } },
        });
        return await runConvert(parseConvertOptions(positionals, values), io);
      }
      case 'automap': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { source: { type: 'string' }, target: { type: 'string' }, format: { type: 'string' }, memory: { type: 'string', multiple: true }, 'allow-ref-root': { type: 'string', multiple: true } },
        });
        return await runAutomap(parseAutomapOptions(positionals, values), io);
      }
      case 'import': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { into: { type: 'string' }, system: { type: 'string' }, entities: { type: 'string' }, as: { type: 'string' }, replace: { type: 'boolean' }, 'allow-ref-root': { type: 'string', multiple: true } },
        });
        return await runImport(parseImportOptions(positionals, values), io);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr(`specwright: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    // A file the system would not let us read or write is the user's to fix: say which and why.
    if (error instanceof FileError) {
      io.stderr(`${printable(`${describeLocation(error.file, error.line, error.column)}: ${error.sentence}`)}\n`);
      return 2;
    }
    if (isSystemFileError(error)) {
      io.stderr(`${printable(`${error.path}: ${describeSystemFileError(error)}`)}\n`);
      return 2;
    }
    io.stderr(`specwright: unexpected failure: ${error instanceof Error ? error.message : String(error)}\nPlease report this with the file that caused it.\n`);
    return 2;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
