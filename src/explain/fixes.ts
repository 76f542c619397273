// Fixes for what a log shows. The log's machine may not be this one, so commands are written
// for the OS the log points to, with the packages the log names.
import type { Fix } from '../core/types.js';
import { makeFix } from '../fixes/make-fix.js';
import { commandLine, quote } from '../fixes/shell.js';
import type { Shell } from '../gather/facts.js';
import type { LogContext } from './types.js';

export interface FixContext {
  shell: Shell;
  os: 'windows' | 'macos' | 'linux';
  /** What the user tried to install, or ['PACKAGE'] when the log does not say. */
  packages: string[];
  named: boolean;
}

export function fixContext(context: LogContext, fallbackShell: Shell): FixContext {
  const os = context.os ?? (fallbackShell === 'powershell' || fallbackShell === 'cmd' ? 'windows' : 'linux');
  let shell: Shell = fallbackShell;
  if (os === 'windows' && shell !== 'cmd') shell = 'powershell';
  if (os !== 'windows' && (shell === 'powershell' || shell === 'cmd'))
    shell = os === 'macos' ? 'zsh' : 'bash';
  const packages = context.packages
    .filter((p) => !p.startsWith('/') && !/\.whl$|^\.{1,2}$/.test(p))
    .slice(0, 8);
  return { shell, os, packages: packages.length > 0 ? packages : ['PACKAGE'], named: packages.length > 0 };
}

function python(fc: FixContext): string {
  return fc.os === 'windows' ? 'py' : 'python3';
}

function pipInstall(fc: FixContext, program: string, ...args: string[]): string {
  return commandLine(fc.shell, program, '-m', 'pip', 'install', ...args, ...fc.packages);
}

function activate(fc: FixContext, dir: string): string {
  if (fc.shell === 'powershell') return `${dir}\\Scripts\\Activate.ps1`;
  if (fc.shell === 'cmd') return `${dir}\\Scripts\\activate.bat`;
  if (fc.shell === 'fish') return `source ${dir}/bin/activate.fish`;
  return `${fc.shell === 'sh' ? '.' : 'source'} ${dir}/bin/activate`;
}

export function createVenv(fc: FixContext, forId: string, note?: string): Fix {
  return makeFix({
    id: 'create-venv',
    title: 'create a virtual environment for the project and install into it',
    kind: 'safe',
    commands: [
      commandLine(fc.shell, python(fc), '-m', 'venv', '.venv'),
      activate(fc, '.venv'),
      pipInstall(fc, 'python'),
    ],
    shell: fc.shell,
    for: [forId],
    ...(note ? { note } : {}),
  });
}

export function activateVenv(fc: FixContext, forId: string): Fix {
  return makeFix({
    id: 'activate-venv',
    title: "activate the project's virtual environment first (or create one), then install",
    kind: 'safe',
    commands: [activate(fc, '.venv'), pipInstall(fc, 'python')],
    shell: fc.shell,
    for: [forId],
  });
}

export function pipxInstall(fc: FixContext, forId: string): Fix | null {
  if (!fc.named) return null;
  return makeFix({
    id: 'install-app-pipx',
    title: `if ${fc.packages.join(' and ')} ${fc.packages.length > 1 ? 'are command-line apps' : 'is a command-line app'}, install it in its own environment with pipx`,
    kind: 'confirm',
    commands: fc.packages.map((p) => commandLine(fc.shell, 'pipx', 'install', p)),
    shell: fc.shell,
    for: [forId],
  });
}

const DISTRO_INSTALL: Record<string, [string, string]> = {
  debian: ['sudo apt install', 'python3-'],
  ubuntu: ['sudo apt install', 'python3-'],
  fedora: ['sudo dnf install', 'python3-'],
  arch: ['sudo pacman -S', 'python-'],
  alpine: ['sudo apk add', 'py3-'],
  opensuse: ['sudo zypper install', 'python3-'],
};

