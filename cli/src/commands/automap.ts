import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  acceptedPairsFromSpec,
  formatForFile,
  indexSpec,
  loadSource,
  printable,
  suggestMappings,
  type AcceptedPair,
  type AutomapResult,
  type ImportedEntity,
} from '@specwright/core';
import { describeReadError, readErrorPosition, type CliIo } from '../io.js';
import { InputError, readEntityArg } from '../schema-input.js';
import { UsageError, oneOf, strings } from '../usage.js';

export const AUTOMAP_FORMATS = ['json', 'table', 'yaml'] as const;
export type AutomapFormat = (typeof AUTOMAP_FORMATS)[number];

export interface AutomapOptions {
  source: string;
  target: string;
  format: AutomapFormat;
  memory: string[];
  /** Folders below which `$ref`s may read files, besides each schema's own folder. */
  allowRefRoots: string[];
}

export function parseAutomapOptions(positionals: string[], values: Record<string, string | boolean | (string | boolean)[] | undefined>): AutomapOptions {
  if (positionals.length > 0) throw new UsageError(`automap takes no file arguments (got "${positionals[0]}"); use --source <schema> --target <schema>`);
  const source = values['source'];
  const target = values['target'];
  if (typeof source !== 'string' || source === '' || typeof target !== 'string' || target === '')
    throw new UsageError('automap needs --source <schema> and --target <schema>, as in: specwright automap --source contact.schema.json --target api.yaml#Customer');
  return {
    source,
    target,
    format: oneOf('--format', values['format'], AUTOMAP_FORMATS, 'table'),
    memory: strings(values['memory']),
    allowRefRoots: strings(values['allow-ref-root']),
  };
}

/** `specwright automap`: suggested mappings from a source entity to a target entity. Exit 0, or 2 on unusable input. */
export async function runAutomap(options: AutomapOptions, io: CliIo): Promise<number> {
  let source: ImportedEntity;
  let target: ImportedEntity;
  let memory: AcceptedPair[];
  try {
    source = await readEntityArg(options.source, 'source', io, { allowRefRoots: options.allowRefRoots });
    target = await readEntityArg(options.target, 'target', io, { allowRefRoots: options.allowRefRoots });
    memory = await readMemory(options.memory, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`${printable(error.describe())}\n`);
      return 2;
    }
    throw error;
  }
  const result = suggestMappings(source, target, memory.length > 0 ? { memory } : {});
  io.stdout(FORMATTERS[options.format](result, source, target));
  return 0;
}

