// The scenario matrix is well-formed and the CI plan keeps to its budget (pure; no sandbox needed).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { plan, SMOKE } from './matrix.js';
import { type Interpreter, SCENARIOS } from './scenarios.js';

const python = (version: string, pip: string, extra: Partial<Interpreter> = {}): Interpreter => ({
  executable: `/root/.pyenv/versions/${version}/bin/python`,
  version,
  short: version.split('.').slice(0, 2).join('.'),
  pipVersion: pip,
  stdlib: `/root/.pyenv/versions/${version}/lib/python${version.slice(0, 4)}`,
  purelib: `/root/.pyenv/versions/${version}/lib/python${version.slice(0, 4)}/site-packages`,
  pipParent: null,
  pipDistInfo: null,
  hasVenv: !version.startsWith('2.'),
  pyenvVersion: version,
  externallyManaged: false,
  ...extra,
});

const machine = [
  python('2.7.18', '19.2.3'),
  python('3.6.15', '18.1'),
  python('3.11.7', '23.2.1'),
  python('3.12.1', '23.2.1'),
  python('3.13.0', '24.2'),
  python('3.11.2', '23.0.1', { executable: '/usr/bin/python3', pyenvVersion: null, externallyManaged: true }),
];

test('scenario ids are unique kebab-case and the smoke set exists', () => {
  const ids = SCENARIOS.map((s) => s.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  for (const id of SMOKE) assert.ok(ids.includes(id), id);
});

test('the CI plan runs fewer pairs than the full one, and never a venv on Python 2', () => {
  const full = plan(machine, 'full');
  const ci = plan(machine, 'ci');
  assert.ok(ci.runs.length < full.runs.length);
  assert.ok(full.runs.every((r) => !(r.scenario.venv && r.python.version.startsWith('2.'))));
  assert.ok(full.skipped.some((line) => line.includes('no venv module')));
  // 3.12.1 repeats 3.11.7's pip: smoke only.
  const smoke = ci.runs.filter((r) => r.python.version === '3.12.1').map((r) => r.scenario.id);
  assert.deepEqual(smoke.sort(), [...SMOKE].sort());
  // Debian already has a marker: root-pep668 would repeat root-plain.
  const system = ci.runs.filter((r) => r.python.pyenvVersion === null).map((r) => r.scenario.id);
  assert.ok(system.includes('root-plain') && !system.includes('root-pep668'));
});

test('observed.json has no unclassified result', (t) => {
  const file = fileURLToPath(
    new URL('../../../../test/fixtures/differential/observed.json', import.meta.url),
  );
  if (!existsSync(file)) return t.skip('observed.json not recorded yet');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as {
    entries: Array<{ key: string; observed: { outcome: string } }>;
  };
  assert.ok(doc.entries.length > 0);
  const unknown = doc.entries.filter((e) => e.observed.outcome === 'unknown').map((e) => e.key);
  assert.deepEqual(unknown, []);
  const keys = doc.entries.map((e) => e.key);
  assert.equal(new Set(keys).size, keys.length, 'one entry per (interpreter, scenario)');
});
