import type { AnyElement, ElementKind, SpecIndex } from '../model/spec-index.js';
import { LAYERS, LAYER_TITLES, type Layer } from '../rules/index.js';
import { RULE_CATALOGUE } from '../rules/catalogue.js';
import type { Finding } from '../model/finding.js';

/** An element that is not complete yet, and the rules that say why. */
export interface IncompleteElement {
  id: string;
  path: string;
  rules: string[];
}

export interface LayerCompleteness {
  layer: Layer;
  title: string;
  /** Elements of the layer, plus elements above it that this layer's rules find something missing under. */
  total: number;
  complete: number;
  /** complete / total, 1 when the layer has nothing to measure. */
  ratio: number;
  incomplete: IncompleteElement[];
}

export interface CompletenessReport {
  /** Complete elements over all elements, across all layers, 0 to 1. */
  overall: number;
  /** The biggest layer that is not complete yet: where the analyst should work next. `complete` when none. */
  stage: Layer | 'complete';
  layers: LayerCompleteness[];
}

const LAYER_OF_KIND: Record<ElementKind, Layer> = {
  spec: 'businessCase',
  useCase: 'useCases',
  system: 'dataFlows',
  dataFlow: 'dataFlows',
  trigger: 'details',
  outcome: 'details',
  mapping: 'details',
  input: 'details',
  test: 'tests',
};

/**
 * How complete each design layer is, big to small. An element is complete when no error or
 * warning of its layer names it; infos never count against it.
 */
export function measureCompleteness(
  index: SpecIndex,
  findings: readonly Finding[],
  rules: readonly { id: string; layer: Layer | 'element' }[] = RULE_CATALOGUE,
): CompletenessReport {
  const ruleLayer = new Map(rules.map((r) => [r.id, r.layer] as const));
  const members = new Map<Layer, Map<string, AnyElement>>(LAYERS.map((l) => [l, new Map()]));
  const put = (layer: Layer, element: AnyElement) => members.get(layer)!.set(element.path, element);

  put('businessCase', index.root);
  index.useCases.forEach((e) => put('useCases', e));
  index.dataFlows.forEach((e) => put('dataFlows', e));
  [...index.triggers, ...index.outcomes, ...index.mappings].forEach((e) => put('details', e));
  index.tests.forEach((e) => put('tests', e));

  const reasons = new Map<Layer, Map<string, Set<string>>>(LAYERS.map((l) => [l, new Map()]));
  for (const finding of findings) {
    if (finding.severity === 'info') continue;
    const element = index.byPath.get(finding.path);
    if (!element) continue;
    const declared = ruleLayer.get(finding.rule);
    const layer = declared && declared !== 'element' ? declared : LAYER_OF_KIND[element.kind];
    put(layer, element);
    const byPath = reasons.get(layer)!;
    const set = byPath.get(element.path) ?? new Set<string>();
    set.add(finding.rule);
    byPath.set(element.path, set);
  }

  let allTotal = 0;
  let allComplete = 0;
  let stage: CompletenessReport['stage'] = 'complete';
  const layers = LAYERS.map((layer): LayerCompleteness => {
    const elements = [...members.get(layer)!.values()];
    const why = reasons.get(layer)!;
    const incomplete = elements.filter((e) => why.has(e.path)).map((e) => ({ id: e.id, path: e.path, rules: [...why.get(e.path)!] }));
    const total = elements.length;
    const complete = total - incomplete.length;
    allTotal += total;
    allComplete += complete;
    if (stage === 'complete' && incomplete.length > 0) stage = layer;
    return { layer, title: LAYER_TITLES[layer], total, complete, ratio: total === 0 ? 1 : round(complete / total), incomplete };
  });
  return { overall: allTotal === 0 ? 1 : round(allComplete / allTotal), stage, layers };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Adds several files' reports into one: counts add up, the stage is the earliest of them. */
export function combineCompleteness(reports: readonly CompletenessReport[]): CompletenessReport {
  if (reports.length === 1) return reports[0]!;
  const layers = LAYERS.map((layer, i): LayerCompleteness => {
    const parts = reports.map((r) => r.layers[i]!);
    const total = parts.reduce((n, p) => n + p.total, 0);
    const complete = parts.reduce((n, p) => n + p.complete, 0);
    return { layer, title: LAYER_TITLES[layer], total, complete, ratio: total === 0 ? 1 : round(complete / total), incomplete: parts.flatMap((p) => p.incomplete) };
  });
  const total = layers.reduce((n, l) => n + l.total, 0);
  const complete = layers.reduce((n, l) => n + l.complete, 0);
  const stages = reports.map((r) => r.stage);
  const stage = LAYERS.find((l) => stages.includes(l)) ?? 'complete';
  return { overall: total === 0 ? 1 : round(complete / total), stage, layers };
}
