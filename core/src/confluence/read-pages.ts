import { decodeParagraphs, decodeValue } from './cell-values.js';
import { inlineText, type Block, type BlockPage, type Cell, type Inline, type PageFinding, type PageLocation } from './page-tree.js';
import {
  DATA_FLOW_PROPERTIES,
  ENTITY_PROPERTIES,
  FIELD_COLUMNS,
  HEADINGS,
  INPUT_COLUMNS,
  MAPPING_COLUMNS,
  OUTCOME_COLUMNS,
  PROPERTY_HEADER,
  SPEC_PROPERTIES,
  SYSTEM_PROPERTIES,
  TEST_COLUMNS,
  TRIGGER_COLUMNS,
  USE_CASE_COLUMNS,
  USE_CASE_PAGE_COLUMN,
  VALUE_COLUMNS,
  type Column,
} from './template-columns.js';
import { isObject, setOwn, type JsonObject } from '../model/json.js';

export interface ReadPagesResult {
  /** The spec document, as far as the pages hold one (undefined when there is no root page). */
  spec: JsonObject | undefined;
  /** Where the pages depart from the template. Nothing is dropped without one. */
  findings: PageFinding[];
}

/**
 * Where each element of the spec was read from, for a caller that wants to point at the page: the
 * JSON Pointer of every element read → its page and heading or row, and the pointer of the
 * element each finding is about. Kept beside the result, so the result's shape stays the codecs'.
 */
export interface PagePlaces {
  elements: Map<string, PageLocation>;
  findings: Map<PageFinding, string>;
}

export function emptyPagePlaces(): PagePlaces {
  return { elements: new Map(), findings: new Map() };
}

/** Where a finding is: the page, the heading or row being read, and the element being read there. */
interface Place {
  page: string;
  at: string | undefined;
  findings: PageFinding[];
  /** JSON Pointer of the element being read (or of the list it goes into). */
  pointer: string;
  places: PagePlaces | undefined;
}

const note = (place: Place, message: string, at = place.at): void => {
  const finding: PageFinding = at === undefined ? { page: place.page, message } : { page: place.page, at, message };
  place.findings.push(finding);
  place.places?.findings.set(finding, place.pointer);
};
const within = (place: Place, at: string): Place => ({ ...place, at });

/** Reading moves on to the element at `pointer` (on `page`, under `at`); the first place an element is read is where it is. */
function enter(place: Place, pointer: string, at: string | undefined = place.at, page = place.page): Place {
  const next: Place = { ...place, page, at, pointer };
  if (place.places && !place.places.elements.has(pointer)) place.places.elements.set(pointer, at === undefined ? { page } : { page, at });
  return next;
}

/**
 * Reads the template's page tree (renderSpecPages) back into a spec document. Tolerant of what
 * people and Confluence do to pages: columns in another order, empty paragraphs and rows, headings
 * in other case. What it cannot place becomes a finding naming the page and the heading or row.
 */
