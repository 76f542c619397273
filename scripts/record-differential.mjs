// Records what REAL pip does in every differential scenario on every interpreter on this machine
// and writes test/fixtures/differential/observed.json (the pip model's ground truth).
// Needs root; run `npx tsc -p tsconfig.json && node scripts/build.mjs` first.
//   node scripts/record-differential.mjs [--only id,...] [--python 3.11,system,...] [--merge] [--keep] [--out file]
// --merge replaces (or adds) just the recorded entries in an existing file. Each log line also
// shows pip-doctor's prediction for the same scenario (not written to the file).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    python: { type: 'string' },
    keep: { type: 'boolean' },
    merge: { type: 'boolean' },
    out: { type: 'string' },
  },
});
const dir = '../build/test/system/differential';
const { findInterpreters, label } = await import(`${dir}/interpreters.js`);
const { plan, prepare, sandboxUnavailable, toEntry } = await import(`${dir}/matrix.js`);
const { pool, runScenario } = await import(`${dir}/sandbox.js`);

const unavailable = sandboxUnavailable();
if (unavailable) {
  console.error(`cannot record: ${unavailable}`);
  process.exit(2);
}
const only = values.only?.split(',');
const versions = values.python?.split(',');
const interpreters = findInterpreters().filter(
  (p) => !versions || versions.some((v) => (v === 'system' ? !p.pyenvVersion : p.version.startsWith(v))),
);
const { runs, skipped } = plan(interpreters, 'full');
const selected = runs.filter((r) => !only || only.includes(r.scenario.id));
const { scratch, wheel } = prepare(interpreters[0].executable);
const started = Date.now();
let done = 0;
let disagreements = 0;
const entries = await pool(selected, 2, async ({ scenario, python }) => {
  const run = await runScenario(scenario, python, {
    cli: resolve('dist/cli.cjs'),
    wheel,
    scratch,
    keep: values.keep,
  });
  const entry = toEntry(run);
  done++;
  const o = entry.observed;
  let doctor = `doctor exit ${run.doctor.exitCode}`;
  try {
    const p = JSON.parse(run.doctor.stdout).prediction;
    const same = p.outcome === o.outcome && (o.directory === null || p.directory === o.directory);
    if (!same) disagreements++;
    doctor = same ? 'doctor agrees' : `DOCTOR SAYS ${p.outcome} ${p.directory}`;
  } catch {
    disagreements++;
  }
  console.error(
    `[${done}/${selected.length}] ${label(python)} ${scenario.id}: ${o.outcome} ${o.directory ?? o.errorPath ?? ''} (${run.ms} ms; ${doctor})`,
  );
  return entry;
});
if (!values.keep) rmSync(scratch, { recursive: true, force: true });
else console.error(`scratch dirs kept in ${scratch}`);
const out = values.out ?? 'test/fixtures/differential/observed.json';
let all = entries;
if (values.merge && existsSync(out)) {
  const fresh = new Map(entries.map((e) => [e.key, e]));
  const old = JSON.parse(readFileSync(out, 'utf8')).entries;
  all = old.map((e) => fresh.get(e.key) ?? e);
  const oldKeys = new Set(old.map((e) => e.key));
  all.push(...entries.filter((e) => !oldKeys.has(e.key)));
}
const doc = {
  description:
    'What real pip did in each differential scenario (test/system/differential). Recorded by scripts/record-differential.mjs.',
  recordedAt: new Date().toISOString(),
  skipped,
  entries: all,
};
writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
console.error(
  `wrote ${all.length} entries to ${out} in ${Math.round((Date.now() - started) / 1000)} s; pip-doctor disagreed on ${disagreements} of ${entries.length}`,
);
