/**
 * Generates a large, realistic spec as plain data for the benchmark: many use cases, each with
 * data flows full of field mappings and test cases, against entities that declare their fields
 * (so entity-ref, field-ref, type-mismatch, lookup-coverage and required-target-unmapped do real
 * work). Deterministic: the same options give the same document.
 */

/** A small seeded PRNG (mulberry32), so every run benchmarks the same document. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n, width = 3) => String(n).padStart(width, '0');

/** The scalar field types, in the order fields cycle through them. */
const SCALAR_TYPES = ['string', 'string', 'number', 'integer', 'string', 'boolean', 'date', 'datetime', 'string', 'number'];
const STATUSES = ['new', 'active', 'on-hold', 'closed', 'archived'];
const TARGET_STATUSES = ['NEW', 'ACTIVE', 'HOLD', 'CLOSED'];

const SCALAR_FIELDS = 90;

/** What analysts write next to direct mappings; `#` is the field number. */
const DESCRIPTIONS = [
  'Copied as is: field # means the same on both sides',
  'Both systems store field # in the same unit; no conversion needed',
  'Agreed with the target team on the last design review: field # maps one to one',
  'Field # is optional in the source; the target leaves it empty when missing',
  'The target validates field # itself and rejects bad values with a 400',
];

function scalarField(i) {
  const type = SCALAR_TYPES[i % SCALAR_TYPES.length];
  return { name: `f${pad(i)}`, type };
}

/** Fields shared by every generated entity: scalars, a status enum, a nested address, two arrays. */
function entityFields(side) {
  const fields = [];
  for (let i = 0; i < SCALAR_FIELDS; i++) {
    const { name, type } = scalarField(i);
    const field = { path: name, type };
    if (i % 3 === 0) field.description = `The ${side} system's field ${i}, ${type === 'string' ? 'free text' : `a ${type}`}`;
    if (side === 'target' && i < 3) field.required = true;
    if (side === 'source' && i === 0) field.required = true;
    if (type === 'string' && i % 20 === 4) field.format = 'email';
    fields.push(field);
  }
  fields.push({ path: 'status', type: 'string', enum: side === 'source' ? STATUSES : TARGET_STATUSES });
  for (const part of ['line1', 'line2', 'city', 'postalCode', 'country']) fields.push({ path: `address.${part}`, type: 'string' });
  if (side === 'source') {
    fields.push({ path: 'items[].sku', type: 'string', required: true });
    fields.push({ path: 'items[].title', type: 'string' });
    fields.push({ path: 'items[].quantity', type: 'integer' });
    fields.push({ path: 'items[].price', type: 'number' });
    fields.push({ path: 'contacts[].kind', type: 'string' });
    fields.push({ path: 'contacts[].email', type: 'string', format: 'email' });
  } else {
    fields.push({ path: 'lines[].itemCode', type: 'string', required: true });
    fields.push({ path: 'lines[].description', type: 'string' });
    fields.push({ path: 'lines[].quantity', type: 'number' });
    fields.push({ path: 'lines[].unitPrice', type: 'number' });
    fields.push({ path: 'contacts[].type', type: 'string' });
    fields.push({ path: 'contacts[].email', type: 'string', format: 'email' });
  }
  return fields;
}

/** A sample value of a declared type, for test records. */
function sampleValue(type, n) {
  switch (type) {
    case 'number':
      return Math.round(n * 137.31) / 100;
    case 'integer':
      return n % 1000;
    case 'boolean':
      return n % 2 === 0;
    case 'date':
      return `2025-0${(n % 9) + 1}-1${n % 10}`;
    case 'datetime':
      return `2025-0${(n % 9) + 1}-1${n % 10}T0${n % 10}:30:00Z`;
    default:
      return `value-${n}`;
  }
}

