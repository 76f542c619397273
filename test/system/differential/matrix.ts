// Which (interpreter, scenario) pairs run, and the fixture record of what real pip did in each.
import { spawnSync } from 'node:child_process';
import { tempDir } from '../../fixtures/temp.js';
import { label } from './interpreters.js';
import { type Observation, observe } from './observe.js';
import type { ScenarioRun } from './sandbox.js';
import { duplicatesMarker, type Interpreter, notApplicable, SCENARIOS, type Scenario } from './scenarios.js';
import { buildTinyWheel } from './wheel.js';

/** Interpreters that get the full matrix in the test (newest pyenv pip, and Debian's patched pip). */
export const REPRESENTATIVE = ['3.13', 'system'];

/** The handful of scenarios run on interpreters whose pip version is already covered. */
export const SMOKE = ['root-plain', 'nobody-plain', 'nobody-venv-root-owned-sys', 'root-pep668'];

export function isRepresentative(python: Interpreter): boolean {
  return REPRESENTATIVE.includes(python.pyenvVersion ? python.short : 'system');
}

export interface PlannedRun {
  scenario: Scenario;
  python: Interpreter;
}

export interface Plan {
  runs: PlannedRun[];
  /** "<interpreter>: <scenario> - <reason>" for pairs that cannot be built. */
  skipped: string[];
}

export type PlanMode = 'full' | 'ci' | 'quick';

/**
 * `quick`: SMOKE on every interpreter. `full`: every scenario everywhere. `ci` (the test's budget): the full matrix on REPRESENTATIVE
 * interpreters, the core scenarios on the first pyenv interpreter of every other pip version, and
 * SMOKE on the rest; marker scenarios that repeat a marker-less one (on Debian) are left out.
 */
export function plan(interpreters: Interpreter[], mode: PlanMode): Plan {
  const runs: PlannedRun[] = [];
  const skipped: string[] = [];
  const pipsWithCore = new Set(
    interpreters.filter((p) => p.pyenvVersion && isRepresentative(p)).map((p) => p.pipVersion),
  );
  for (const python of interpreters) {
    let tier: 'full' | 'core' | 'smoke' = 'full';
    if (mode === 'quick') tier = 'smoke';
    else if (mode === 'ci' && !isRepresentative(python)) {
      tier = pipsWithCore.has(python.pipVersion) ? 'smoke' : 'core';
      pipsWithCore.add(python.pipVersion);
    }
    for (const scenario of SCENARIOS) {
      if (tier === 'core' && !scenario.core) continue;
      if (tier === 'smoke' && !SMOKE.includes(scenario.id)) continue;
      if (mode !== 'full' && duplicatesMarker(scenario, python)) continue;
      const reason = notApplicable(scenario, python);
      if (reason) skipped.push(`${label(python)}: ${scenario.id} - ${reason}`);
      else runs.push({ scenario, python });
    }
  }
  return { runs, skipped };
}

/** One line per interpreter: how much of the matrix it gets. */
export function describePlan(runs: PlannedRun[]): string[] {
  const counts = new Map<string, number>();
  for (const { python } of runs) counts.set(label(python), (counts.get(label(python)) ?? 0) + 1);
  return [...counts].map(([name, n]) => `${name}: ${n} of ${SCENARIOS.length} scenarios`);
}

/** Why the sandbox cannot run here, or null when it can (root, unshare, overlayfs). */
export function sandboxUnavailable(): string | null {
  if (process.getuid?.() !== 0) return 'the differential suite needs root (mount namespaces, setpriv)';
  const probe = spawnSync(
    'unshare',
    [
      '-m',
      '--propagation',
      'private',
      'sh',
      '-c',
      'd=$(mktemp -d) && mkdir $d/l $d/u $d/w $d/m && mount -t overlay overlay -o lowerdir=$d/l,upperdir=$d/u,workdir=$d/w $d/m && umount $d/m; rm -rf $d',
    ],
    { encoding: 'utf8', timeout: 10_000 },
  );
  if (probe.error) return `unshare is unavailable: ${probe.error.message}`;
  if (probe.status !== 0) return `mount namespaces or overlayfs are unavailable: ${probe.stderr.trim()}`;
  if (spawnSync('setpriv', ['--version']).error) return 'setpriv is unavailable';
  return null;
}

/** A scratch dir with the tiny wheel built by `python`. */
export function prepare(python: string): { scratch: string; wheel: string } {
  const scratch = tempDir('pd-differential-');
  const wheel = buildTinyWheel(python, scratch);
  return { scratch, wheel };
}

export function observation(run: ScenarioRun): Observation {
  return observe({
    exitCode: run.pip.exitCode ?? -1,
    stdout: run.pip.stdout,
    stderr: run.pip.stderr,
    distInfoDirs: run.distInfoDirs,
    scriptDirs: run.scriptDirs,
    env: run.env,
  });
}

/** One entry of test/fixtures/differential/observed.json. */
export interface ObservedEntry {
  key: string;
  pythonVersion: string;
  pipVersion: string | null;
  interpreter: string;
  /** The interpreter pip ran with (a venv's python in venv scenarios). */
  executable: string;
  scenario: string;
  description: string;
  uid: number;
  home: string;
  cwd: string;
  /** Full `pip` command line after the interpreter (`-m pip` implied). */
  pipArgs: string[];
  /** What `pip-doctor check -- ...` got. */
  installArgs: string[];
  /** Variables the scenario adds to its clean environment. */
  envOverrides: Record<string, string>;
  /** The whole environment pip ran with. */
  env: Record<string, string>;
  config: { path: string; text: string } | null;
  setup: {
    venv: Scenario['venv'] | null;
    readOnlySitePackages: boolean;
    externallyManaged: boolean;
    home: NonNullable<Scenario['home']>;
  };
  observed: Observation;
}

export function entryKey(python: Interpreter, scenario: Scenario): string {
  return `${python.pyenvVersion ? `pyenv-${python.version}` : `system-${python.version}`}/${scenario.id}`;
}

export function toEntry(run: ScenarioRun): ObservedEntry {
  const { scenario, python } = run;
  return {
    key: entryKey(python, scenario),
    pythonVersion: python.version,
    pipVersion: python.pipVersion,
    interpreter: python.executable,
    executable: run.executable,
    scenario: scenario.id,
    description: scenario.description,
    uid: scenario.uid,
    home: run.home,
    cwd: run.cwd,
    pipArgs: run.pipArgs,
    installArgs: run.installArgs,
    envOverrides: scenario.env ?? {},
    env: run.env,
    config: scenario.config && run.configPath ? { path: run.configPath, text: scenario.config.text } : null,
    setup: {
      venv: scenario.venv ?? null,
      readOnlySitePackages: scenario.readOnlySitePackages ?? false,
      externallyManaged: scenario.externallyManaged ?? false,
      home: scenario.home ?? 'fresh',
    },
    observed: observation(run),
  };
}