export function readSpecPages(pages: BlockPage[], places?: PagePlaces): ReadPagesResult {
  const findings: PageFinding[] = [];
  const roots = pages.filter((page) => page.parent === null);
  if (roots.length !== 1) {
    findings.push({ page: roots[1]?.title ?? '(none)', message: roots.length === 0 ? 'the page tree has no root page (a page whose parent is null)' : `the page tree has ${roots.length} root pages; the first, "${roots[0]!.title}", is read` });
  }
  const root = roots[0];
  if (!root) return { spec: undefined, findings };
  const place = enter({ page: root.title, at: undefined, findings, pointer: '', places }, '');
  const spec: JsonObject = {};
  const { before, sections } = splitSections(root.body, 2);

  const [props, ...rest] = before.filter((block) => !isEmptyParagraph(block));
  if (props && isPropertyTable(props)) Object.assign(spec, readProperties(props, [...SPEC_PROPERTIES, { label: 'Title', key: 'title', kind: 'any' }], within(place, 'the spec properties table')));
  else note(place, 'the page does not start with the spec properties table (Property | Value); the spec id, status and owner are missing', 'top of the page');
  unexpected(props && isPropertyTable(props) ? rest : before, within(place, 'top of the page'));
  if (spec.title === undefined) spec.title = root.title;

  const seen = new Set<string>();
  for (const section of sections) {
    const name = section.title.trim().toLowerCase();
    const at = within(place, `heading "${section.title}"`);
    if (seen.has(name)) note(at, 'this heading appears twice; the later section is read over the earlier one');
    seen.add(name);
    if (name === HEADINGS.businessCase.toLowerCase()) spec.businessCase = readBusinessCase(section.blocks, enter(at, '/businessCase'));
    else if (name === HEADINGS.systems.toLowerCase()) spec.systems = readSystems(section.blocks, enter(at, '/systems'));
    else if (name === HEADINGS.inputs.toLowerCase()) spec.inputs = readList(section.blocks, INPUT_COLUMNS, enter(at, '/inputs'));
    else if (name === HEADINGS.useCases.toLowerCase()) spec.useCases = readUseCases(section.blocks, pages.filter((page) => page.parent === root.title), enter(at, '/useCases'));
    else note(at, 'this heading is not part of the template, so its content is not read; move the content under a template heading');
  }
  for (const required of [HEADINGS.businessCase, HEADINGS.systems, HEADINGS.useCases]) {
    if (!seen.has(required.toLowerCase())) note(place, `the page has no "${required}" heading, so the spec has no ${required.toLowerCase()}; add the heading back (see docs/confluence-template.md)`);
  }
  const titles = new Set(pages.map((page) => page.title));
  for (const page of pages) {
    if (page.parent === null || page.parent === root.title) continue;
    const known = titles.has(page.parent);
    note(
      { ...place, page: page.title },
      known
        ? `the page sits under "${page.parent}", below a use-case page; the template has use-case pages only, so it is not read`
        : `the page's parent "${page.parent}" is not in the page tree, so the page is not read`,
    );
  }
  return { spec: orderKeys(spec, ['specwright', 'id', 'title', 'status', 'owner', 'businessCase', 'systems', 'inputs', 'useCases']), findings };
}

function readBusinessCase(blocks: Block[], place: Place): unknown {
  const { before, sections } = splitSections(blocks, 3);
  if (sections.length === 0) {
    const value = readLoneValue(before, place);
    if (value !== undefined) return value;
  } else unexpected(before, place);
  const businessCase: JsonObject = {};
  for (const section of sections) {
    const name = section.title.trim().toLowerCase();
    const at = within(place, `heading "${section.title}"`);
    if (name === HEADINGS.summary.toLowerCase()) businessCase.summary = readParagraphs(section.blocks, at);
    else if (name === HEADINGS.value.toLowerCase()) businessCase.value = readList(section.blocks, VALUE_COLUMNS, at);
    else if (name === HEADINGS.stakeholders.toLowerCase()) businessCase.stakeholders = readListParagraph(section.blocks, at);
    else if (name === HEADINGS.market.toLowerCase()) businessCase.market = readParagraphs(section.blocks, at);
    else if (name === HEADINGS.extensions.toLowerCase()) {
      const [table, ...rest] = section.blocks;
      if (table && isPropertyTable(table)) Object.assign(businessCase, readProperties(table, [], at));
      unexpected(table && isPropertyTable(table) ? rest : section.blocks, at);
    } else note(at, 'this heading is not part of the business case template, so its content is not read');
  }
  return orderKeys(businessCase, ['summary', 'value', 'stakeholders', 'market']);
}

