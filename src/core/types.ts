// The shapes of pip-doctor's answers, as ../shared/contract.md fixes them.

export const OUTCOMES = [
  'site-packages',
  'user-default',
  'user',
  'target',
  'prefix',
  'root',
  'error-externally-managed',
  'error-permission',
  'error-user-in-virtualenv',
  'error-require-virtualenv',
  'error-user-prefix-conflict',
  'error-user-target-conflict',
  'error-pip-missing',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const CAUSES = [
  'permissions',
  'virtualenv',
  'misconfigured-install',
  'package-manager',
  'os-restriction',
  'path-not-set',
  'pip-python-mismatch',
  'other',
] as const;
export type Cause = (typeof CAUSES)[number];

export type Severity = 'error' | 'warning' | 'info';

/** Where one setting that decided the outcome came from. */
export interface SettingSource {
  /** e.g. "user", "target", "break-system-packages" */
  option: string;
  value: string;
  /** "command line", "environment variable PIP_USER", or a config file path */
  from: string;
  /** 1-based line in the config file, when it came from one. */
  line?: number;
}

export interface Prediction {
  outcome: Outcome;
  /** Where the package's import files and .dist-info would land (absolute), or null. */
  directory: string | null;
  /** Where console scripts would land, or null. */
  scriptsDirectory: string | null;
  /** The lines pip itself would print about this, verbatim. */
  messages: string[];
  /** The exit status pip would end with (0, 1, 2 or 3). */
  pipExitCode: number;
  /** The steps of pip's decision, in order, in plain words (for --verbose and the report). */
  reasoning: string[];
  /** Settings (command line, environment, config files) that shaped the decision. */
  settings: SettingSource[];
  /** The pip version the prediction is for (null when the interpreter has no pip). */
  pipVersion: string | null;
  /**
   * pip's own "is this folder on PATH" test for scriptsDirectory (its PATH entries or the
   * interpreter's folder); null when nothing would be installed. pip only warns about it when
   * the package has console scripts and the warning is not switched off.
   */
  scriptsOnPath: boolean | null;
}

/** Evidence is a labelled fact: what was looked at, and what it showed. */
export interface Evidence {
  label: string;
  value: string;
  /** A path the evidence is about, when there is one. */
  path?: string;
}

/**
 * safe: only touches pip-doctor's own marked files or creates new ones, and can be undone;
 * confirm: changes the user's configuration (asked, or --yes);
 * manual: shown, never run (sudo, --break-system-packages, deleting files, placeholders).
 */
export type FixKind = 'safe' | 'confirm' | 'manual';

export interface Fix {
  id: string;
  title: string;
  kind: FixKind;
  /** Exact shell lines for the user's OS and shell, in order. */
  commands: string[];
  /** The shell the commands are written for. */
  shell: string;
  /** What this risks, for manual fixes. */
  risk?: string;
  /** A short aside shown under the commands (e.g. what to do if the first line fails). */
  note?: string;
  /** The finding(s) this fix addresses. */
  for: string[];
  /** A machine-applicable action for `pip-doctor fix`, when it has one. */
  action?: FixAction;
}

export type FixAction =
  | { type: 'create-venv'; python: string; directory: string; packages: string[] }
  | { type: 'add-to-path'; directory: string; shell: string; profile: string }
  | { type: 'remove-config-key'; file: string; section: string; key: string }
  | { type: 'set-config-key'; file: string; section: string; key: string; value: string }
  | { type: 'chown'; paths: string[]; uid: number; gid: number }
  | { type: 'install-app'; tool: 'pipx' | 'uv'; toolPath: string; packages: string[] };

export interface Finding {
  id: string;
  cause: Cause;
  severity: Severity;
  title: string;
  evidence: Evidence[];
  /** Why it matters / what breaks if ignored. */
  explanation?: string;
  /** Fix ids, safest first. */
  fixes: string[];
}
