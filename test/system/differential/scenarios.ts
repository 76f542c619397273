// The differential scenario matrix: each entry is one situation a user can be in when running
// `pip install`, described as data so the sandbox can build it and the recorder can write it down.

/** Fixed paths inside the scenario's mount namespace (see sandbox.ts for how they are built). */
export const LAYOUT = {
  nobodyHome: '/home/tester',
  rootHome: '/root',
  missingHome: '/home/missing',
  work: '/home/work',
  venv: '/home/venv',
  tmp: '/home/tmp',
  wheels: '/home/wheels',
  target: '/home/work/vendor',
  prefix: '/home/work/pfx',
  root: '/home/work/rootdir',
  configTarget: '/home/work/cfg-target',
  userBase: '/home/work/userbase',
  xdgConfigHome: '/home/work/xdg',
} as const;

export const NOBODY = 65534;

export interface Interpreter {
  /** The path pip-doctor and pip are run with (same path inside the namespace). */
  executable: string;
  /** e.g. "3.11.7" */
  version: string;
  /** "X.Y" */
  short: string;
  pipVersion: string | null;
  /** sysconfig stdlib (where an EXTERNALLY-MANAGED marker lives). */
  stdlib: string;
  /** sysconfig purelib of the default scheme (the normal site-packages). */
  purelib: string;
  /** The directory holding the interpreter's own pip package. */
  pipParent: string | null;
  /** pip's .dist-info directory name next to it. */
  pipDistInfo: string | null;
  hasVenv: boolean;
  /** It carries an EXTERNALLY-MANAGED marker of its own (Debian's python3). */
  externallyManaged: boolean;
  /** Directory name under /root/.pyenv/versions for pyenv interpreters. */
  pyenvVersion: string | null;
}

export interface Scenario {
  id: string;
  description: string;
  uid: 0 | typeof NOBODY;
  /** `pip install` arguments placed before the package name. */
  args: string[];
  /** Environment variables on top of the scenario's clean environment. */
  env?: Record<string, string>;
  /**
   * A pip config file: the user's (~/.config/pip), the legacy user one (~/.pip), one under
   * XDG_CONFIG_HOME (set to /home/work/xdg), the global /etc/pip.conf, or one named by PIP_CONFIG_FILE.
   */
  config?: { where: 'user' | 'legacy-user' | 'xdg' | 'global' | 'PIP_CONFIG_FILE'; text: string };
  /** Run inside a venv (its python) created by `owner`. */
  venv?: { systemSitePackages: boolean; owner: 0 | typeof NOBODY };
  /** fresh (default): an empty home owned by the user. */
  home?: 'fresh' | 'missing' | 'user-site-owned-by-root';
  /** Bind the normal (or the venv's) site-packages read-only. */
  readOnlySitePackages?: boolean;
  /** Make sure the interpreter carries an EXTERNALLY-MANAGED marker (Debian's already does). */
  externallyManaged?: boolean;
  /** Part of the subset run on every interpreter (the full matrix runs on representative ones). */
  core?: boolean;
  /** Oldest pip that knows the option the scenario uses. */
  minPip?: string;
}

const userConf = (body: string) => ({ where: 'user' as const, text: body });

