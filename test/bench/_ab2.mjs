import { dump } from 'js-yaml';
import { generateSpec } from './generate-spec.mjs';
const builds = { old: '/tmp/cmp/old/dist', new: '/tmp/cmp/new/dist' };
const mods = {};
for (const [k, p] of Object.entries(builds)) mods[k] = { core: await import(p + '/index.js'), ctx: await import(p + '/check/context.js') };
const l = mods.old.core.loadSource(dump(generateSpec(), { lineWidth: -1, noRefs: true }), 'yaml');
const ids = ['entity-ref', 'field-ref', 'type-mismatch', 'lookup-coverage', 'required-target-unmapped'];
const times = {};
for (let r = 0; r < 12; r++) for (const k of ['old', 'new']) {
  const { core, ctx } = mods[k];
  const index = core.indexSpec(l.value);
  const c = ctx.createCheckContext(index);
  for (const rule of core.RULES.filter((x) => ids.includes(x.id))) {
    const s = performance.now(); rule.check(c); const d = performance.now() - s;
    ((times[rule.id] ??= { old: [], new: [] })[k]).push(d);
  }
}
const med = (x) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)];
for (const [id, t] of Object.entries(times)) console.log(id.padEnd(26), 'old', med(t.old).toFixed(1).padStart(6), ' new', med(t.new).toFixed(1).padStart(6));