function readSystems(blocks: Block[], place: Place): unknown {
  const { before, sections } = splitSections(blocks, 3);
  if (sections.length === 0) {
    const value = readLoneValue(before, place);
    if (value !== undefined) return value;
  } else unexpected(before, place);
  return sections.map((section, systemIndex) => {
    const at = enter(place, `${place.pointer}/${systemIndex}`, `system heading "${section.title}"`);
    const { before: top, sections: entities } = splitSections(section.blocks, 4);
    const [props, ...rest] = top.filter((block) => !isEmptyParagraph(block));
    const system: JsonObject = {};
    if (props && isPropertyTable(props)) Object.assign(system, readProperties(props, [...SYSTEM_PROPERTIES, { label: 'Entities', key: 'entities', kind: 'any' }], at));
    else note(at, 'the system has no properties table (Property | Value) under its heading, so its id is missing');
    unexpected(props && isPropertyTable(props) ? rest : top, at);
    if (entities.length > 0) {
      system.entities = entities.map((entitySection, entityIndex) => {
        const entityAt = enter(at, `${at.pointer}/entities/${entityIndex}`, `entity heading "${entitySection.title}"`);
        const entity: JsonObject = { name: entitySection.title.trim() };
        const leftover: Block[] = [];
        for (const block of entitySection.blocks) {
          if (isPropertyTable(block)) Object.assign(entity, readProperties(block, [{ label: 'Name', key: 'name', kind: 'any' }, ...ENTITY_PROPERTIES], entityAt));
          else if (block.kind === 'table' && entity.fields === undefined) entity.fields = readTable(block, FIELD_COLUMNS, enter(entityAt, `${entityAt.pointer}/fields`));
          else leftover.push(block);
        }
        unexpected(leftover, entityAt);
        return orderKeys(entity, ['name', 'description', 'fields']);
      });
    }
    return orderKeys(system, ['id', 'name', 'docs', 'description', 'entities']);
  });
}

function readUseCases(blocks: Block[], children: BlockPage[], place: Place): unknown {
  const [table, ...rest] = blocks.filter((block) => !isEmptyParagraph(block));
  if (!table || table.kind !== 'table') {
    const value = readLoneValue(blocks, place);
    if (value === undefined) note(place, 'there is no use-case table under this heading, so the spec has no use cases');
    return value;
  }
  unexpected(rest, place);
  const pageColumn = { label: USE_CASE_PAGE_COLUMN, key: PAGE_KEY, kind: 'text' as const };
  const rows = readTable(table, [...USE_CASE_COLUMNS, pageColumn], place);
  const used = new Set<BlockPage>();
  // Lookups by title, and a cursor to the first page not used yet: a tree of thousands of
  // use-case pages is read in one pass, not a search of every page for every row.
  const byTitle = new Map<string, BlockPage>();
  for (const child of children) if (!byTitle.has(child.title.trim())) byTitle.set(child.title.trim(), child);
  let unused = 0;
  const nextUnused = (): BlockPage | undefined => {
    while (unused < children.length && used.has(children[unused]!)) unused++;
    return children[unused];
  };
  const useCases = rows.map((row, index) => {
    const { [PAGE_KEY]: pageTitle, ...useCase } = row;
    const page = typeof pageTitle === 'string' ? byTitle.get(pageTitle.trim()) : nextUnused();
    const rowPlace = enter(place, `${place.pointer}/${index}`, `${place.at} row ${index + 2}${typeof useCase.id === 'string' ? ` (${useCase.id})` : ''}`);
    if (!page) {
      note(rowPlace, typeof pageTitle === 'string' ? `there is no child page titled "${pageTitle}", so this use case has no story or data flows` : 'no child page is left for this use case, so it has no story or data flows');
      return useCase;
    }
    if (used.has(page)) {
      // Read once: a thousand rows naming one long page must not read it a thousand times.
      note(rowPlace, `the page "${page.title}" is named by two rows; only the first reads it, so this use case has no story or data flows`);
      return useCase;
    }
    used.add(page);
    // The use case is where its page is: that is where a person reads and edits it.
    place.places?.elements.set(rowPlace.pointer, { page: page.title });
    Object.assign(useCase, readUseCasePage(page, { ...rowPlace, page: page.title, at: undefined }));
    return orderKeys(useCase, ['id', 'title', 'story', 'stakeholders', 'dataFlows']);
  });
  for (const child of children) {
    if (!used.has(child)) note({ ...place, page: child.title }, 'this child page is not named in the use-case table of its parent, so it is not read; add a row for it');
  }
  return useCases;
}

