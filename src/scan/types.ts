// The shapes `pip-doctor scan` works with and prints (scan --json, schemaVersion 1).
import type { Outcome } from '../core/types.js';

/** What kind of Python an environment is, named after the tool that made or manages it. */
export type EnvKind =
  | 'system'
  | 'usr-local'
  | 'path'
  | 'pyenv'
  | 'pyenv-virtualenv'
  | 'pyenv-win'
  | 'conda'
  | 'uv'
  | 'uv-venv'
  | 'uv-tool'
  | 'pipx'
  | 'homebrew'
  | 'python.org'
  | 'windows-registry'
  | 'python-manager'
  | 'microsoft-store'
  | 'asdf'
  | 'mise'
  | 'rye'
  | 'hatch'
  | 'poetry'
  | 'pdm'
  | 'pipenv'
  | 'virtualenvwrapper'
  | 'venv'
  | 'virtualenv'
  | 'macos-clt'
  | 'macos-xcode';

export type LocatorState = 'ok' | 'timed-out' | 'skipped' | 'error';

export interface LocatorStatus {
  name: string;
  status: LocatorState;
  ms: number;
  /** How many interpreters it offered (before de-duplication). */
  found: number;
  detail?: string;
}

export interface ScanPrediction {
  outcome: Outcome | null;
  directory: string | null;
}

export interface ScanEnvironment {
  /** The interpreter as found (not resolved through symlinks). */
  executable: string;
  kind: EnvKind;
  version: string | null;
  prediction: ScanPrediction;
  /** Finding ids (the same ids `check` uses). */
  problems: string[];
  /** 'static': decided from files only; 'probe': the interpreter was run. */
  verdictSource: 'static' | 'probe';
  /** The environment's folder (sys.prefix as far as files tell). */
  prefix: string | null;
  /** The tool that manages it (conda, mamba, micromamba, poetry...), when known. */
  manager: string | null;
  pipVersion: string | null;
  /** Other paths that run the same interpreter (symlinks, PATH copies). */
  aliases: string[];
  /** Which of pip, pip3, python, python3 on PATH run this environment. */
  onPath: string[];
  /** The locator that found it first. */
  foundBy: string;
  /** One line on how the verdict was reached, for the table's last column and --verbose. */
  reason: string;
  /** Set when the interpreter was not probed or the probe failed (with --probe). */
  probe?: { status: 'ok' | 'skipped' | 'error' | 'timed-out'; detail?: string; ms?: number };
}

export interface PathCommands {
  pip: string | null;
  pip3: string | null;
  python: string | null;
  python3: string | null;
}

export interface ScanResult {
  schemaVersion: 1;
  environments: ScanEnvironment[];
  path: PathCommands;
  locators: LocatorStatus[];
  /** Wall time of the scan in ms; for a cached answer, the time it took to validate the cache. */
  ms: number;
  /** Whether this answer came from the cache. */
  cached: boolean;
  /** The hard deadline was hit: some locators did not finish. */
  deadlineHit: boolean;
}
