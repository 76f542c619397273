// Command-line applications belong in an isolated tool environment: pipx, or uv's tool command.

import { packagesFromArgs } from '../checks/derive.js';
import { distroFamily, installKind } from '../checks/install-kind.js';
import type { CheckContext } from '../checks/types.js';
import { type DoctorFix, makeFix } from './make-fix.js';
import { commandLine, shellOf } from './shell.js';

/** null when no package was named: an app fix with a placeholder name is not worth showing. */
export function appToolFix(context: CheckContext, forId: string): DoctorFix | null {
  const { facts } = context;
  const packages = packagesFromArgs(context.installArgs);
  if (packages.length === 0) return null;
  const shell = shellOf(facts);
  const title = `if ${packages.join(' and ')} ${packages.length > 1 ? 'are command-line apps' : 'is a command-line app'}, install it in its own environment with`;
  const pipx = facts.host.tools['pipx'];
  const uv = facts.host.tools['uv'];
  if (pipx || uv) {
    const tool = pipx ? 'pipx' : 'uv';
    const commands = packages.map((p) =>
      pipx ? commandLine(shell, 'pipx', 'install', p) : commandLine(shell, 'uv', 'tool', 'install', p),
    );
    return makeFix({
      id: `install-app-${tool}`,
      title: `${title} ${tool === 'uv' ? 'uv tool' : 'pipx'}`,
      kind: 'confirm',
      commands,
      shell,
      for: [forId],
      action: { type: 'install-app', tool, toolPath: (pipx ?? uv) as string, packages },
    });
  }
  const install = pipxInstallLine(context);
  if (!install) return null;
  return makeFix({
    id: 'install-app-pipx',
    title: `${title} pipx (not installed yet)`,
    kind: install.includes('sudo ') ? 'manual' : 'confirm',
    commands: [install, 'pipx ensurepath', ...packages.map((p) => commandLine(shell, 'pipx', 'install', p))],
    shell,
    for: [forId],
    ...(install.includes('sudo ')
      ? { risk: 'installs the pipx package system-wide with your package manager' }
      : {}),
  });
}

/** How this system installs pipx itself (never with pip into a managed Python). */
function pipxInstallLine(context: CheckContext): string | null {
  const { facts } = context;
  if (installKind(facts) === 'homebrew' || facts.host.tools['brew']) return 'brew install pipx';
  switch (distroFamily(facts)) {
    case 'debian':
      return 'sudo apt install pipx';
    case 'fedora':
      return 'sudo dnf install pipx';
    case 'arch':
      return 'sudo pacman -S python-pipx';
    case 'alpine':
      return 'sudo apk add pipx';
    default:
      return null;
  }
}