/** Accepted mappings from spec files, or from every .yaml/.yml/.json spec in a folder. */
async function readMemory(paths: readonly string[], io: CliIo): Promise<AcceptedPair[]> {
  const pairs: AcceptedPair[] = [];
  const seen = new Set<string>();
  const add = (found: AcceptedPair[]) => {
    for (const pair of found) {
      const key = `${pair.source}\u0000${pair.target}`;
      if (!seen.has(key)) {
        seen.add(key);
        pairs.push(pair);
      }
    }
  };
  for (const path of paths) {
    let text: string | undefined;
    try {
      text = await io.readText(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EISDIR') throw new InputError(path, describeReadError(error), undefined, readErrorPosition(error).line, readErrorPosition(error).column);
    }
    if (text !== undefined) {
      const loaded = loadSource(text, formatForFile(path));
      if (!loaded.ok) throw new InputError(path, loaded.message, undefined, loaded.line, loaded.column);
      add(acceptedPairsFromSpec(indexSpec(loaded.value)));
      continue;
    }
    // A folder: every spec in it; files that are not specs are passed over.
    let names: string[];
    try {
      names = (await readdir(path)).filter((n) => /\.(ya?ml|json)$/i.test(n)).sort();
    } catch (error) {
      throw new InputError(path, describeReadError(error));
    }
    for (const name of names) {
      const file = join(path, name);
      let body: string;
      try {
        body = await io.readText(file);
      } catch {
        continue;
      }
      const loaded = loadSource(body, formatForFile(file));
      if (!loaded.ok || !('specwright' in loaded.value)) continue;
      add(acceptedPairsFromSpec(indexSpec(loaded.value)));
    }
  }
  return pairs;
}

const round = (score: number) => Math.round(score * 1000) / 1000;

type Formatter = (result: AutomapResult, source: ImportedEntity, target: ImportedEntity) => string;

const FORMATTERS: Record<AutomapFormat, Formatter> = {
  json: (result, source, target) =>
    JSON.stringify(
      {
        matches: result.matches.map((m) => ({ source: m.source, target: m.target, score: round(m.score), reasons: m.reasons })),
        unmatched: { source: result.unmatched.source, target: result.unmatched.target },
        transforms: (result.transforms ?? []).map((t) => ({ target: t.target, sources: t.sources, transform: t.transform, score: round(t.score), reasons: t.reasons })),
        entities: { source: entitySummary(source), target: entitySummary(target) },
      },
      null,
      2,
    ) + '\n',
  // Field names and reasons come from the schemas: the table prints them through `printable`.
  table: (result, source, target) => {
    const lines: string[] = [];
    lines.push(printable(`${source.name}${source.system ? ` (${source.system})` : ''} → ${target.name}${target.system ? ` (${target.system})` : ''}: ${result.matches.length} suggested mapping(s)`));
    lines.push('');
    if (result.matches.length > 0) {
      const rows = result.matches.map((m) => [round(m.score).toFixed(2), printable(m.source), printable(m.target), printable(m.reasons.join('; '))]);
      const header = ['score', 'source', 'target', 'why'];
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === 3 ? 0 : r[i]!.length))));
      const line = (cells: string[]) => cells.map((c, i) => (i === 3 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
      lines.push(line(header), line(widths.map((w, i) => '-'.repeat(i === 3 ? 3 : w))), ...rows.map(line));
    }
    const transforms = result.transforms ?? [];
    if (transforms.length > 0) {
      lines.push('', 'Proposed transforms (check before use):');
      for (const t of transforms) lines.push(printable(`  ${round(t.score).toFixed(2)}  ${t.target} ← ${t.sources.join(' + ')}: ${t.transform}${t.reasons.length ? `  (${t.reasons.join('; ')})` : ''}`));
    }
    if (result.unmatched.target.length > 0) lines.push('', printable(`Unmatched target fields (${result.unmatched.target.length}): ${result.unmatched.target.join(', ')}`));
    if (result.unmatched.source.length > 0) lines.push('', printable(`Unmatched source fields (${result.unmatched.source.length}): ${result.unmatched.source.join(', ')}`));
    return lines.join('\n') + '\n';
  },
  yaml: (result, source, target) => {
    const lines: string[] = [
      `# specwright automap: ${source.name}${source.system ? ` (${source.system})` : ''} → ${target.name}${target.system ? ` (${target.system})` : ''}`,
      '# Suggestions: review each one, then paste the entries under a data flow.',
      'mappings:',
    ];
    for (const m of result.matches) {
      lines.push(`  # ${round(m.score).toFixed(2)}: ${oneLine(m.reasons.join('; '))}`);
      lines.push(`  - target: ${scalar(`${target.name}.${m.target}`)}`);
      lines.push(`    source: ${scalar(`${source.name}.${m.source}`)}`);
    }
    for (const t of result.transforms ?? []) {
      lines.push(`  # proposed transform, ${round(t.score).toFixed(2)}: check it and add a test`);
      lines.push(`  - target: ${scalar(`${target.name}.${t.target}`)}`);
      lines.push(`    transform: ${scalar(withEntity(t.transform, t.sources, source.name))}`);
      const why = t.reasons.length > 0 ? t.reasons.join('; ') : `combines ${t.sources.join(' and ')}`;
      lines.push(`    description: ${scalar(`Proposed: ${oneLine(why)}`)}`);
    }
    if (result.matches.length === 0 && (result.transforms ?? []).length === 0) lines[lines.length - 1] = 'mappings: []';
    if (result.unmatched.target.length > 0) lines.push(`# unmatched target fields: ${oneLine(result.unmatched.target.join(', '))}`);
    return lines.join('\n') + '\n';
  },
};

function entitySummary(entity: ImportedEntity) {
  return { name: entity.name, ...(entity.system ? { system: entity.system } : {}), fields: entity.fields.filter((f) => !f.container).length };
}

/** A comment's text: one line, with every control or invisible formatting character escaped visibly. */
const oneLine = (text: string) => printable(text.replace(/[\r\n]+/g, ' '));

/**
 * A YAML scalar: plain when that reads back as the same string and shows every character, else
 * double-quoted (JSON strings are YAML), with the characters JSON leaves raw (DEL, C1 controls,
 * bidi and zero-width formatting, line separators) as escapes: they read back, but cannot spoof.
 */
function scalar(text: string): string {
  const plain = /^[A-Za-z_$][^:#\n'"{}&*!|>%@`,]*$/.test(text) && !/\s$/.test(text) && !/^(true|false|null|yes|no|on|off|~)$/i.test(text) && printable(text) === text;
  return plain ? text : JSON.stringify(text).replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, yamlEscape);
}

function yamlEscape(c: string): string {
  const code = c.codePointAt(0)!;
  return code > 0xffff ? `\\U${code.toString(16).padStart(8, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Source paths in a proposed transform get the source entity name (`firstName & " " & lastName`
 * → `Contact.firstName & " " & Contact.lastName`): a transform reads the source records by entity.
 */
function withEntity(transform: string, sources: readonly string[], entity: string): string {
  if (sources.some((s) => transform.includes(`${entity}.${s}`))) return transform;
  let out = transform;
  for (const path of [...sources].sort((a, b) => b.length - a.length)) {
    const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(^|[^\\w.$"'])${escaped}(?![\\w])`, 'g'), (_m, before: string) => `${before}${entity}.${path}`);
  }
  return out;
}
