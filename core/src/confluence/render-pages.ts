import { encodeParagraphs, encodeValue, isPlainText } from './cell-values.js';
import type { Block, BlockPage, Cell, Inline } from './page-tree.js';
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
import { getOwn, isObject, type JsonObject } from '../model/json.js';

/**
 * Lays a spec document out as the template's page tree (docs/confluence-template.md): a root page
 * for the spec and one child page per use case. Every value is written so that `readSpecPages`
 * gives it back exactly; keys the template has no place for (`x-` extensions) become extra rows
 * or columns named by the key.
 */
export function renderSpecPages(spec: JsonObject, options: RenderOptions = {}): BlockPage[] {
  const guide = options.guidance === true;
  const hint: Hint = (key) => (guide ? [paragraph([{ kind: 'placeholder', text: GUIDANCE[key] }])] : []);
  const rootTitle = isPlainText(spec.title) ? spec.title : isPlainText(spec.id) ? spec.id : 'Untitled spec';
  const titles = new Set([rootTitle]);
  const children: BlockPage[] = [];
  const blocks: Block[] = [];

  const specProps = isPlainText(spec.title) ? SPEC_PROPERTIES : [...SPEC_PROPERTIES, { label: 'Title', key: 'title', kind: 'any' as const }];
  pushTable(blocks, propertyTable(spec, specProps, ['title', 'businessCase', 'systems', 'inputs', 'useCases']));

  if (spec.businessCase !== undefined || guide) {
    blocks.push(heading(2, HEADINGS.businessCase), ...hint('businessCase'));
    const bc = spec.businessCase;
    if (isObject(bc)) {
      if (bc.summary !== undefined || guide) blocks.push(heading(3, HEADINGS.summary), ...hint('summary'), ...paragraphs(bc.summary));
      if (bc.value !== undefined || guide) blocks.push(heading(3, HEADINGS.value), ...hint('value'), listTable(bc.value ?? [], VALUE_COLUMNS));
      if (bc.stakeholders !== undefined || guide) blocks.push(heading(3, HEADINGS.stakeholders), ...hint('stakeholders'), paragraph(encodeValue(bc.stakeholders, 'list')));
      if (bc.market !== undefined || guide) blocks.push(heading(3, HEADINGS.market), ...hint('market'), ...paragraphs(bc.market));
      const extensions = propertyTable(bc, [], ['summary', 'value', 'stakeholders', 'market']);
      if (extensions) blocks.push(heading(3, HEADINGS.extensions), extensions);
    } else {
      blocks.push(paragraph(encodeValue(bc, 'any')));
    }
  }

  if (spec.systems !== undefined || guide) {
    blocks.push(heading(2, HEADINGS.systems), ...hint('systems'));
    if (Array.isArray(spec.systems ?? [])) ((spec.systems ?? []) as unknown[]).forEach((system, index) => blocks.push(...systemBlocks(system, index)));
    else blocks.push(paragraph(encodeValue(spec.systems, 'any')));
  }

  if (spec.inputs !== undefined || guide) blocks.push(heading(2, HEADINGS.inputs), ...hint('inputs'), listTable(spec.inputs ?? [], INPUT_COLUMNS));

  if (spec.useCases !== undefined || guide) {
    blocks.push(heading(2, HEADINGS.useCases), ...hint('useCases'));
    const useCases = spec.useCases ?? [];
    if (Array.isArray(useCases) && useCases.every(isObject)) {
      const uniqueTitle = uniqueTitles(titles);
      const pageTitles = useCases.map((useCase, index) => uniqueTitle(useCaseTitle(useCase, index)));
      const rows = useCases.map((useCase, index) => ({ ...omit(useCase, ['story', 'dataFlows']), [PAGE_KEY]: pageTitles[index] }));
      blocks.push(objectsTable(rows, [...USE_CASE_COLUMNS, { label: USE_CASE_PAGE_COLUMN, key: PAGE_KEY, kind: 'text' }]));
      useCases.forEach((useCase, index) => children.push({ title: pageTitles[index]!, parent: rootTitle, body: useCaseBlocks(useCase, hint, guide) }));
    } else {
      blocks.push(paragraph(encodeValue(spec.useCases, 'any')));
    }
  }

  return [{ title: rootTitle, parent: null, body: blocks }, ...children];
}

