// Linux scenarios: real probe reports recorded on this machine, with the host, file system and
// PATH facts of each situation around them. `expect` is the golden list of finding ids, in order.
import type { Facts } from '../../../src/gather/facts.js';
import type { ProbeFacts } from '../../../src/probe/probe-facts.js';
import { command, linuxFacts, loadProbe, pathFact, prediction, rootDir, type Scenario } from './fixture.js';

export interface Expectation {
  findings: string[];
  fixes: string[];
}

const DEBIAN_EXE = '/usr/bin/python3';
const DEBIAN_ENV = '/usr/bin/python3.11';
const PYENV = '/root/.pyenv/versions/3.12.1';
const PYENV_EXE = `${PYENV}/bin/python`;
const PYENV_SITE = `${PYENV}/lib/python3.12/site-packages`;
const USER_SITE_312 = '/home/alice/.local/lib/python3.12/site-packages';
const DEFAULTING = 'Defaulting to user installation because normal site-packages is not writeable';
const PEP668 = [
  'error: externally-managed-environment',
  '',
  '× This environment is externally managed',
  '╰─> To install Python packages system-wide, try apt install',
];

const debianCommands: Partial<Facts['commands']> = {
  pip: command('pip', '/usr/bin/pip', DEBIAN_EXE, { environment: DEBIAN_ENV }),
  pip3: command('pip3', '/usr/bin/pip3', DEBIAN_EXE, { environment: DEBIAN_ENV }),
  python3: command('python3', DEBIAN_EXE, DEBIAN_EXE, { environment: DEBIAN_ENV }),
};

const pyenvCommands: Partial<Facts['commands']> = {
  pip: command('pip', '/home/alice/.local/bin/pip', PYENV_EXE, { environment: `${PYENV}/bin/python3.12` }),
  python3: command('python3', `${PYENV}/bin/python3`, `${PYENV}/bin/python3`, {
    environment: `${PYENV}/bin/python3.12`,
  }),
};

function scenario(
  name: string,
  about: string,
  installArgs: string[],
  facts: Facts,
  p: Scenario['prediction'],
  expect: Expectation,
) {
  return { scenario: { name: `linux/${name}`, about, installArgs, facts, prediction: p }, expect };
}

const projectVenv = (python: Partial<Parameters<typeof pathFact>[1]> = {}) => [
  pathFact('/home/alice/proj/.venv'),
  pathFact('/home/alice/proj/.venv/pyvenv.cfg', { isDirectory: false }),
  pathFact('/home/alice/proj/.venv/bin/python', { isDirectory: false, ...python }),
];