function readUseCasePage(page: BlockPage, place: Place): JsonObject {
  const useCase: JsonObject = {};
  const { before, sections } = splitSections(page.body, 2);
  unexpected(before, within(place, 'top of the page'));
  const flows: JsonObject[] = [];
  for (const section of sections) {
    const name = section.title.trim().toLowerCase();
    const at = within(place, `heading "${section.title}"`);
    if (name === HEADINGS.story.toLowerCase()) useCase.story = readParagraphs(section.blocks, at);
    else if (name === 'data flows' && !section.blocks.some(isPropertyTable)) useCase.dataFlows = readLoneValue(section.blocks, enter(at, `${place.pointer}/dataFlows`));
    else flows.push(readDataFlow(section.blocks, enter(at, `${place.pointer}/dataFlows/${flows.length}`)));
  }
  if (flows.length > 0) useCase.dataFlows = flows;
  return useCase;
}

function readDataFlow(blocks: Block[], place: Place): JsonObject {
  const { before, sections } = splitSections(blocks, 3);
  const [props, ...rest] = before.filter((block) => !isEmptyParagraph(block));
  const flow: JsonObject = {};
  const endpointColumns: Column[] = [
    { label: 'Source', key: 'source', kind: 'any' },
    { label: 'Source system', key: 'source.system', kind: 'text' },
    { label: 'Source entities', key: 'source.entities', kind: 'list' },
    { label: 'Target', key: 'target', kind: 'any' },
    { label: 'Target system', key: 'target.system', kind: 'text' },
    { label: 'Target entities', key: 'target.entities', kind: 'list' },
  ];
  if (props && isPropertyTable(props)) {
    const read = readProperties(props, [...DATA_FLOW_PROPERTIES, ...endpointColumns], place);
    const endpointParts = new Map(endpointColumns.filter((column) => column.key.includes('.')).map((column) => [column.key, column.key.split('.') as [string, string]]));
    for (const [key, value] of Object.entries(read)) {
      // Only the template's endpoint rows are parts of an object; an extension (`x-a.b`) is a key as written.
      const parts = endpointParts.get(key);
      if (!parts) setOwn(flow, key, value);
      else {
        const [end, part] = parts;
        if (Object.hasOwn(flow, end) && !isObject(flow[end])) {
          note(place, `the ${end} is given twice, as a whole and by its parts; the ${end} ${part} row is read and the other value is not`);
          delete flow[end];
        }
        const endpoint = (flow[end] ??= {}) as JsonObject;
        endpoint[part] = value;
      }
    }
  } else note(place, 'the data flow has no properties table (Property | Value) under its heading, so its id, source and target are missing');
  unexpected(props && isPropertyTable(props) ? rest : before, place);
  // A Map: a heading is text anyone types, and "constructor" is no key of the template.
  const lists = new Map<string, [string, Column[]]>([
    [HEADINGS.triggers.toLowerCase(), ['triggers', TRIGGER_COLUMNS]],
    [HEADINGS.outcomes.toLowerCase(), ['outcomes', OUTCOME_COLUMNS]],
    [HEADINGS.mappings.toLowerCase(), ['mappings', MAPPING_COLUMNS]],
    [HEADINGS.tests.toLowerCase(), ['tests', TEST_COLUMNS]],
  ]);
  for (const section of sections) {
    const at = within(place, `${place.at ?? ''} › "${section.title}"`.replace(/^ › /, ''));
    const entry = lists.get(section.title.trim().toLowerCase());
    if (entry) flow[entry[0]] = readList(section.blocks, entry[1], enter(at, `${place.pointer}/${entry[0]}`));
    else note(at, 'this heading is not part of the data flow template, so its content is not read');
  }
  return orderKeys(flow, ['id', 'title', 'description', 'source', 'target', 'triggers', 'outcomes', 'mappings', 'tests']);
}

// ---- sections, tables, values -------------------------------------------------------------

const PAGE_KEY = '\u0000page';

interface Section {
  title: string;
  blocks: Block[];
}