export const SCENARIOS: Scenario[] = [
  // --- root ---
  { id: 'root-plain', description: 'root, no options', uid: 0, args: [], core: true },
  { id: 'root-user', description: 'root, --user', uid: 0, args: ['--user'] },
  {
    id: 'root-target',
    description: 'root, relative --target',
    uid: 0,
    args: ['--target', './vendor'],
  },
  { id: 'root-prefix', description: 'root, --prefix', uid: 0, args: ['--prefix', LAYOUT.prefix] },
  { id: 'root-root', description: 'root, --root', uid: 0, args: ['--root', LAYOUT.root] },
  {
    id: 'root-user-root',
    description: 'root, --user --root: the user scheme re-rooted',
    uid: 0,
    args: ['--user', '--root', LAYOUT.root],
  },
  {
    id: 'root-user-target',
    description: 'root, --user with --target',
    uid: 0,
    args: ['--user', '--target', './vendor'],
    core: true,
  },
  {
    id: 'root-user-prefix',
    description: 'root, --user with --prefix',
    uid: 0,
    args: ['--user', '--prefix', LAYOUT.prefix],
  },
  { id: 'root-pip-user-env', description: 'root, PIP_USER=1', uid: 0, args: [], env: { PIP_USER: '1' } },
  {
    id: 'root-pip-user-env-target',
    description: 'root, PIP_USER=1 with --target',
    uid: 0,
    args: ['--target', './vendor'],
    env: { PIP_USER: '1' },
  },
  {
    id: 'root-no-user-env',
    description: 'root, PIP_NO_USER=1 (stored uninverted: means user)',
    uid: 0,
    args: [],
    env: { PIP_NO_USER: '1' },
  },
  {
    id: 'root-config-user',
    description: 'root, user = true in ~/.config/pip/pip.conf',
    uid: 0,
    args: [],
    config: userConf('[install]\nuser = true\n'),
  },
  {
    id: 'root-config-user-target',
    description: 'root, [global] user = yes in the user config with --target',
    uid: 0,
    args: ['--target', './vendor'],
    config: userConf('[global]\nuser = yes\n'),
  },
  {
    id: 'root-global-config-user-prefix',
    description: 'root, user = true in /etc/pip.conf with --prefix',
    uid: 0,
    args: ['--prefix', LAYOUT.prefix],
    config: { where: 'global', text: '[install]\nuser = true\n' },
  },
  {
    id: 'root-config-file-target',
    description: 'root, PIP_CONFIG_FILE naming a file with target = ...',
    uid: 0,
    args: [],
    config: { where: 'PIP_CONFIG_FILE', text: `[install]\ntarget = ${LAYOUT.configTarget}\n` },
  },
  {
    id: 'root-nousersite-user',
    description: 'root, PYTHONNOUSERSITE=1 with --user',
    uid: 0,
    args: ['--user'],
    env: { PYTHONNOUSERSITE: '1' },
  },
  {
    id: 'root-userbase-user',
    description: 'root, PYTHONUSERBASE with --user',
    uid: 0,
    args: ['--user'],
    env: { PYTHONUSERBASE: LAYOUT.userBase },
  },
  {
    id: 'root-readonly-site',
    description: 'root, site-packages mounted read-only',
    uid: 0,
    args: [],
    readOnlySitePackages: true,
    core: true,
  },
  {
    id: 'root-readonly-site-target',
    description: 'root, site-packages read-only, --target',
    uid: 0,
    args: ['--target', './vendor'],
    readOnlySitePackages: true,
  },
  {
    id: 'root-readonly-site-nousersite',
    description: 'root, site-packages read-only, PYTHONNOUSERSITE=1',
    uid: 0,
    args: [],
    env: { PYTHONNOUSERSITE: '1' },
    readOnlySitePackages: true,
  },
  {
    id: 'root-pep668',
    description: 'root, EXTERNALLY-MANAGED marker',
    uid: 0,
    args: [],
    externallyManaged: true,
    core: true,
  },
  {
    id: 'root-pep668-break',
    description: 'root, EXTERNALLY-MANAGED marker, --break-system-packages',
    uid: 0,
    args: ['--break-system-packages'],
    externallyManaged: true,
    minPip: '23.0.1',
  },
  {
    id: 'root-pep668-break-env',
    description: 'root, EXTERNALLY-MANAGED marker, PIP_BREAK_SYSTEM_PACKAGES=1',
    uid: 0,
    args: [],
    env: { PIP_BREAK_SYSTEM_PACKAGES: '1' },
    externallyManaged: true,
  },
  {
    id: 'root-pep668-break-config',
    description: 'root, EXTERNALLY-MANAGED marker, break-system-packages = true in /etc/pip.conf',
    uid: 0,
    args: [],
    config: { where: 'global', text: '[global]\nbreak-system-packages = true\n' },
    externallyManaged: true,
  },
  {
    id: 'root-pep668-user',
    description: 'root, EXTERNALLY-MANAGED marker, --user',
    uid: 0,
    args: ['--user'],
    externallyManaged: true,
  },
  {
    id: 'root-pep668-target',
    description: 'root, EXTERNALLY-MANAGED marker, --target',
    uid: 0,
    args: ['--target', './vendor'],
    externallyManaged: true,
  },
  {
    id: 'root-pep668-prefix',
    description: 'root, EXTERNALLY-MANAGED marker, --prefix',
    uid: 0,
    args: ['--prefix', LAYOUT.prefix],
    externallyManaged: true,
  },
  {
    id: 'root-require-venv-env',
    description: 'root, PIP_REQUIRE_VIRTUALENV=1 outside a venv',
    uid: 0,
    args: [],
    env: { PIP_REQUIRE_VIRTUALENV: '1' },
    core: true,
  },
  {
    id: 'root-require-venv-flag',
    description: 'root, --require-virtualenv outside a venv',
    uid: 0,
    args: ['--require-virtualenv'],
  },
  {
    id: 'root-require-venv-config',
    description: 'root, require-virtualenv = true in the user config, --target',
    uid: 0,
    args: ['--target', './vendor'],
    config: userConf('[global]\nrequire-virtualenv = true\n'),
  },
  {
    id: 'root-venv',
    description: 'root in its own venv',
    uid: 0,
    args: [],
    venv: { systemSitePackages: false, owner: 0 },
  },
  {
    id: 'root-venv-pip-user',
    description: 'root in its own venv, PIP_USER=1',
    uid: 0,
    args: [],
    env: { PIP_USER: '1' },
    venv: { systemSitePackages: false, owner: 0 },
  },
  {
    id: 'root-venv-require',
    description: 'root in a venv, PIP_REQUIRE_VIRTUALENV=1',
    uid: 0,
    args: [],
    env: { PIP_REQUIRE_VIRTUALENV: '1' },
    venv: { systemSitePackages: true, owner: 0 },
  },
  {
    id: 'root-sudo-home-user',
    description: "root with another user's HOME (sudo without -H), --user",
    uid: 0,
    args: ['--user'],
    env: { HOME: LAYOUT.nobodyHome },
  },
  {
    id: 'root-isolated-pip-user',
    description: 'root, PIP_USER=1 ignored by --isolated',
    uid: 0,
    args: ['--isolated'],
    env: { PIP_USER: '1' },
  },
  {
    id: 'root-pip-user-no-user-flag',
    description: 'root, PIP_USER=1 overridden by --no-user',
    uid: 0,
    args: ['--no-user'],
    env: { PIP_USER: '1' },
  },
  {
    id: 'root-user-then-no-user',
    description: 'root, --user then --no-user (last wins)',
    uid: 0,
    args: ['--user', '--no-user'],
  },
  {
    id: 'root-config-user-false-flag-user',
    description: 'root, user = false in the user config, --user on the command line',
    uid: 0,
    args: ['--user'],
    config: userConf('[install]\nuser = false\n'),
  },
  {
    id: 'root-pip-target-env',
    description: 'root, PIP_TARGET',
    uid: 0,
    args: [],
    env: { PIP_TARGET: LAYOUT.configTarget },
  },
  {
    id: 'root-pip-prefix-env',
    description: 'root, PIP_PREFIX',
    uid: 0,
    args: [],
    env: { PIP_PREFIX: LAYOUT.prefix },
  },
  {
    id: 'root-target-equals',
    description: 'root, --target=./vendor',
    uid: 0,
    args: ['--target=./vendor'],
  },
  {
    id: 'root-prefix-relative',
    description: 'root, relative --prefix',
    uid: 0,
    args: ['--prefix', './pfx'],
  },
  {
    id: 'root-config-devnull',
    description: 'root, user = true in the user config, but PIP_CONFIG_FILE=/dev/null',
    uid: 0,
    args: [],
    env: { PIP_CONFIG_FILE: '/dev/null' },
    config: userConf('[install]\nuser = true\n'),
  },
  // --- unprivileged (uid 65534) ---
  { id: 'nobody-plain', description: 'uid 65534, no options', uid: NOBODY, args: [], core: true },
  { id: 'nobody-user', description: 'uid 65534, --user', uid: NOBODY, args: ['--user'] },
  {
    id: 'nobody-target-denied',
    description: 'uid 65534, --target in a folder it cannot create (the move escapes pip: traceback, exit 2)',
    uid: NOBODY,
    args: ['--target', '/home/denied-target'],
  },
  {
    id: 'nobody-prefix-denied',
    description: 'uid 65534, --prefix in a folder it cannot create',
    uid: NOBODY,
    args: ['--prefix', '/home/denied-prefix'],
  },
  {
    id: 'nobody-missing-home',
    description: 'uid 65534, HOME does not exist and cannot be created',
    uid: NOBODY,
    args: [],
    home: 'missing',
  },
  {
    id: 'nobody-user-site-owned-by-root',
    description: 'uid 65534, ~/.local owned by root',
    uid: NOBODY,
    args: [],
    home: 'user-site-owned-by-root',
    core: true,
  },
  {
    id: 'nobody-user-site-owned-by-root-user',
    description: 'uid 65534, ~/.local owned by root, --user',
    uid: NOBODY,
    args: ['--user'],
    home: 'user-site-owned-by-root',
  },
  {
    id: 'nobody-nousersite',
    description: 'uid 65534, PYTHONNOUSERSITE=1',
    uid: NOBODY,
    args: [],
    env: { PYTHONNOUSERSITE: '1' },
    core: true,
  },
  {
    id: 'nobody-nousersite-user',
    description: 'uid 65534, PYTHONNOUSERSITE=1 with --user',
    uid: NOBODY,
    args: ['--user'],
    env: { PYTHONNOUSERSITE: '1' },
  },
  {
    id: 'nobody-userbase',
    description: 'uid 65534, PYTHONUSERBASE set',
    uid: NOBODY,
    args: [],
    env: { PYTHONUSERBASE: LAYOUT.userBase },
  },
  {
    id: 'nobody-pip-user-0',
    description: 'uid 65534, PIP_USER=0',
    uid: NOBODY,
    args: [],
    env: { PIP_USER: '0' },
  },
  {
    id: 'nobody-pip-user-1',
    description: 'uid 65534, PIP_USER=true',
    uid: NOBODY,
    args: [],
    env: { PIP_USER: 'true' },
  },
  {
    id: 'nobody-config-user',
    description: 'uid 65534, user = true in ~/.config/pip/pip.conf',
    uid: NOBODY,
    args: [],
    config: userConf('[install]\nuser = true\n'),
  },
  {
    id: 'nobody-config-user-target',
    description: 'uid 65534, user = true in the user config, --target',
    uid: NOBODY,
    args: ['--target', './vendor'],
    config: userConf('[install]\nuser = true\n'),
  },
  {
    id: 'nobody-target',
    description: 'uid 65534, relative --target',
    uid: NOBODY,
    args: ['--target', './vendor'],
  },
  { id: 'nobody-prefix', description: 'uid 65534, --prefix', uid: NOBODY, args: ['--prefix', LAYOUT.prefix] },
  {
    id: 'nobody-user-prefix',
    description: 'uid 65534, --user with --prefix',
    uid: NOBODY,
    args: ['--user', '--prefix', LAYOUT.prefix],
  },
  {
    id: 'nobody-legacy-config-user',
    description: 'uid 65534, user = true in ~/.pip/pip.conf',
    uid: NOBODY,
    args: [],
    config: { where: 'legacy-user', text: '[install]\nuser = true\n' },
  },
  {
    id: 'nobody-xdg-config-user',
    description: 'uid 65534, user = true in $XDG_CONFIG_HOME/pip/pip.conf',
    uid: NOBODY,
    args: [],
    config: { where: 'xdg', text: '[global]\nuser = 1\n' },
  },
  {
    id: 'nobody-root',
    description: 'uid 65534, --root in its working directory',
    uid: NOBODY,
    args: ['--root', LAYOUT.root],
  },
  {
    id: 'nobody-require-venv-flag',
    description: 'uid 65534, --require-virtualenv outside a venv',
    uid: NOBODY,
    args: ['--require-virtualenv'],
  },
  {
    id: 'nobody-pep668',
    description: 'uid 65534, EXTERNALLY-MANAGED marker',
    uid: NOBODY,
    args: [],
    externallyManaged: true,
  },
  {
    id: 'nobody-pep668-break',
    description: 'uid 65534, EXTERNALLY-MANAGED marker, --break-system-packages',
    uid: NOBODY,
    args: ['--break-system-packages'],
    externallyManaged: true,
    minPip: '23.0.1',
    core: true,
  },
  {
    id: 'nobody-pep668-break-user',
    description: 'uid 65534, EXTERNALLY-MANAGED marker, --user --break-system-packages',
    uid: NOBODY,
    args: ['--user', '--break-system-packages'],
    externallyManaged: true,
    minPip: '23.0.1',
  },
  {
    id: 'nobody-pep668-break-nousersite',
    description: 'uid 65534, EXTERNALLY-MANAGED marker, --break-system-packages, PYTHONNOUSERSITE=1',
    uid: NOBODY,
    args: ['--break-system-packages'],
    env: { PYTHONNOUSERSITE: '1' },
    externallyManaged: true,
    minPip: '23.0.1',
  },
  {
    id: 'nobody-pep668-break-env-user-site-owned-by-root',
    description: 'uid 65534, EXTERNALLY-MANAGED marker, PIP_BREAK_SYSTEM_PACKAGES=1, ~/.local owned by root',
    uid: NOBODY,
    args: [],
    env: { PIP_BREAK_SYSTEM_PACKAGES: '1' },
    home: 'user-site-owned-by-root',
    externallyManaged: true,
  },
  {
    id: 'root-readonly-site-pep668-break',
    description: 'root, EXTERNALLY-MANAGED marker, site-packages read-only, --break-system-packages',
    uid: 0,
    args: ['--break-system-packages'],
    readOnlySitePackages: true,
    externallyManaged: true,
    minPip: '23.0.1',
  },
  {
    id: 'nobody-venv-own',
    description: 'uid 65534 in its own venv',
    uid: NOBODY,
    args: [],
    venv: { systemSitePackages: false, owner: NOBODY },
    core: true,
  },
  {
    id: 'nobody-venv-own-user',
    description: 'uid 65534 in its own venv, --user',
    uid: NOBODY,
    args: ['--user'],
    venv: { systemSitePackages: false, owner: NOBODY },
    core: true,
  },
  {
    id: 'nobody-venv-own-sys-user',
    description: 'uid 65534 in its own venv with system site-packages, --user',
    uid: NOBODY,
    args: ['--user'],
    venv: { systemSitePackages: true, owner: NOBODY },
  },
  {
    id: 'nobody-venv-root-owned',
    description: 'uid 65534 in a venv owned by root',
    uid: NOBODY,
    args: [],
    venv: { systemSitePackages: false, owner: 0 },
  },
  {
    id: 'nobody-venv-root-owned-sys',
    description: 'uid 65534 in a venv with system site-packages owned by root',
    uid: NOBODY,
    args: [],
    venv: { systemSitePackages: true, owner: 0 },
    core: true,
  },
  {
    id: 'nobody-venv-root-owned-sys-nousersite',
    description: 'uid 65534 in a root-owned venv with system site-packages, PYTHONNOUSERSITE=1',
    uid: NOBODY,
    args: [],
    env: { PYTHONNOUSERSITE: '1' },
    venv: { systemSitePackages: true, owner: 0 },
  },
  {
    id: 'nobody-venv-readonly',
    description: 'uid 65534 in its own venv whose site-packages is read-only',
    uid: NOBODY,
    args: [],
    venv: { systemSitePackages: false, owner: NOBODY },
    readOnlySitePackages: true,
  },
  {
    id: 'nobody-venv-require',
    description: 'uid 65534 in its own venv, PIP_REQUIRE_VIRTUALENV=1',
    uid: NOBODY,
    args: [],
    env: { PIP_REQUIRE_VIRTUALENV: '1' },
    venv: { systemSitePackages: false, owner: NOBODY },
  },
  {
    id: 'nobody-venv-require-flag',
    description: 'uid 65534 in its own venv, --require-virtualenv',
    uid: NOBODY,
    args: ['--require-virtualenv'],
    venv: { systemSitePackages: false, owner: NOBODY },
  },
  {
    id: 'nobody-venv-target',
    description: 'uid 65534 in a root-owned venv, --target',
    uid: NOBODY,
    args: ['--target', './vendor'],
    venv: { systemSitePackages: false, owner: 0 },
  },
];

