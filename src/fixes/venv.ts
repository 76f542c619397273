// The safest fix for project work: a virtual environment of the project's own.

import { envVar, isInside, isRoot, packagesFromArgs, pathApi, pathFacts } from '../checks/derive.js';
import type { CheckContext } from '../checks/types.js';
import { projectVenvPaths } from '../checks/virtualenv/project-venv-not-active.js';
import type { Shell } from '../gather/facts.js';
import { type DoctorFix, makeFix } from './make-fix.js';
import { pythonCommand, pythonProgram } from './python.js';
import { commandLine, isPosixShell, quote, shellOf } from './shell.js';

/** The line that activates a venv folder (given as the user would type it) in this shell. */
export function activateLine(dir: string, shell: Shell): string {
  if (shell === 'powershell') return commandLine(shell, `${dir}\\Scripts\\Activate.ps1`);
  if (shell === 'cmd') return commandLine(shell, `${dir}\\Scripts\\activate.bat`);
  if (shell === 'fish') return `source ${quote(`${dir}/bin/activate.fish`, shell)}`;
  // `.` works in every POSIX shell; bash and zsh users know it as `source`.
  return `${isPosixShell(shell) && shell !== 'sh' ? 'source' : '.'} ${quote(`${dir}/bin/activate`, shell)}`;
}

export function createVenvFix(context: CheckContext, forId: string): DoctorFix {
  const { facts } = context;
  const shell = shellOf(facts);
  const packages = packagesFromArgs(context.installArgs);
  // The project already has one: use it rather than making a second.
  const existing = usableProjectVenv(facts);
  if (existing) return useVenvFix(facts, existing.dir, existing.shownAs, forId, packages);
  const commands = [
    `${pythonCommand(facts)} -m venv .venv`,
    activateLine('.venv', shell),
    ...(packages.length > 0 ? [commandLine(shell, 'python', '-m', 'pip', 'install', ...packages)] : []),
  ];
  // Under sudo the venv would belong to root: the user runs these lines as themselves, and
  // `pip-doctor fix` (running as root) must not apply it.
  const sudo = isRoot(facts) && envVar(facts, 'SUDO_USER') !== undefined;
  return makeFix({
    id: sudo ? 'create-venv-without-sudo' : 'create-venv',
    title: sudo
      ? 'without sudo, as yourself: create a virtual environment and install into it'
      : 'create a virtual environment for this project and install into it',
    kind: 'safe',
    commands,
    shell,
    for: [forId],
    ...(sudo
      ? {}
      : {
          action: {
            type: 'create-venv' as const,
            python: pythonProgram(facts),
            directory: pathApi(facts).join(facts.host.cwd, '.venv'),
            packages,
          },
        }),
    ...(facts.host.distroId &&
    ['debian', 'ubuntu'].includes(facts.host.distroId) &&
    facts.probe.prefixes.prefix === '/usr'
      ? { note: 'Debian and Ubuntu ship venv separately: if the first line fails, install python3-venv.' }
      : {}),
  });
}

/** A working venv in the current folder (.venv, venv, env) that the diagnosed pip is not already using. */
function usableProjectVenv(facts: CheckContext['facts']): { dir: string; shownAs: string } | null {
  for (const venv of projectVenvPaths(facts)) {
    if (pathFacts(facts, venv.cfg)?.exists !== true || pathFacts(facts, venv.python)?.exists !== true)
      continue;
    if (isInside(facts, facts.probe.prefixes.prefix, venv.dir)) return null;
    return { dir: venv.dir, shownAs: facts.host.platform === 'win32' ? `.\\${venv.name}` : venv.name };
  }
  return null;
}

/** Use a venv that already exists (activate it, or call its python directly). */
export function useVenvFix(
  facts: CheckContext['facts'],
  dir: string,
  shownAs: string,
  forId: string,
  packages: string[],
): DoctorFix {
  const shell = shellOf(facts);
  const python =
    facts.host.platform === 'win32' ? `${shownAs}\\Scripts\\python.exe` : `${shownAs}/bin/python`;
  return makeFix({
    id: 'activate-venv',
    title: `activate the project's virtual environment ${shownAs}`,
    kind: 'safe',
    commands: [
      activateLine(shownAs, shell),
      ...(packages.length > 0 ? [commandLine(shell, 'python', '-m', 'pip', 'install', ...packages)] : []),
    ],
    shell,
    for: [forId],
    note: `or, without activating: ${commandLine(shell, python, '-m', 'pip', 'install', ...(packages.length ? packages : ['NAME']))} (${dir})`,
    // `pip-doctor fix` cannot activate your shell, but it can install the named packages into the venv.
    ...(packages.length > 0
      ? {
          action: {
            type: 'create-venv' as const,
            python: pathApi(facts).join(dir, python.slice(shownAs.length + 1)),
            directory: dir,
            packages,
          },
        }
      : {}),
  });
}
