import type { ValueKind } from './cell-values.js';

/** A column of a template table, or a row of a property table: what people see, and the key it holds. */
export interface Column {
  label: string;
  key: string;
  kind: ValueKind;
}

const col = (label: string, key: string, kind: ValueKind = 'text'): Column => ({ label, key, kind });

/** Headings of the template, so renderer and parser agree. */
export const HEADINGS = {
  businessCase: 'Business case',
  summary: 'Summary',
  value: 'Value',
  stakeholders: 'Stakeholders',
  market: 'Market',
  systems: 'Systems',
  inputs: 'End-user inputs',
  useCases: 'Use cases',
  story: 'Story',
  triggers: 'Triggers',
  outcomes: 'Outcomes',
  mappings: 'Field mappings',
  tests: 'Test cases',
  extensions: 'Extensions',
} as const;

export const PROPERTY_HEADER = ['Property', 'Value'] as const;

export const SPEC_PROPERTIES = [col('Spec id', 'id'), col('Format version', 'specwright', 'any'), col('Status', 'status', 'status'), col('Owner', 'owner')];
export const SYSTEM_PROPERTIES = [col('Id', 'id'), col('Name', 'name'), col('Docs', 'docs'), col('Description', 'description')];
export const ENTITY_PROPERTIES = [col('Description', 'description')];
export const DATA_FLOW_PROPERTIES = [col('Id', 'id'), col('Title', 'title'), col('Description', 'description')];

export const VALUE_COLUMNS = [col('Stakeholder', 'stakeholder'), col('Benefit', 'benefit')];
export const FIELD_COLUMNS = [col('Path', 'path'), col('Type', 'type'), col('Required', 'required', 'bool'), col('Format', 'format'), col('Enum', 'enum', 'list'), col('Description', 'description')];
export const INPUT_COLUMNS = [
  col('Id', 'id'),
  col('Label', 'label'),
  col('Help', 'help'),
  col('Type', 'type'),
  col('Options', 'options', 'list'),
  col('Required', 'required', 'bool'),
  col('Default', 'default', 'any'),
];
export const USE_CASE_COLUMNS = [col('Id', 'id'), col('Title', 'title'), col('Stakeholders', 'stakeholders', 'list')];
/** The use-case table's link to the child page that holds the story and data flows. */
export const USE_CASE_PAGE_COLUMN = 'Page';
export const TRIGGER_COLUMNS = [
  col('Id', 'id'),
  col('Type', 'type'),
  col('Event', 'event'),
  col('Schedule', 'schedule'),
  col('Criteria', 'criteria'),
  col('Location', 'location'),
  col('Filter', 'filter'),
  col('Backup for', 'backupFor'),
  col('Description', 'description'),
];
export const OUTCOME_COLUMNS = [col('Id', 'id'), col('Type', 'type'), col('When', 'when'), col('Then', 'then'), col('Action', 'action'), col('Retry', 'retry', 'any')];
export const MAPPING_COLUMNS = [
  col('Id', 'id'),
  col('Source', 'source'),
  col('Target', 'target'),
  col('Transform', 'transform'),
  col('Lookup', 'lookup', 'any'),
  col('Default', 'default', 'any'),
  col('Input', 'input'),
  col('Constant', 'constant', 'any'),
  col('Description', 'description'),
];
export const TEST_COLUMNS = [
  col('Id', 'id'),
  col('Title', 'title'),
  col('Given', 'given', 'any'),
  col('Inputs', 'inputs', 'any'),
  col('Expect', 'expect', 'any'),
  col('Expect errors', 'expectErrors', 'any'),
];