/** Splits blocks at headings of `level`; deeper headings stay inside their section. */
function splitSections(blocks: Block[], level: number): { before: Block[]; sections: Section[] } {
  const before: Block[] = [];
  const sections: Section[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading' && block.level === level) sections.push({ title: block.text, blocks: [] });
    else (sections[sections.length - 1]?.blocks ?? before).push(block);
  }
  return { before, sections };
}

function isEmptyParagraph(block: Block): boolean {
  return block.kind === 'paragraph' && decodeValue(block.content, 'text').value === undefined;
}

/** Blocks the template does not expect where they are: each is a finding, never silently dropped. */
function unexpected(blocks: Block[], place: Place): void {
  for (const block of blocks) {
    if (isEmptyParagraph(block)) continue;
    const what =
      block.kind === 'heading' ? `a level-${block.level} heading "${block.text}"` : block.kind === 'table' ? `a table (${headerText(block.rows[0] ?? [])})` : `the text "${clip(inlineText(block.content))}"`;
    note(place, `${what} is not where the template expects it, so it is not read; a heading may have been deleted or moved`);
  }
}

function readParagraphs(blocks: Block[], place: Place): unknown {
  const content: Inline[][] = [];
  const other: Block[] = [];
  for (const block of blocks) (block.kind === 'paragraph' ? content.push(block.content) : other.push(block));
  unexpected(other, place);
  return decodeParagraphs(content);
}

/** The one paragraph of a section, decoded as `kind` (a comma list, or any JSON value); other blocks are findings. */
function readSingleValue(blocks: Block[], place: Place, kind: 'list' | 'any'): unknown {
  const [first, ...rest] = blocks.filter((block) => !isEmptyParagraph(block));
  if (!first) return undefined;
  unexpected(rest, place);
  if (first.kind !== 'paragraph') {
    unexpected([first], place);
    return undefined;
  }
  return decodeValue(first.content, kind).value;
}

const readListParagraph = (blocks: Block[], place: Place) => readSingleValue(blocks, place, 'list');
/** A value written as JSON in a paragraph (a list that is not a list of objects, null…). */
const readLoneValue = (blocks: Block[], place: Place) => readSingleValue(blocks, place, 'any');

/** A section holding a table of objects (or a JSON value in a paragraph); an empty section is an empty list. */
function readList(blocks: Block[], columns: Column[], place: Place): unknown {
  const [first, ...rest] = blocks.filter((block) => !isEmptyParagraph(block));
  if (!first) {
    note(place, 'there is no table under this heading; it is read as an empty list');
    return [];
  }
  unexpected(rest, place);
  if (first.kind === 'paragraph') return decodeValue(first.content, 'any').value;
  if (first.kind !== 'table') {
    unexpected([first], place);
    return [];
  }
  return readTable(first, columns, place);
}

function isPropertyTable(block: Block): boolean {
  if (block.kind !== 'table') return false;
  const header = block.rows[0] ?? [];
  return header.length === 2 && cellText(header[0]!).toLowerCase() === PROPERTY_HEADER[0].toLowerCase() && cellText(header[1]!).toLowerCase() === PROPERTY_HEADER[1].toLowerCase();
}

function readProperties(table: Block, props: Column[], place: Place): JsonObject {
  const out: JsonObject = {};
  if (table.kind !== 'table') return out;
  table.rows.slice(1).forEach((row, index) => {
    const label = row[0] ? cellText(row[0]) : '';
    const at = within(place, `${place.at ?? 'properties'} row ${index + 2}${label ? ` (${label})` : ''}`);
    if (row.some((cell) => cell.span)) note(at, 'the row has a merged cell; split it so the row has a property name and a value');
    if (row.length !== 2) note(at, `the row has ${row.length} cells; a property row has two (name and value)`);
    if (label === '' && row.slice(1).every((cell) => decodeCell(cell, 'text').value === undefined)) return;
    const prop = props.find((candidate) => candidate.label.toLowerCase() === label.toLowerCase());
    const column: Column | undefined = prop ?? (isKeyName(label) ? { label, key: label, kind: 'any' } : undefined);
    if (!column) {
      note(at, `"${label}" is not a property of the template, so its value is not read`);
      return;
    }
    const decoded = row[1] ? decodeCell(row[1], column.kind) : { ok: true as const, value: undefined };
    if (!decoded.ok) note(at, decoded.message);
    out[column.key] = decoded.ok ? decoded.value : row[1] && cellText(row[1]);
  });
  return out;
}