const PAGE_KEY = '\u0000page';

export interface RenderOptions {
  /** Add the template's guidance as instructional text (shown while editing, never read back). */
  guidance?: boolean;
}

type Hint = (key: keyof typeof GUIDANCE) => Block[];

/** What belongs in each section, in the spirit of the design workflow: big to small. */
export const GUIDANCE = {
  businessCase: 'Work big to small: settle the business case before the use cases. Keep it short — about a page at most.',
  summary: 'What the integration does and why, in a paragraph or two.',
  value: 'One row per stakeholder: what each of them gets from the integration.',
  stakeholders: 'Who the integration is for, comma-separated (for example: Sales, Marketing, RevOps).',
  market: 'Optional: the market or competitive view (what competitors already offer).',
  systems: 'One heading per endpoint system (at least two: a source and a target), with its id. Under it, one heading per entity with a table of its fields, so field references can be checked.',
  inputs: 'Values the end user fills in when setting up the integration. Give every input a label and help text.',
  useCases: 'One row per use case. Each use case has a child page, named in the Page column, with its story and data flows.',
  story: 'One story, not paragraphs: "As a …, I want …, so that …" or "When …, I want …, so that …" (80 words at most).',
  dataFlow: 'One heading per data flow; one to three per use case is healthy. Name the source and target system and their entities.',
  triggers: 'What starts the flow: an event (a webhook), a query on a schedule (add one as a backup for events), a file, or a manual start.',
  outcomes: 'At least one success, and the failures you expect (validation errors, rate limits, outages), each with an action: retry, notify, dead-letter, skip or halt.',
  mappings: 'One row per target field: from a source path, an input, a constant or a JSONata transform; a lookup maps values, with a default. Values that are not text are JSON in code: `42`, `true`, `{"form": "Lead"}`.',
  tests: 'A test case for every mapping and every branch of a transform: the source records it is given and the target records it expects, as JSON in code.',
} as const;

/** A spec with every section empty: what `specwright convert --template` renders, with guidance. */
export const BLANK_SPEC: JsonObject = {
  specwright: 1,
  id: 'new-integration',
  title: 'New integration spec',
  status: 'draft',
  businessCase: {},
  systems: [
    { id: 'source', name: 'Source system', entities: [{ name: 'SourceEntity', fields: [] }] },
    { id: 'target', name: 'Target system', entities: [{ name: 'TargetEntity', fields: [] }] },
  ],
  inputs: [],
  useCases: [
    {
      id: 'UC-1',
      title: 'First use case',
      dataFlows: [
        {
          id: 'DF-1',
          title: 'Source entity → target entity',
          source: { system: 'source', entities: ['SourceEntity'] },
          target: { system: 'target', entities: ['TargetEntity'] },
          triggers: [],
          outcomes: [],
          mappings: [],
          tests: [],
        },
      ],
    },
  ],
};

/** The blank template's page tree, with guidance in every section. */
export function renderTemplatePages(): BlockPage[] {
  return renderSpecPages(structuredClone(BLANK_SPEC), { guidance: true });
}

