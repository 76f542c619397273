// Turns what real pip did in a scenario (exit status, output, files it wrote) into an outcome in
// pip-doctor's vocabulary. Pure, so it is unit-testable and the recorder and the test agree.
import type { Outcome } from '../../../src/core/types.js';
import { LAYOUT } from './scenarios.js';

export interface Observation {
  outcome: Outcome | 'unknown';
  /** Where the .dist-info landed (null when nothing was installed). */
  directory: string | null;
  /** Where the console script landed. */
  scriptsDirectory: string | null;
  /** The path in pip's "[Errno N] ...: '<path>'" message, for permission failures. */
  errorPath: string | null;
  pipExitCode: number;
  /** pip's lines about the location, warnings and errors. */
  lines: string[];
}

export interface PipRunFacts {
  exitCode: number;
  stdout: string;
  stderr: string;
  distInfoDirs: string[];
  scriptDirs: string[];
  /** The environment pip ran with (HOME, PYTHONUSERBASE). */
  env: Record<string, string>;
}

const within = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);

/** True when one path is the other or lies inside it (pip fails at the first dir it cannot create). */
export function onSameBranch(a: string, b: string): boolean {
  return within(a, b) || within(b, a);
}

/** pip's stdout lines about the location, and everything it wrote to stderr (warnings, errors). */
export function relevantLines(stdout: string, stderr: string): string[] {
  const out = stdout
    .split('\n')
    .filter((line) => /Defaulting to user|Successfully installed|Would install/.test(line));
  const err = stderr.split('\n').filter((line) => line.trim() !== '');
  return [...out, ...err].map((line) => line.trimEnd());
}

function classifyError(text: string): Outcome | 'unknown' {
  if (/Could not find an activated virtualenv/.test(text)) return 'error-require-virtualenv';
  if (/externally-managed-environment/.test(text)) return 'error-externally-managed';
  if (/Can not combine '--user' and '--target'/.test(text)) return 'error-user-target-conflict';
  // pip < 20.1 has no up-front check: --target installs through a temporary `home` scheme and
  // distutils refuses it together with --user (traceback, exit 2).
  if (/DistutilsOptionError: can't combine user with prefix/.test(text)) return 'error-user-target-conflict';
  if (/Can not combine '--user' and '--prefix'/.test(text)) return 'error-user-prefix-conflict';
  if (/User site-packages are not visible in this virtualenv/.test(text)) return 'error-user-in-virtualenv';
  if (/\[Errno (13|30)\]|Permission denied|Read-only file system/.test(text)) return 'error-permission';
  if (/No module named pip/.test(text)) return 'error-pip-missing';
  return 'unknown';
}

/** The outcome real pip produced. */
export function observe(run: PipRunFacts): Observation {
  const text = `${run.stdout}\n${run.stderr}`;
  // Old pips leave a failed --target install staged in TMPDIR: that is not where pip installed.
  const installed = run.distInfoDirs.filter((dir) => !within(dir, LAYOUT.tmp));
  const directory = installed.length === 1 ? installed[0]! : null;
  const scripts = run.scriptDirs.filter((dir) => !within(dir, LAYOUT.tmp));
  const scriptsDirectory = scripts.length === 1 ? scripts[0]! : null;
  const errno = /\[Errno (?:13|30)\] [^:]*: '([^']*)'/.exec(text);
  const base = {
    directory,
    scriptsDirectory,
    errorPath: errno?.[1] ?? null,
    pipExitCode: run.exitCode,
    lines: relevantLines(run.stdout, run.stderr),
  };
  if (run.exitCode !== 0 || directory === null) {
    return { ...base, outcome: run.exitCode === 0 ? 'unknown' : classifyError(text) };
  }
  const userBase = run.env.PYTHONUSERBASE || `${run.env.HOME}/.local`;
  let outcome: Outcome = 'site-packages';
  if (/Defaulting to user installation/.test(run.stdout)) outcome = 'user-default';
  else if (within(directory, LAYOUT.target) || within(directory, LAYOUT.configTarget)) outcome = 'target';
  else if (within(directory, LAYOUT.prefix)) outcome = 'prefix';
  else if (within(directory, LAYOUT.root)) outcome = 'root';
  else if (within(directory, userBase)) outcome = 'user';
  return { ...base, outcome };
}