const INPUTS = [
  { id: 'company', label: 'Company', help: 'The company code documents are posted to', type: 'string', required: true },
  { id: 'region', label: 'Region', help: 'The sales region of new records', type: 'enum', options: ['EMEA', 'AMER', 'APAC'], required: false, default: 'EMEA' },
  { id: 'owner', label: 'Default owner', help: 'Who new records are assigned to', type: 'string', required: true },
  { id: 'prefix', label: 'Reference prefix', help: 'Put in front of every external reference', type: 'string', required: false, default: 'EXT-' },
];

/**
 * Transform templates: (source entity, field index, flow number) → [expression, description].
 * Varied, as in real specs, and parameterised so most expressions are distinct texts.
 */
const TRANSFORMS = [
  (e, i, n) => [`${e}.f${pad(i)} & " " & ${e}.f${pad(i + 1)}`, 'Join the two name parts with a space'],
  (e, i, n) => [`${e}.f${pad(i)} > ${n % 500} ? "large" : "small"`, `Records over ${n % 500} count as large`],
  (e, i, n) => [`$round(${e}.f${pad(i)} * ${(1 + (n % 30) / 100).toFixed(2)}, 2)`, 'Add the surcharge'],
  (e, i) => [`$uppercase(${e}.f${pad(i)})`, 'The target stores codes in upper case'],
  (e, i) => [`$inputs.prefix & ${e}.f${pad(i)}`, 'The reference prefix the end user chose, then the source id'],
  (e, i, n) => [`${e}.status = "closed" ? "CLOSED" : (${e}.f${pad(i)} ? "ACTIVE" : "NEW")`, 'Closed stays closed; others depend on the flag'],
  (e, i) => [`$substring(${e}.f${pad(i)}, 0, 10)`, 'The date part of the timestamp'],
  (e, i, n) => [`$sum(${e}.items.(quantity * price)) + ${n % 50}`, 'Line total plus the handling fee'],
  (e, i) => [`$join([${e}.address.line1, ${e}.address.line2], ", ")`, 'One street line'],
  (e, i, n) => [`$exists(${e}.f${pad(i)}) ? ${e}.f${pad(i)} : "${'n/a-' + (n % 97)}"`, 'Fall back when the field is missing'],
  (e, i) => [`$inputs.region = "EMEA" ? "EU-" & ${e}.f${pad(i)} : ${e}.f${pad(i)}`, 'European records carry the EU prefix'],
];

/**
 * @param {{ useCases?: number, flowsPerUseCase?: number, mappingsPerFlow?: number, testsPerFlow?: number,
 *           entities?: number, typoRate?: number, seed?: number }} [options]
 */