export const LINUX_SCENARIOS: Array<{ scenario: Scenario; expect: Expectation }> = [
  scenario(
    'debian-externally-managed',
    "Debian 12's python3 as a normal user: pip 23.0.1 refuses (PEP 668); Debian ships python3-requests",
    ['requests'],
    {
      ...linuxFacts(loadProbe('debian-user'), { commands: debianCommands }),
      distroPackages: {
        manager: 'apt',
        packages: { requests: { package: 'python3-requests', candidate: '2.28.1+dfsg-1', installed: null } },
      },
    } as Facts,
    prediction({
      outcome: 'error-externally-managed',
      directory: '/usr/local/lib/python3.11/dist-packages',
      messages: PEP668,
      pipExitCode: 1,
    }),
    {
      findings: ['externally-managed'],
      fixes: ['create-venv', 'install-app-pipx', 'install-distro-package', 'break-system-packages'],
    },
  ),
  scenario(
    'pyenv-shared-user-default',
    'a pyenv Python owned by root, used by alice in fish: pip defaults to ~/.local, whose bin is not on PATH; an old sudo pip left ~/.cache/pip to root; PATH has a literal ~ entry',
    ['httpie'],
    linuxFacts(loadProbe('pyenv312-user'), {
      host: { shell: 'fish' },
      env: {
        SHELL: '/usr/bin/fish',
        PATH: '~/bin:/usr/local/bin:/usr/bin:/bin',
        PYTHONUSERBASE: '/home/alice/.local',
      },
      commands: pyenvCommands,
      paths: [
        rootDir(PYENV_SITE),
        pathFact('/home/alice/.local'),
        pathFact(USER_SITE_312, { exists: false, nearestExisting: '/home/alice/.local' }),
        rootDir('/home/alice/.cache/pip', { mode: 0o700 }),
      ],
    }),
    prediction({
      outcome: 'user-default',
      directory: USER_SITE_312,
      scriptsDirectory: '/home/alice/.local/bin',
      messages: [DEFAULTING],
    }),
    {
      findings: [
        'site-packages-not-writable',
        'user-folders-owned-by-root',
        'scripts-dir-not-on-path',
        'path-entry-with-tilde',
        'pythonuserbase-set',
      ],
      fixes: [
        'create-venv',
        'install-user-explicitly',
        'install-app-pipx',
        'chown-user-folders',
        'add-scripts-to-path',
        'expand-tilde-in-path',
        'unset-pythonuserbase',
      ],
    },
  ),
  scenario(
    'project-venv-not-active',
    'the project has a .venv, but it is not activated, so `pip` is the system one (and refuses)',
    ['requests'],
    linuxFacts(loadProbe('debian-user'), { commands: debianCommands, paths: projectVenv() }),
    prediction({
      outcome: 'error-externally-managed',
      directory: '/usr/local/lib/python3.11/dist-packages',
      messages: PEP668,
      pipExitCode: 1,
    }),
    {
      findings: ['externally-managed', 'project-venv-not-active'],
      // The project's own .venv comes first: no second venv is suggested.
      fixes: ['activate-venv', 'install-app-pipx', 'install-distro-package', 'break-system-packages'],
    },
  ),
  scenario(
    'venv-user-flag',
    'inside an activated venv, `pip install --user requests` is refused',
    ['--user', 'requests'],
    linuxFacts(loadProbe('venv311'), {
      env: {
        VIRTUAL_ENV: '/home/alice/proj/.venv',
        PATH: '/home/alice/proj/.venv/bin:/home/alice/.local/bin:/usr/local/bin:/usr/bin:/bin',
      },
      commands: {
        pip: command('pip', '/home/alice/proj/.venv/bin/pip', '/home/alice/proj/.venv/bin/python', {
          environment: '/home/alice/proj/.venv',
        }),
        python: command('python', '/home/alice/proj/.venv/bin/python', '/home/alice/proj/.venv/bin/python', {
          environment: '/home/alice/proj/.venv',
        }),
        python3: command(
          'python3',
          '/home/alice/proj/.venv/bin/python3',
          '/home/alice/proj/.venv/bin/python3',
          { environment: '/home/alice/proj/.venv' },
        ),
      },
      paths: [pathFact('/home/alice/proj/.venv/lib/python3.11/site-packages'), ...projectVenv()],
    }),
    prediction({
      outcome: 'error-user-in-virtualenv',
      directory: null,
      messages: [
        "ERROR: Can not perform a '--user' install. User site-packages are not visible in this virtualenv.",
      ],
      pipExitCode: 1,
      settings: [{ option: 'user', value: 'true', from: 'command line' }],
    }),
    { findings: ['user-install-in-venv'], fixes: ['drop-user-flag'] },
  ),
  scenario(
    'system-site-venv-owned-by-root',
    'a --system-site-packages venv made by root: alice cannot write to it, and pip falls back to her user site',
    ['rich'],
    linuxFacts(loadProbe('sysvenv312'), {
      commands: {
        python3: command(
          'python3',
          '/home/alice/proj/sysvenv/bin/python3',
          '/home/alice/proj/sysvenv/bin/python3',
          { environment: '/home/alice/proj/sysvenv' },
        ),
      },
      target: { requested: '/home/alice/proj/sysvenv', how: '--python' },
      paths: [
        rootDir('/home/alice/proj/sysvenv/lib/python3.12/site-packages'),
        pathFact('/home/alice/.local'),
      ],
    }),
    prediction({
      outcome: 'user-default',
      directory: USER_SITE_312,
      scriptsDirectory: '/home/alice/.local/bin',
      messages: [DEFAULTING],
    }),
    {
      findings: ['venv-owned-by-other-user', 'system-site-venv-user-fallback', 'pip-command-missing'],
      fixes: ['create-venv', 'use-python-m-pip'],
    },
  ),
  scenario(
    'sudo-without-h',
    '`sudo pip install --break-system-packages flask` on Debian, where sudo kept HOME=/home/alice',
    ['--break-system-packages', 'flask'],
    linuxFacts(loadProbe('debian-root-sudo'), {
      host: { uid: 0, gid: 0, euid: 0, egid: 0, groups: [0], userName: 'root', accountHome: '/root' },
      env: {
        SUDO_USER: 'alice',
        USER: 'root',
        PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      },
      commands: debianCommands,
      paths: [
        pathFact('/usr/local/lib/python3.11/dist-packages', {
          uid: 0,
          gid: 0,
          owner: 'root',
          group: 'staff',
          mode: 0o2775,
        }),
      ],
    }),
    prediction({
      outcome: 'site-packages',
      directory: '/usr/local/lib/python3.11/dist-packages',
      scriptsDirectory: '/usr/local/bin',
      settings: [{ option: 'break-system-packages', value: 'true', from: 'command line' }],
    }),
    {
      findings: ['externally-managed-overridden', 'root-with-user-home', 'root-pip-into-distro-python'],
      fixes: ['create-venv-without-sudo', 'install-distro-package'],
    },
  ),
  scenario(
    'config-user-with-target',
    "`user = true` in ~/.config/pip/pip.conf's [install] section collides with --target",
    ['--target', './vendor', 'requests'],
    linuxFacts(loadProbe('pyenv312-user'), {
      commands: pyenvCommands,
      configFiles: [
        { level: 'global', path: '/etc/pip.conf', exists: false, text: null, error: null },
        {
          level: 'user',
          path: '/home/alice/.config/pip/pip.conf',
          exists: true,
          text: '[global]\ntimeout = 60\n\n[install]\nuser = true\n',
          error: null,
        },
      ],
    }),
    prediction({
      outcome: 'error-user-target-conflict',
      directory: null,
      messages: ["ERROR: Can not combine '--user' and '--target'"],
      pipExitCode: 1,
      settings: [
        { option: 'user', value: 'true', from: '/home/alice/.config/pip/pip.conf', line: 5 },
        { option: 'target', value: './vendor', from: 'command line' },
      ],
    }),
    { findings: ['config-sets-install-location'], fixes: ['comment-out-user'] },
  ),
  scenario(
    'user-with-prefix',
    '`pip install --user --prefix ~/opt tool` typed on the command line',
    ['--user', '--prefix', '/home/alice/opt', 'tool'],
    linuxFacts(loadProbe('pyenv312-user'), { commands: pyenvCommands }),
    prediction({
      outcome: 'error-user-prefix-conflict',
      messages: [
        "ERROR: Can not combine '--user' and '--prefix' as they imply different installation locations",
      ],
      pipExitCode: 1,
      settings: [
        { option: 'user', value: 'true', from: 'command line' },
        { option: 'prefix', value: '/home/alice/opt', from: 'command line' },
      ],
    }),
    { findings: ['user-with-prefix'], fixes: ['drop-user-flag'] },
  ),
  scenario(
    'user-with-target',
    '`pip install --user -t vendor requests`: the two options contradict each other',
    ['--user', '-t', 'vendor', 'requests'],
    linuxFacts(loadProbe('pyenv312-user'), { commands: pyenvCommands }),
    prediction({
      outcome: 'error-user-target-conflict',
      messages: ["ERROR: Can not combine '--user' and '--target'"],
      pipExitCode: 1,
      settings: [
        { option: 'user', value: 'true', from: 'command line' },
        { option: 'target', value: 'vendor', from: 'command line' },
      ],
    }),
    { findings: ['user-with-target'], fixes: ['drop-user-flag'] },
  ),
  scenario(
    'pip-and-python-disagree',
    "`pip` is a leftover in ~/.local/bin for pyenv 3.12, `python3` is Debian's 3.11; PYTHONPATH is set",
    ['requests'],
    linuxFacts(loadProbe('pyenv312-user'), {
      env: { PYTHONPATH: '/home/alice/lib/python' },
      commands: { ...pyenvCommands, python3: debianCommands.python3 as Facts['commands']['python3'] },
      paths: [rootDir(PYENV_SITE), pathFact('/home/alice/.local')],
    }),
    prediction({
      outcome: 'user-default',
      directory: USER_SITE_312,
      scriptsDirectory: '/home/alice/.local/bin',
      messages: [DEFAULTING],
    }),
    {
      findings: ['site-packages-not-writable', 'path-commands-disagree', 'pythonpath-set'],
      fixes: [
        'create-venv',
        'install-user-explicitly',
        'install-app-pipx',
        'use-python-m-pip',
        'unset-pythonpath',
      ],
    },
  ),
  scenario(
    'pip-missing-after-upgrade',
    "Debian's python3 without python3-pip, and /usr/local/bin/pip still pointing at the removed python3.9 (probe edited: pip.version null); PYTHONHOME set",
    [],
    linuxFacts(
      { ...loadProbe('debian-user'), pip: { version: null, location: null, module: null } },
      {
        env: { PYTHONHOME: '/usr' },
        commands: {
          pip: command('pip', '/usr/local/bin/pip', '/usr/bin/python3.9', {
            interpreterExists: false,
            environment: null,
          }),
          python3: debianCommands.python3 as Facts['commands']['python3'],
        },
      },
    ),
    prediction({
      outcome: 'error-pip-missing',
      messages: ['/usr/bin/python3: No module named pip'],
      pipExitCode: 1,
    }),
    {
      findings: ['pip-not-installed', 'pip-command-broken', 'pythonhome-set'],
      fixes: ['install-distro-pip', 'use-python-m-pip', 'unset-pythonhome'],
    },
  ),
  scenario(
    'venv-base-missing',
    "the project's .venv was made with a Python that has since been removed: bin/python is a broken symlink",
    ['requests'],
    linuxFacts(loadProbe('debian-user'), {
      commands: debianCommands,
      paths: projectVenv({ exists: false, isSymlink: true, nearestExisting: '/home/alice/proj/.venv/bin' }),
    }),
    prediction({
      outcome: 'error-externally-managed',
      directory: '/usr/local/lib/python3.11/dist-packages',
      messages: PEP668,
      pipExitCode: 1,
    }),
    {
      findings: ['externally-managed', 'venv-base-missing'],
      fixes: [
        'create-venv',
        'install-app-pipx',
        'install-distro-package',
        'break-system-packages',
        'recreate-venv',
      ],
    },
  ),
  scenario(
    'container-read-only',
    'root in a container whose image is mounted read-only; PIP_BREAK_SYSTEM_PACKAGES=1 and PYTHONNOUSERSITE=1 set in the image',
    ['requests'],
    linuxFacts(withoutUserSite(loadProbe('debian-user')), {
      host: { uid: 0, gid: 0, euid: 0, egid: 0, groups: [0], userName: 'root', accountHome: '/root' },
      env: {
        HOME: '/root',
        USER: 'root',
        PIP_BREAK_SYSTEM_PACKAGES: '1',
        PYTHONNOUSERSITE: '1',
        PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      },
      commands: debianCommands,
      paths: [
        pathFact('/usr/local/lib/python3.11/dist-packages', {
          uid: 0,
          gid: 0,
          owner: 'root',
          group: 'staff',
          writable: false,
          mount: { mountPoint: '/', fsType: 'overlay', readOnly: true, source: 'overlay' },
        }),
      ],
    }),
    prediction({
      outcome: 'error-permission',
      directory: '/usr/local/lib/python3.11/dist-packages',
      messages: [
        "ERROR: Could not install packages due to an OSError: [Errno 30] Read-only file system: '/usr/local/lib/python3.11/dist-packages/requests'",
      ],
      pipExitCode: 1,
      settings: [
        {
          option: 'break-system-packages',
          value: '1',
          from: 'environment variable PIP_BREAK_SYSTEM_PACKAGES',
        },
      ],
    }),
    {
      findings: [
        'read-only-filesystem',
        'externally-managed-overridden',
        'config-breaks-system-packages',
        'pythonnousersite-set',
      ],
      fixes: ['create-venv', 'unset-pip-break-system-packages', 'unset-pythonnousersite'],
    },
  ),
  scenario(
    'pip-outside-active-venv',
    'VIRTUAL_ENV says .venv is active, but PATH was reset after activation, so `pip` is /usr/bin/pip',
    ['requests'],
    linuxFacts(loadProbe('debian-user'), {
      env: { VIRTUAL_ENV: '/home/alice/proj/.venv' },
      commands: debianCommands,
      paths: projectVenv(),
    }),
    prediction({
      outcome: 'error-externally-managed',
      directory: '/usr/local/lib/python3.11/dist-packages',
      messages: PEP668,
      pipExitCode: 1,
    }),
    {
      findings: ['externally-managed', 'pip-outside-active-venv', 'project-venv-not-active'],
      fixes: [
        'activate-venv',
        'install-app-pipx',
        'install-distro-package',
        'break-system-packages',
        'use-venv-python-m-pip',
      ],
    },
  ),
  scenario(
    'global-config-breaks-system-packages',
    "/etc/pip.conf turns PEP 668 off for everyone; /usr/local/lib/python3.11/dist-packages does not exist, so pip tests /usr/local/lib (root's) and defaults to the user site",
    ['requests'],
    linuxFacts(loadProbe('debian-user'), {
      commands: debianCommands,
      configFiles: [
        {
          level: 'global',
          path: '/etc/pip.conf',
          exists: true,
          text: '[global]\nbreak-system-packages = true\n',
          error: null,
        },
        { level: 'user', path: '/home/alice/.config/pip/pip.conf', exists: false, text: null, error: null },
      ],
      paths: [
        rootDir('/usr/local/lib/python3.11/dist-packages', {
          exists: false,
          nearestExisting: '/usr/local/lib',
          realPath: null,
          isDirectory: false,
        }),
      ],
    }),
    prediction({
      outcome: 'user-default',
      directory: '/home/alice/.local/lib/python3.11/site-packages',
      scriptsDirectory: '/home/alice/.local/bin',
      messages: [DEFAULTING],
      settings: [{ option: 'break-system-packages', value: 'true', from: '/etc/pip.conf', line: 2 }],
    }),
    {
      findings: [
        'externally-managed-overridden',
        'config-breaks-system-packages',
        'site-packages-not-writable',
        'site-packages-missing',
      ],
      fixes: [
        'create-venv',
        'comment-out-break-system-packages',
        'install-user-explicitly',
        'install-app-pipx',
      ],
    },
  ),
  scenario(
    'require-virtualenv',
    'PIP_REQUIRE_VIRTUALENV=true in the shell profile, and no venv active',
    ['requests'],
    linuxFacts(loadProbe('pyenv312-user'), {
      env: { PIP_REQUIRE_VIRTUALENV: 'true' },
      commands: pyenvCommands,
    }),
    prediction({
      outcome: 'error-require-virtualenv',
      messages: ['ERROR: Could not find an activated virtualenv (required).'],
      pipExitCode: 3,
      settings: [
        { option: 'require-virtualenv', value: 'true', from: 'environment variable PIP_REQUIRE_VIRTUALENV' },
      ],
    }),
    { findings: ['config-requires-virtualenv'], fixes: ['unset-pip-require-virtualenv'] },
  ),
  scenario(
    'healthy-venv',
    'an activated, writable project venv: nothing to report',
    ['requests'],
    linuxFacts(loadProbe('venv311'), {
      env: {
        VIRTUAL_ENV: '/home/alice/proj/.venv',
        PATH: '/home/alice/proj/.venv/bin:/home/alice/.local/bin:/usr/local/bin:/usr/bin:/bin',
      },
      commands: {
        pip: command('pip', '/home/alice/proj/.venv/bin/pip', '/home/alice/proj/.venv/bin/python', {
          environment: '/home/alice/proj/.venv',
        }),
        python3: command(
          'python3',
          '/home/alice/proj/.venv/bin/python3',
          '/home/alice/proj/.venv/bin/python3',
          { environment: '/home/alice/proj/.venv' },
        ),
      },
      paths: [pathFact('/home/alice/proj/.venv/lib/python3.11/site-packages'), ...projectVenv()],
    }),
    prediction({
      outcome: 'site-packages',
      directory: '/home/alice/proj/.venv/lib/python3.11/site-packages',
      scriptsDirectory: '/home/alice/proj/.venv/bin',
    }),
    { findings: [], fixes: [] },
  ),
];

/** What Python reports with PYTHONNOUSERSITE=1 (the recorded probe ran without it). */
function withoutUserSite(probe: ProbeFacts): ProbeFacts {
  return { ...probe, site: { ...probe.site, enableUserSite: false } };
}