export function distroPackage(fc: FixContext, distributor: string | null, forId: string): Fix | null {
  if (!fc.named || !distributor) return null;
  if (distributor === 'homebrew') {
    return makeFix({
      id: 'install-brew-formula',
      title: 'install the Homebrew formula, if there is one',
      kind: 'confirm',
      commands: fc.packages.map((p) => commandLine(fc.shell, 'brew', 'install', p)),
      shell: fc.shell,
      for: [forId],
    });
  }
  const entry = DISTRO_INSTALL[distributor];
  if (!entry) return null;
  const [install, prefix] = entry;
  return makeFix({
    id: 'install-distro-package',
    title: `install ${distributor}'s own package, if it ships one`,
    kind: 'manual',
    commands: [
      `${install} ${fc.packages.map((p) => quote(`${prefix}${p.toLowerCase()}`, fc.shell)).join(' ')}`,
    ],
    shell: fc.shell,
    for: [forId],
    risk: "runs the package manager as root; the distro's version may be older than the newest on PyPI",
  });
}

export function breakSystemPackages(fc: FixContext, forId: string): Fix {
  return makeFix({
    id: 'break-system-packages',
    title: 'last resort: override the protection for a user install',
    kind: 'manual',
    commands: [pipInstall(fc, python(fc), '--user', '--break-system-packages')],
    shell: fc.shell,
    for: [forId],
    risk: 'packages in your user site shadow the ones the system depends on; a later upgrade can break system tools that import them',
  });
}

export function userInstall(fc: FixContext, forId: string): Fix {
  return makeFix({
    id: 'install-user-explicitly',
    title: 'or say you mean the user site, so the choice is yours and not a fallback',
    kind: 'confirm',
    commands: [pipInstall(fc, python(fc), '--user')],
    shell: fc.shell,
    for: [forId],
  });
}

export function dropUserFlag(fc: FixContext, forId: string, viaSetting: boolean): Fix {
  const commands =
    fc.shell === 'powershell'
      ? [
          'pip config list',
          'Remove-Item Env:PIP_USER -ErrorAction SilentlyContinue',
          pipInstall(fc, 'python'),
        ]
      : fc.shell === 'cmd'
        ? ['pip config list', 'set PIP_USER=', pipInstall(fc, 'python')]
        : fc.shell === 'fish'
          ? ['pip config list', 'set -e PIP_USER', pipInstall(fc, 'python')]
          : ['pip config list', 'unset PIP_USER', pipInstall(fc, 'python')];
  return makeFix({
    id: 'drop-user-flag',
    title: viaSetting
      ? 'a setting asks for --user: find it (pip config list, PIP_USER) and remove it, then install without --user'
      : 'install without --user (inside a virtual environment packages go into the environment)',
    kind: 'confirm',
    commands: viaSetting ? commands : [pipInstall(fc, 'python')],
    shell: fc.shell,
    for: [forId],
  });
}

export function chooseOneLocation(fc: FixContext, other: 'target' | 'prefix', forId: string): Fix {
  return makeFix({
    id: `drop-user-or-${other}`,
    title: `choose one location: either --user or --${other}, not both (check pip config list and PIP_USER for a hidden --user)`,
    kind: 'confirm',
    commands: [
      'pip config list',
      pipInstall(fc, 'python', `--${other}`, other === 'target' ? './vendor' : './prefix'),
    ],
    shell: fc.shell,
    for: [forId],
  });
}

export function addToPath(fc: FixContext, dir: string, forId: string): Fix {
  let commands: string[];
  if (fc.shell === 'powershell' || fc.shell === 'cmd') {
    const ps = `'${dir.replaceAll("'", "''")}'`;
    const persist = `[Environment]::SetEnvironmentVariable('Path', ${ps} + ';' + [Environment]::GetEnvironmentVariable('Path', 'User'), 'User')`;
    commands =
      fc.shell === 'powershell'
        ? [persist, `$env:Path = ${ps} + ';' + $env:Path`]
        : [`powershell -NoProfile -Command "${persist}"`, `set "PATH=${dir};%PATH%"`];
  } else if (fc.shell === 'fish') {
    commands = [`fish_add_path ${quote(dir, fc.shell)}`];
  } else {
    const home = /^(\/home\/[^/]+|\/Users\/[^/]+|\/root)(\/.*)$/.exec(dir);
    const value = home ? `$HOME${home[2]}` : dir;
    const profile =
      fc.shell === 'zsh'
        ? '~/.zshrc'
        : fc.os === 'macos'
          ? '~/.bash_profile'
          : fc.shell === 'bash'
            ? '~/.bashrc'
            : '~/.profile';
    const line = `export PATH="${value.replace(/(["`\\])/g, '\\$1')}:$PATH"`;
    commands = [`echo ${quote(line, fc.shell)} >> ${profile}`, line];
  }
  return makeFix({
    id: 'add-scripts-to-path',
    title: `put ${dir} on PATH`,
    kind: 'confirm',
    commands,
    shell: fc.shell,
    for: [forId],
  });
}