/**
 * Reads a table of objects by its header: columns may come in any order; a column the template does
 * not name is read under its own name when it is a key (`x-…`), else reported. Empty rows are skipped.
 */
function readTable(table: Block & { kind: 'table' }, columns: Column[], place: Place): JsonObject[] {
  const [header = [], ...rows] = table.rows;
  const where = place.at ?? 'table';
  const mapped = header.map((cell): Column | undefined => {
    const label = cellText(cell);
    const column = columns.find((candidate) => candidate.label.toLowerCase() === label.toLowerCase());
    if (column) return column;
    if (label === '') return undefined;
    if (isKeyName(label)) return { label, key: label, kind: 'any' };
    note(place, `the column "${label}" is not part of the template, so its values are not read; rename it to one of ${columns.map((c) => c.label).join(', ')}, or prefix it with x- to keep it as an extension`);
    return undefined;
  });
  if (header.some((cell) => cell.span)) note(place, 'the header row has a merged cell; columns after it may be read under the wrong name');
  const out: JsonObject[] = [];
  rows.forEach((row, index) => {
    const idCell = mapped.findIndex((column) => column?.key === 'id');
    const idText = idCell >= 0 && row[idCell] ? cellText(row[idCell]!) : '';
    // Empty rows are skipped, so a row's element is the next one of the list.
    const at = enter(place, `${place.pointer}/${out.length}`, `${where} row ${index + 2}${idText ? ` (${idText})` : ''}`);
    if (row.some((cell) => cell.span)) note(at, 'the row has a merged cell; its values may be read under the wrong column, so split it');
    if (row.length !== header.length) note(at, `the row has ${row.length} cells and the header ${header.length}; values may be in the wrong column`);
    const item: JsonObject = {};
    row.forEach((cell, column) => {
      const target = mapped[column];
      if (!target) {
        if (column >= header.length && decodeCell(cell, 'text').value !== undefined) note(at, `cell ${column + 1} has no column header, so its value is not read`);
        return;
      }
      const decoded = decodeCell(cell, target.kind);
      if (!decoded.ok) note(at, `${target.label}: ${decoded.message}; it is kept as text`);
      const value = decoded.ok ? decoded.value : cellText(cell);
      if (value !== undefined) item[target.key] = value;
    });
    if (Object.keys(item).length > 0) out.push(orderKeys(item, columns.map((column) => column.key)));
  });
  return out;
}

/** A header that names a key as it is: an `x-` extension. */
function isKeyName(label: string): boolean {
  return /^x-/.test(label);
}

function decodeCell(cell: Cell, kind: Column['kind']) {
  const filled = cell.paragraphs.filter((content) => decodeValue(content, 'text').value !== undefined);
  if (filled.length <= 1) return decodeValue(filled[0] ?? [], kind);
  // Several paragraphs in one cell (people press Enter): joined by line breaks, as text.
  return decodeValue([{ kind: 'text', text: filled.map((content) => inlineText(content).trim()).join('\n') }], kind === 'any' ? 'text' : kind);
}

function cellText(cell: Cell): string {
  return cell.paragraphs.map(inlineText).join(' ').replace(/\u00a0/g, ' ').trim();
}

function headerText(row: Cell[]): string {
  return row.map(cellText).join(' | ');
}

function clip(text: string): string {
  return text.length > 60 ? text.slice(0, 60) + '…' : text;
}

/** The keys in the format's order, then the rest as they came. */
function orderKeys(object: JsonObject, order: string[]): JsonObject {
  const out: JsonObject = {};
  for (const key of order) if (Object.hasOwn(object, key) && object[key] !== undefined) setOwn(out, key, object[key]);
  for (const [key, value] of Object.entries(object)) if (!Object.hasOwn(out, key) && value !== undefined) setOwn(out, key, value);
  return out;
}
