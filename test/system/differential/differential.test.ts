// Differential test: in each scenario, pip-doctor's prediction must equal what real pip then does
// in the same namespace, as the same user, with the same environment and working directory.
//
// By default (CI budget: about 3 minutes on 2 cores) the full matrix runs on representative
// interpreters, the core scenarios once per other pip version and a smoke set on the rest (see
// matrix.ts). PIP_DOCTOR_DIFFERENTIAL=full runs every scenario on every interpreter; =quick only
// the smoke scenarios (about 40 runs, under a minute).
// Each pair also checks that real pip still does what test/fixtures/differential/observed.json says.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findInterpreters, label } from './interpreters.js';
import {
  describePlan,
  entryKey,
  type ObservedEntry,
  observation,
  type PlanMode,
  plan,
  prepare,
  REPRESENTATIVE,
  sandboxUnavailable,
} from './matrix.js';
import { onSameBranch } from './observe.js';
import { pool, runScenario, type ScenarioRun } from './sandbox.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CLI = `${ROOT}dist/cli.cjs`;
const FIXTURE = `${ROOT}test/fixtures/differential/observed.json`;

interface DoctorPrediction {
  outcome: string;
  directory: string | null;
  scriptsDirectory?: string | null;
  pipExitCode?: number;
  messages?: string[];
}

function doctorPrediction(run: ScenarioRun): DoctorPrediction {
  const { exitCode, stdout, stderr } = run.doctor;
  assert.ok(
    exitCode === 0 || exitCode === 1,
    `pip-doctor check exited ${exitCode}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`,
  );
  let report: { prediction?: DoctorPrediction };
  try {
    report = JSON.parse(stdout);
  } catch {
    assert.fail(
      `pip-doctor check printed no JSON (exit ${exitCode}): ${stdout.slice(0, 200)} ${stderr.trim()}`,
    );
  }
  assert.ok(report.prediction, 'the JSON report has a prediction');
  return report.prediction;
}

function describeRun(run: ScenarioRun): string {
  const observed = observation(run);
  return [
    `scenario: ${run.scenario.description} (uid ${run.scenario.uid})`,
    `pip ${run.pipArgs.join(' ')} -> exit ${run.pip.exitCode}`,
    ...observed.lines.slice(0, 8).map((line) => `  | ${line}`),
  ].join('\n');
}

function loadFixture(): Map<string, ObservedEntry> {
  if (!existsSync(FIXTURE)) return new Map();
  const doc = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { entries: ObservedEntry[] };
  return new Map(doc.entries.map((e) => [e.key, e]));
}

test('differential: pip-doctor check --json agrees with real pip', async (t) => {
  const unavailable = sandboxUnavailable();
  if (unavailable) return t.skip(unavailable);
  const interpreters = findInterpreters();
  if (interpreters.length === 0) return t.skip('no Python interpreters on this machine');
  const requested = process.env.PIP_DOCTOR_DIFFERENTIAL;
  const mode: PlanMode = requested === 'full' || requested === 'quick' ? requested : 'ci';
  // Narrowing for debugging: PIP_DOCTOR_DIFFERENTIAL_PYTHON=3.13,system PIP_DOCTOR_DIFFERENTIAL_ONLY=id,...
  const pythons = process.env.PIP_DOCTOR_DIFFERENTIAL_PYTHON?.split(',');
  const only = process.env.PIP_DOCTOR_DIFFERENTIAL_ONLY?.split(',');
  const chosen = interpreters.filter(
    (p) => !pythons || pythons.some((v) => (v === 'system' ? !p.pyenvVersion : p.version.startsWith(v))),
  );
  const planned = plan(chosen, mode);
  const runs = planned.runs.filter((r) => !only || only.includes(r.scenario.id));
  const skipped = planned.skipped;
  const scope = {
    full: 'the full matrix on every interpreter',
    quick: 'the smoke scenarios on every interpreter',
    ci:
      `the full matrix on ${REPRESENTATIVE.join(', ')}, core scenarios once per other pip version, ` +
      'smoke scenarios on the rest',
  }[mode];
  t.diagnostic(`${runs.length} runs: ${scope} (PIP_DOCTOR_DIFFERENTIAL=full|quick|ci)`);
  for (const line of describePlan(runs)) t.diagnostic(line);
  for (const line of skipped) t.diagnostic(`not applicable: ${line}`);
  // Fail fast (not after minutes of sandboxes) while `check` cannot answer at all.
  const preflight = spawnSync(
    process.execPath,
    [CLI, 'check', '--python', interpreters[0]!.executable, '--json'],
    {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, NO_COLOR: '1' },
    },
  );
  const answered =
    (preflight.status === 0 || preflight.status === 1) && /"prediction"/.test(preflight.stdout ?? '');
  assert.ok(
    answered,
    `pip-doctor check does not work yet (exit ${preflight.status}), so nothing can be compared: ` +
      `${(preflight.stderr || String(preflight.error ?? '')).trim().split('\n').slice(-2).join(' | ')}`,
  );

  const { scratch, wheel } = prepare(interpreters[0]!.executable);
  const started = Date.now();
  let results: ScenarioRun[];
  try {
    results = await pool(runs, 2, (r) => runScenario(r.scenario, r.python, { cli: CLI, wheel, scratch }));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  t.diagnostic(`ran ${results.length} scenarios in ${Math.round((Date.now() - started) / 1000)} s`);
  const recorded = loadFixture();

  for (const run of results) {
    const key = entryKey(run.python, run.scenario);
    const name = `${label(run.python)} ${run.scenario.id}`;
    const observed = observation(run);

    await t.test(`real pip: ${name} is classified and matches observed.json`, (st) => {
      assert.notEqual(observed.outcome, 'unknown', `real pip's result not recognised\n${describeRun(run)}`);
      const entry = recorded.get(key);
      if (entry?.pipVersion !== run.python.pipVersion) {
        return st.skip(
          `${key} (pip ${run.python.pipVersion}) is not in observed.json: run scripts/record-differential.mjs`,
        );
      }
      const pick = (o: typeof observed) => [o.outcome, o.directory, o.scriptsDirectory, o.pipExitCode];
      assert.deepEqual(
        pick(observed),
        pick(entry.observed),
        `real pip changed since it was recorded\n${describeRun(run)}`,
      );
    });

    await t.test(`pip-doctor: ${name}`, () => {
      const predicted = doctorPrediction(run);
      const context = `\n${describeRun(run)}\npredicted: ${JSON.stringify(predicted)}`;
      assert.equal(predicted.outcome, observed.outcome, `outcome${context}`);
      if (observed.directory !== null) {
        assert.equal(predicted.directory, observed.directory, `directory${context}`);
      } else if (observed.outcome === 'error-permission' && observed.errorPath) {
        assert.ok(
          predicted.directory && onSameBranch(predicted.directory, observed.errorPath),
          `directory ${predicted.directory} is not where pip failed (${observed.errorPath})${context}`,
        );
      }
      if (observed.pipExitCode === 0 && observed.scriptsDirectory !== null) {
        assert.equal(predicted.scriptsDirectory, observed.scriptsDirectory, `scriptsDirectory${context}`);
      }
      if (typeof predicted.pipExitCode === 'number') {
        assert.equal(predicted.pipExitCode, observed.pipExitCode, `pip's exit status${context}`);
      }
    });
  }
});