export function pythonMPip(fc: FixContext, forId: string, interpreter?: string | null): Fix {
  const program = interpreter ?? python(fc);
  return makeFix({
    id: 'use-python-m-pip',
    title: `run pip through the Python you mean, \`${program} -m pip\`, never a bare \`pip\``,
    kind: 'safe',
    commands: [pipInstall(fc, program)],
    shell: fc.shell,
    for: [forId],
  });
}

export function bootstrapPip(
  fc: FixContext,
  forId: string,
  interpreter: string | null,
  distributor: string | null,
): Fix[] {
  const program = interpreter ?? python(fc);
  const fixes: Fix[] = [];
  if (distributor === 'debian' || distributor === 'ubuntu') {
    fixes.push(
      makeFix({
        id: 'install-distro-pip',
        title: 'install the distro packages for pip and venv (Debian and Ubuntu ship them separately)',
        kind: 'manual',
        commands: ['sudo apt install python3-pip python3-venv'],
        shell: fc.shell,
        for: [forId],
        risk: 'runs the package manager as root',
      }),
    );
  }
  fixes.push(
    makeFix({
      id: 'ensurepip',
      title: `give ${program} its own pip with ensurepip`,
      kind: 'confirm',
      commands: [
        commandLine(fc.shell, program, '-m', 'ensurepip', '--upgrade'),
        commandLine(fc.shell, program, '-m', 'pip', '--version'),
      ],
      shell: fc.shell,
      for: [forId],
    }),
  );
  return fixes;
}

export function recreateVenv(fc: FixContext, venv: string, forId: string): Fix {
  return makeFix({
    id: 'recreate-venv',
    title: `recreate the virtual environment ${venv}: its base Python moved or was removed`,
    kind: 'manual',
    commands: [
      commandLine(fc.shell, python(fc), '-m', 'venv', '--clear', venv),
      activate(fc, venv),
      pipInstall(fc, 'python'),
    ],
    shell: fc.shell,
    for: [forId],
    risk: 'deletes the packages installed in that environment; reinstall them from requirements.txt',
  });
}

export function chownHome(fc: FixContext, dir: string, forId: string): Fix | null {
  if (fc.os === 'windows') return null;
  return makeFix({
    id: 'chown-user-folders',
    title: `give ${dir} back to your user (an earlier \`sudo pip\` made root its owner)`,
    kind: 'manual',
    commands: [`sudo chown -R "$(id -u):$(id -g)" ${quote(dir, fc.shell)}`],
    shell: fc.shell,
    for: [forId],
    risk: 'changes the owner of every file under that folder; check the path first',
  });
}

export function enableLongPaths(forId: string): Fix {
  return makeFix({
    id: 'enable-long-paths',
    title: 'enable Windows long path support (as administrator), or use a shorter folder for the environment',
    kind: 'manual',
    commands: [
      "New-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\FileSystem' -Name LongPathsEnabled -Value 1 -PropertyType DWORD -Force",
    ],
    shell: 'powershell',
    for: [forId],
    risk: 'changes a machine-wide registry setting; needs an administrator PowerShell',
  });
}

export function upgradePip(fc: FixContext, forId: string): Fix {
  return makeFix({
    id: 'upgrade-pip',
    title: 'upgrade pip with `python -m pip`, so pip.exe is not replacing itself while it runs',
    kind: 'confirm',
    commands: [commandLine(fc.shell, python(fc), '-m', 'pip', 'install', '--upgrade', 'pip')],
    shell: fc.shell,
    for: [forId],
  });
}
