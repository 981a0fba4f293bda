import type { AutomapOptions, AutomapResult, ImportedEntity } from './schema-field.js';

/**
 * Suggests 1:1 field mappings from a source entity to a target entity, each with a score and
 * reasons. (The matcher is being built: for now exact path matches only.)
 */
export function suggestMappings(source: ImportedEntity, target: ImportedEntity, options: AutomapOptions = {}): AutomapResult {
  void options;
  const leaves = (e: ImportedEntity) => e.fields.filter((f) => !f.container).map((f) => f.path);
  const targets = new Set(leaves(target));
  const matches = leaves(source)
    .filter((p) => targets.has(p))
    .map((p) => ({ source: p, target: p, score: 1, reasons: ['same path'] }));
  const matchedSources = new Set(matches.map((m) => m.source));
  return {
    matches,
    unmatched: { source: leaves(source).filter((p) => !matchedSources.has(p)), target: leaves(target).filter((p) => !matchedSources.has(p)) },
    transforms: [],
  };
}