/**
 * True when adding the scenario's EXTERNALLY-MANAGED marker changes nothing because the interpreter
 * already has one and the scenario does not override it: the same run as its marker-less twin.
 */
export function duplicatesMarker(scenario: Scenario, python: Interpreter): boolean {
  if (!scenario.externallyManaged || !python.externallyManaged) return false;
  const overrides =
    scenario.args.includes('--break-system-packages') ||
    'PIP_BREAK_SYSTEM_PACKAGES' in (scenario.env ?? {}) ||
    (scenario.config?.text.includes('break-system-packages') ?? false);
  return !overrides;
}

/** Compares dotted versions ("23.0.1" >= "23.0"). */
export function versionAtLeast(version: string, min: string): boolean {
  const a = version.split('.').map((p) => Number.parseInt(p, 10) || 0);
  const b = min.split('.').map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

/** Why a scenario cannot be built for an interpreter, or null when it can. */
export function notApplicable(scenario: Scenario, python: Interpreter): string | null {
  if (scenario.venv && !python.hasVenv) return `Python ${python.version} has no venv module`;
  if (scenario.minPip && !(python.pipVersion && versionAtLeast(python.pipVersion, scenario.minPip))) {
    return `pip ${python.pipVersion} predates ${scenario.minPip}`;
  }
  return null;
}