export function generateSpec(options = {}) {
  const {
    useCases: useCaseCount = 50,
    flowsPerUseCase = 3,
    mappingsPerFlow = 100,
    testsPerFlow = 20,
    entities: entityCount = 10,
    typoRate = 1 / 250,
    seed = 42,
  } = options;
  const rnd = random(seed);

  const sourceEntities = [];
  const targetEntities = [];
  for (let e = 0; e < entityCount; e++) {
    sourceEntities.push({ name: `Source${e}`, fields: entityFields('source') });
    targetEntities.push({ name: `Target${e}`, fields: entityFields('target') });
  }

  const spec = {
    specwright: 1,
    id: 'bench-large-spec',
    title: 'Benchmark: a large generated spec',
    status: 'draft',
    owner: 'Benchmark generator',
    businessCase: {
      summary:
        'A generated integration between a source and a target system, large enough to measure how the loader and the checker scale with the size of a spec.',
      value: [{ stakeholder: 'Engineering', benefit: 'Knows how fast a check runs on a large spec' }],
      stakeholders: ['Engineering'],
    },
    systems: [
      { id: 'source', name: 'Source system', docs: 'https://example.com/source', entities: sourceEntities },
      { id: 'target', name: 'Target system', docs: 'https://example.com/target', entities: targetEntities },
    ],
    inputs: INPUTS,
    useCases: [],
  };

  let flowNumber = 0;
  for (let u = 1; u <= useCaseCount; u++) {
    const useCase = {
      id: `UC-${u}`,
      title: `Use case ${u}`,
      story: `When record batch ${u} changes in the source system, I want it written to the target, so that team ${u} works from current data.`,
      stakeholders: ['Engineering'],
      dataFlows: [],
    };
    for (let d = 1; d <= flowsPerUseCase; d++) {
      flowNumber++;
      const flowId = `DF-${u}-${d}`;
      const entityIndex = flowNumber % entityCount;
      const src = `Source${entityIndex}`;
      const tgt = `Target${entityIndex}`;
      const mappings = [];
      /** Per mapping: what a test gives and what it expects, to build the test cases from. */
      const facts = [];

      for (let k = 0; k < mappingsPerFlow; k++) {
        const id = `${flowId}.FM-${k + 1}`;
        const slot = k % 100;
        const field = k % SCALAR_FIELDS;
        const { type } = scalarField(field);
        let mapping;
        let given = {};
        let expect = {};
        const isTransform = (slot % 10 === 3 && slot < 90) || slot === 87;
        if (isTransform) {
          const template = TRANSFORMS[(Math.floor(slot / 10) + flowNumber) % TRANSFORMS.length];
          const [expression, description] = template(src, field, flowNumber * 7 + k);
          mapping = { id, target: `${tgt}.f${pad(field)}`, transform: expression, description };
          given = { [`f${pad(field)}`]: sampleValue(type, k), [`f${pad(field + 1)}`]: sampleValue(scalarField(field + 1).type, k) };
          expect = { [`f${pad(field)}`]: sampleValue(type, k + 1) };
        } else if (slot === 5 || slot === 25 || slot === 45) {
          mapping = {
            id,
            target: slot === 5 ? `${tgt}.status` : `${tgt}.f${pad(field)}`,
            source: `${src}.status`,
            lookup: { new: 'NEW', active: 'ACTIVE', 'on-hold': 'HOLD', closed: 'CLOSED' },
          };
          // Without a default, the lookup must cover every source value (lookup-coverage).
          if (slot === 45) mapping.lookup.archived = 'CLOSED';
          if (slot !== 45) mapping.default = 'ACTIVE';
          given = { status: 'on-hold' };
          expect = { [slot === 5 ? 'status' : `f${pad(field)}`]: 'HOLD' };
        } else if (slot === 15 || slot === 55) {
          mapping = { id, target: `${tgt}.f${pad(field)}`, constant: sampleValue(type, slot) };
          expect = { [`f${pad(field)}`]: sampleValue(type, slot) };
        } else if (slot === 35 || slot === 75) {
          mapping = { id, target: `${tgt}.f${pad(field)}`, input: slot === 35 ? 'company' : 'owner' };
          expect = { [`f${pad(field)}`]: slot === 35 ? 'C01' : 'owner-1' };
        } else if (slot >= 90 && slot <= 93) {
          const [from, to] = [['sku', 'itemCode'], ['title', 'description'], ['quantity', 'quantity'], ['price', 'unitPrice']][slot - 90];
          mapping = { id, target: `${tgt}.lines[].${to}`, source: `${src}.items[].${from}` };
          given = { items: [{ [from]: sampleValue(from === 'quantity' ? 'integer' : from === 'price' ? 'number' : 'string', k) }] };
          expect = { lines: [{ [to]: given.items[0][from] }] };
        } else if (slot === 94 || slot === 95) {
          const kind = slot === 94 ? 'Billing' : 'Shipping';
          mapping = { id, target: `${tgt}.contacts[type=${kind}].email`, source: `${src}.contacts[kind=${kind.toLowerCase()}].email` };
          given = { contacts: [{ kind: kind.toLowerCase(), email: `${kind.toLowerCase()}@example.com` }] };
          expect = { contacts: [{ type: kind, email: `${kind.toLowerCase()}@example.com` }] };
        } else if (slot >= 96) {
          const part = ['line1', 'city', 'postalCode', 'country'][slot - 96];
          mapping = { id, target: `${tgt}.address.${part}`, source: `${src}.address.${part}` };
          given = { address: { [part]: `${part}-${k}` } };
          expect = { address: { [part]: `${part}-${k}` } };
        } else {
          mapping = { id, target: `${tgt}.f${pad(field)}`, source: `${src}.f${pad(field)}` };
          if (k % 2 === 0) mapping.description = DESCRIPTIONS[(k + flowNumber) % DESCRIPTIONS.length].replace('#', String(field));
          given = { [`f${pad(field)}`]: sampleValue(type, k) };
          expect = { [`f${pad(field)}`]: sampleValue(type, k) };
        }
        // A realistic share of slips: a misspelt source field (field-ref fires).
        if (mapping.source && rnd() < typoRate) mapping.source = mapping.source.replace(/\.f(\d+)$/, '.fld$1');
        mappings.push(mapping);
        facts.push({ given, expect });
      }

      const tests = [];
      const perTest = Math.ceil(mappingsPerFlow / Math.max(1, testsPerFlow - 1));
      for (let t = 0; t < testsPerFlow; t++) {
        const id = `${flowId}.TC-${t + 1}`;
        if (t === testsPerFlow - 1) {
          // The last test of each flow leaves the required inputs out and expects the errors.
          tests.push({
            id,
            title: 'The required inputs must be filled in',
            given: { [src]: { f000: 'value-0' } },
            inputs: {},
            expectErrors: [
              { input: 'company', code: 'required' },
              { input: 'owner', code: 'required' },
            ],
          });
          continue;
        }
        // Test records carry some context beyond what the test asserts, as real ones do.
        const given = { f000: `value-${t}`, f001: `context-${t}`, f004: `person${t}@example.com`, f008: `note ${t} for ${flowId}`, status: 'active' };
        const expect = {};
        for (const fact of facts.slice(t * perTest, (t + 1) * perTest)) {
          mergeInto(given, fact.given);
          mergeInto(expect, fact.expect);
        }
        tests.push({
          id,
          title: `Test ${t + 1} of ${flowId}: mappings ${t * perTest + 1} to ${Math.min(mappingsPerFlow, (t + 1) * perTest)}`,
          given: { [src]: given },
          inputs: { company: 'C01', owner: 'owner-1', region: 'EMEA', prefix: 'EXT-' },
          expect: { [tgt]: expect },
        });
      }

      useCase.dataFlows.push({
        id: flowId,
        title: `${src} → ${tgt} (${flowId})`,
        source: { system: 'source', entities: [src] },
        target: { system: 'target', entities: [tgt] },
        triggers: [
          { id: `${flowId}.TR-1`, type: 'event', event: `source.${src.toLowerCase()}.changed`, filter: `${src}.status != "archived"` },
          { id: `${flowId}.TR-2`, type: 'query', schedule: 'every 1h', criteria: `${src}.f007 > $lastRun`, backupFor: `${flowId}.TR-1` },
        ],
        outcomes: [
          { id: `${flowId}.OC-1`, type: 'success', when: '200 OK', then: 'Store the target id on the source record' },
          { id: `${flowId}.OC-2`, type: 'failure', when: '400 validation error', action: 'dead-letter', then: 'Park the record and tell the owner' },
          { id: `${flowId}.OC-3`, type: 'failure', when: '429 or 5xx', action: 'retry', retry: { maxAttempts: 5, backoff: 'exponential' } },
        ],
        mappings,
        tests,
      });
    }
    spec.useCases.push(useCase);
  }
  return spec;
}

/** Merges plain records; arrays are appended element by element (for items and contacts). */
function mergeInto(target, source) {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (Array.isArray(value)) {
      if (Array.isArray(existing)) {
        // One list per record: the first element carries every item field, further contacts append.
        if (key === 'contacts') existing.push(...value.map((v) => ({ ...v })));
        else Object.assign(existing[0], value[0]);
      } else {
        target[key] = value.map((v) => ({ ...v }));
      }
    } else if (value && typeof value === 'object') {
      target[key] = target[key] && typeof target[key] === 'object' ? target[key] : {};
      mergeInto(target[key], value);
    } else {
      target[key] = value;
    }
  }
}