function systemBlocks(system: unknown, index: number): Block[] {
  if (!isObject(system)) return [heading(3, `System ${index + 1}`), paragraph(encodeValue(system, 'any'))];
  const blocks: Block[] = [heading(3, isPlainText(system.name) ? system.name : isPlainText(system.id) ? system.id : `System ${index + 1}`)];
  const entitiesInline = system.entities !== undefined && !(Array.isArray(system.entities) && system.entities.length > 0 && system.entities.every(isObject));
  const props = entitiesInline ? [...SYSTEM_PROPERTIES, { label: 'Entities', key: 'entities', kind: 'any' as const }] : SYSTEM_PROPERTIES;
  pushTable(blocks, propertyTable(system, props, entitiesInline ? [] : ['entities']), true);
  if (!entitiesInline && Array.isArray(system.entities)) {
    for (const entity of system.entities as JsonObject[]) {
      const named = isPlainText(entity.name);
      blocks.push(heading(4, named ? (entity.name as string) : 'Entity'));
      const props = named ? ENTITY_PROPERTIES : [{ label: 'Name', key: 'name', kind: 'any' as const }, ...ENTITY_PROPERTIES];
      pushTable(blocks, propertyTable(entity, props, named ? ['name', 'fields'] : ['fields']));
      if (entity.fields !== undefined) blocks.push(listTable(entity.fields, FIELD_COLUMNS));
    }
  }
  return blocks;
}

function useCaseBlocks(useCase: JsonObject, hint: Hint, guide: boolean): Block[] {
  const blocks: Block[] = [];
  if (useCase.story !== undefined || guide) blocks.push(heading(2, HEADINGS.story), ...hint('story'), ...paragraphs(useCase.story));
  const flows = useCase.dataFlows;
  if (flows === undefined) return blocks;
  if (!Array.isArray(flows) || flows.length === 0 || !flows.every(isObject)) {
    blocks.push(heading(2, 'Data flows'), paragraph(encodeValue(flows, 'any')));
    return blocks;
  }
  flows.forEach((flow: JsonObject, index) => {
    blocks.push(heading(2, dataFlowHeading(flow, index)), ...hint('dataFlow'));
    const props = [...DATA_FLOW_PROPERTIES, ...endpointRows(flow, 'source', 'Source'), ...endpointRows(flow, 'target', 'Target')];
    pushTable(blocks, propertyTable(flow, props, ['source', 'target', 'triggers', 'outcomes', 'mappings', 'tests'], endpointValues(flow)), true);
    if (flow.triggers !== undefined) blocks.push(heading(3, HEADINGS.triggers), ...hint('triggers'), listTable(flow.triggers, TRIGGER_COLUMNS));
    if (flow.outcomes !== undefined) blocks.push(heading(3, HEADINGS.outcomes), ...hint('outcomes'), listTable(flow.outcomes, OUTCOME_COLUMNS));
    if (flow.mappings !== undefined) blocks.push(heading(3, HEADINGS.mappings), ...hint('mappings'), listTable(flow.mappings, MAPPING_COLUMNS));
    if (flow.tests !== undefined) blocks.push(heading(3, HEADINGS.tests), ...hint('tests'), listTable(flow.tests, TEST_COLUMNS));
  });
  return blocks;
}

/** A data flow's heading: its title, unless that would read as another heading of the page. */
function dataFlowHeading(flow: JsonObject, index: number): string {
  const free = (text: unknown): text is string => isPlainText(text) && !RESERVED_CHILD_HEADINGS.includes(text.toLowerCase());
  return free(flow.title) ? flow.title : free(flow.id) ? flow.id : `Data flow ${index + 1}`;
}

const RESERVED_CHILD_HEADINGS = [HEADINGS.story.toLowerCase(), 'data flows'];

/** An endpoint as two rows (`Source system`, `Source entities`), or one JSON row when it holds more. */
export function isSimpleEndpoint(value: unknown): value is JsonObject {
  return isObject(value) && Object.keys(value).every((key) => key === 'system' || key === 'entities');
}

function endpointRows(flow: JsonObject, key: 'source' | 'target', label: string): Column[] {
  const value = flow[key];
  if (value === undefined) return [];
  if (isSimpleEndpoint(value)) return [
    { label: `${label} system`, key: `${key}.system`, kind: 'text' },
    { label: `${label} entities`, key: `${key}.entities`, kind: 'list' },
  ];
  return [{ label, key, kind: 'any' }];
}

