// Meta-tests over the registry: every check is exercised by some fixture (so removing it fails a
// test), ids are kebab-case, evidence is present and names absolute paths, fixes are wired.
import assert from 'node:assert/strict';
import { posix, win32 } from 'node:path';
import { test } from 'node:test';
import { CHECK_CRASHED, CHECKS, runChecks } from '../../../src/checks/index.js';
import type { Check } from '../../../src/checks/types.js';
import { ALL_SCENARIOS, predictionFor, reportFor } from './scenarios.js';

/** Findings about a setting's value rather than a place on disk. */
const ABOUT_VALUES = new Set(['path-entry-with-tilde', 'pythonnousersite-set']);
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const reports = ALL_SCENARIOS.map(({ scenario, expect }) => ({
  scenario,
  expect,
  report: reportFor(scenario),
}));

test('check ids and the finding ids they declare are kebab-case and unique', () => {
  const checkIds = CHECKS.map((c) => c.id);
  assert.equal(new Set(checkIds).size, checkIds.length, 'duplicate check id');
  const findingIds = CHECKS.flatMap((c) => c.findings);
  assert.equal(new Set(findingIds).size, findingIds.length, 'two checks declare the same finding id');
  for (const id of [...checkIds, ...findingIds, CHECK_CRASHED]) assert.match(id, KEBAB);
});

test('every declared finding id is produced by at least one fixture', () => {
  const produced = new Set(reports.flatMap((r) => r.report.findings.map((f) => f.id)));
  const missing = CHECKS.flatMap((c) => c.findings).filter((id) => !produced.has(id));
  assert.deepEqual(missing, [], 'finding ids no fixture exercises');
});

test('removing any check changes some golden result', () => {
  for (const removed of CHECKS) {
    const without = CHECKS.filter((c) => c !== removed);
    const noticed = ALL_SCENARIOS.some(({ scenario, expect }) => {
      const { findings } = runChecks(
        { facts: scenario.facts, prediction: predictionFor(scenario), installArgs: scenario.installArgs },
        without,
      );
      return findings.map((f) => f.id).join() !== expect.findings.join();
    });
    assert.ok(noticed, `no fixture notices when ${removed.id} is removed`);
  }
});

test('checks only report the finding ids they declare', () => {
  for (const { scenario } of ALL_SCENARIOS) {
    for (const check of CHECKS) {
      const context = {
        facts: scenario.facts,
        prediction: predictionFor(scenario),
        installArgs: scenario.installArgs,
      };
      for (const d of check.run(context))
        assert.ok(check.findings.includes(d.finding.id), `${check.id} reported ${d.finding.id}`);
    }
  }
});

test('findings carry evidence, absolute paths, a one-line title, and fixes that exist', () => {
  for (const { scenario, report } of reports) {
    const path = scenario.facts.host.platform === 'win32' ? win32 : posix;
    for (const f of report.findings) {
      const where = `${scenario.name} ${f.id}`;
      assert.ok(f.evidence.length > 0, `${where}: no evidence`);
      assert.ok(
        !f.title.includes('\n') && !f.title.endsWith('.'),
        `${where}: title must be one line without a final period`,
      );
      // Lower-case like pip's and uv's messages; names (PATH, Python, PYTHONHOME) keep their case.
      assert.doesNotMatch(
        f.title,
        /^(The|A|An|This|That|It|Your|You|There|Pip)\b/,
        `${where}: titles start lower-case`,
      );
      for (const e of f.evidence) {
        assert.ok(e.label && e.value, `${where}: empty evidence`);
        if (e.path !== undefined)
          assert.ok(path.isAbsolute(e.path), `${where}: evidence path ${e.path} is not absolute`);
      }
      const fromEnv = f.evidence.every((e) => e.value.startsWith('environment variable'));
      if (!ABOUT_VALUES.has(f.id) && !fromEnv) {
        assert.ok(
          f.evidence.some((e) => e.path !== undefined),
          `${where}: evidence names no path`,
        );
      }
      for (const id of f.fixes) {
        const fix = report.fixes.find((x) => x.id === id);
        assert.ok(fix, `${where}: fix ${id} missing`);
        assert.ok(fix.for.includes(f.id), `${where}: fix ${id} does not point back`);
      }
    }
    for (const fix of report.fixes) {
      assert.match(fix.id, KEBAB);
      assert.ok(fix.commands.length > 0, `${scenario.name} ${fix.id}: no commands`);
      assert.ok(
        report.findings.some((f) => f.fixes.includes(fix.id)),
        `${scenario.name} ${fix.id}: orphan fix`,
      );
    }
  }
});

test('errors come before warnings, warnings before info', () => {
  const rank = { error: 0, warning: 1, info: 2 };
  for (const { report } of reports) {
    const ranks = report.findings.map((f) => rank[f.severity]);
    assert.deepEqual(
      ranks,
      [...ranks].sort((a, b) => a - b),
    );
  }
});

test('a check that throws becomes a check-crashed finding and the others still run', () => {
  const boom: Check = {
    id: 'boom',
    findings: [],
    run() {
      throw new Error('cannot read property of undefined\nstack...');
    },
  };
  const { scenario, expect } = ALL_SCENARIOS[0] as (typeof ALL_SCENARIOS)[number];
  const context = {
    facts: scenario.facts,
    prediction: predictionFor(scenario),
    installArgs: scenario.installArgs,
  };
  const { findings } = runChecks(context, [boom, ...CHECKS]);
  const crashed = findings.find((f) => f.id === CHECK_CRASHED);
  assert.ok(crashed);
  assert.deepEqual(crashed.evidence, [{ label: 'boom', value: 'cannot read property of undefined' }]);
  assert.deepEqual(
    findings.filter((f) => f.id !== CHECK_CRASHED).map((f) => f.id),
    expect.findings,
  );
});
