import type { FieldFormat, FieldType } from '../model/schema.js';

/**
 * One field of an imported schema, whatever it came from (JSON Schema, OpenAPI, sample records,
 * a spec's entity), in the contract's path syntax without the entity name: `billingAddress.zip`,
 * `emails[].value`.
 */
export interface SchemaField {
  path: string;
  type?: FieldType;
  format?: FieldFormat;
  required: boolean;
  enum?: unknown[];
  description?: string;
  /** Values seen in sample records (value overlap is a matching signal). */
  examples?: unknown[];
  /** Objects with declared properties and arrays of objects: they hold fields and are never matched themselves. */
  container?: boolean;
}

/** A source or target entity for automap and import. */
export interface ImportedEntity {
  name: string;
  system?: string;
  description?: string;
  fields: SchemaField[];
}

/** One suggested pair; `score` is 0–1, `reasons` say why, in words a person can check. */
export interface AutomapMatch {
  source: string;
  target: string;
  score: number;
  reasons: string[];
}

/** A target that needs several source fields (full name ← first + last): proposed, never a direct match. */
export interface ProposedTransform {
  target: string;
  sources: string[];
  transform: string;
  score: number;
  reasons: string[];
}

export interface AutomapResult {
  matches: AutomapMatch[];
  unmatched: { source: string[]; target: string[] };
  transforms: ProposedTransform[];
}

/** A mapping a team accepted in an earlier spec: paths without entity names. */
export interface AcceptedPair {
  source: string;
  target: string;
}

export interface AutomapOptions {
  /** Mappings accepted in earlier specs, ranked first. */
  memory?: readonly AcceptedPair[];
  /** Suggestions scoring below this are left unmatched (default chosen by the matcher). */
  minScore?: number;
}

export class SchemaImportError extends Error {
  override name = 'SchemaImportError';
  constructor(
    message: string,
    /** JSON Pointer into the schema document where the problem is. */
    readonly pointer = '',
  ) {
    super(message);
  }
}