function endpointValues(flow: JsonObject): JsonObject {
  const values: JsonObject = {};
  for (const key of ['source', 'target'] as const) {
    const value = flow[key];
    if (isSimpleEndpoint(value)) {
      values[`${key}.system`] = value.system;
      values[`${key}.entities`] = value.entities;
    } else if (value !== undefined) values[key] = value;
  }
  return values;
}

function useCaseTitle(useCase: JsonObject, index: number): string {
  const id = isPlainText(useCase.id) ? useCase.id : `Use case ${index + 1}`;
  return isPlainText(useCase.title) ? `${id}: ${useCase.title}` : id;
}

/**
 * Page titles made unique with ` (2)`, ` (3)`…: the smallest number not taken. Each title
 * remembers where its numbers have got to, so a thousand use cases of one title are not a
 * million lookups.
 */
function uniqueTitles(taken: Set<string>): (title: string) => string {
  const next = new Map<string, number>();
  return (title) => {
    let candidate = title;
    let n = next.get(title) ?? 2;
    if (taken.has(candidate)) {
      while (taken.has(`${title} (${n})`)) n++;
      candidate = `${title} (${n})`;
      next.set(title, n + 1);
    }
    taken.add(candidate);
    return candidate;
  };
}

// ---- blocks -------------------------------------------------------------------------------

const heading = (level: number, text: string): Block => ({ kind: 'heading', level, text });
const paragraph = (content: Inline[]): Block => ({ kind: 'paragraph', content });
const paragraphs = (value: unknown): Block[] => encodeParagraphs(value).map(paragraph);
const cell = (content: Inline[], header = false): Cell => (header ? { paragraphs: [content], header } : { paragraphs: [content] });
const textCell = (text: string, header = false): Cell => cell([{ kind: 'text', text }], header);

function pushTable(blocks: Block[], table: Block | undefined, always = false): void {
  if (table) blocks.push(table);
  else if (always) blocks.push({ kind: 'table', rows: [PROPERTY_HEADER.map((label) => textCell(label, true))] });
}

/**
 * A two-column table of an object's properties: the named ones that are set, then every other key
 * (not in `skip`) under its own name. `overrides` supplies values for keys that are not plain keys.
 */
function propertyTable(object: JsonObject, props: Column[], skip: string[], overrides: JsonObject = {}): Block | undefined {
  const rows: Cell[][] = [];
  for (const prop of props) {
    const value = Object.hasOwn(overrides, prop.key) ? overrides[prop.key] : getOwn(object, prop.key);
    if (value === undefined) continue;
    rows.push([textCell(prop.label), cell(encodeValue(value, prop.kind))]);
  }
  const named = new Set([...props.map((prop) => prop.key), ...skip]);
  for (const [key, value] of Object.entries(object)) {
    if (!named.has(key) && value !== undefined) rows.push([textCell(key), cell(encodeValue(value, 'any'))]);
  }
  if (rows.length === 0) return undefined;
  return { kind: 'table', rows: [PROPERTY_HEADER.map((label) => textCell(label, true)), ...rows] };
}

/** A list as a table when it is a list of objects, else its JSON in a paragraph. */
function listTable(value: unknown, columns: Column[]): Block {
  if (Array.isArray(value) && value.every(isObject)) return objectsTable(value, columns);
  return paragraph(encodeValue(value, 'any'));
}

/** One row per object; every template column, then a column for each other key (by its name). */
function objectsTable(items: JsonObject[], columns: Column[]): Block {
  const all = [...columns];
  const named = new Set(columns.map((column) => column.key));
  for (const item of items) {
    for (const key of Object.keys(item)) {
      if (!named.has(key)) {
        named.add(key);
        all.push({ label: key, key, kind: 'any' });
      }
    }
  }
  // Own values only: a row without a `constructor` key has no value in that column.
  return {
    kind: 'table',
    rows: [all.map((column) => textCell(column.label, true)), ...items.map((item) => all.map((column) => cell(encodeValue(getOwn(item, column.key), column.kind))))],
  };
}

function omit(object: JsonObject, keys: string[]): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}
