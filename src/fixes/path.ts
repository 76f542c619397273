// Putting a scripts directory on PATH, persistently, in the way each shell expects.
import { envVar, homeDir, isInside, pathApi } from '../checks/derive.js';
import type { Facts, Shell } from '../gather/facts.js';
import { type DoctorFix, makeFix } from './make-fix.js';
import { inDoubleQuotes, psString, quote, shellOf } from './shell.js';

/** The startup file a PATH line belongs in, written as the user would type it. */
export function profileFor(facts: Facts, shell: Shell): string {
  switch (shell) {
    case 'bash':
      // macOS Terminal opens login shells, which read ~/.bash_profile and not ~/.bashrc.
      return facts.host.platform === 'darwin' ? '~/.bash_profile' : '~/.bashrc';
    case 'zsh':
      return envVar(facts, 'ZDOTDIR') ? '$ZDOTDIR/.zshrc' : '~/.zshrc';
    case 'fish':
      return '~/.config/fish/config.fish';
    case 'powershell':
    case 'cmd':
      return 'HKCU\\Environment\\Path';
    default:
      return '~/.profile';
  }
}

/** `$HOME/.local/bin` reads better and survives a renamed home; other paths stay literal. */
function posixPathValue(facts: Facts, dir: string): string {
  const home = homeDir(facts);
  if (home && dir !== home && isInside(facts, dir, home)) {
    return `$HOME/${inDoubleQuotes(pathApi(facts).relative(home, dir))}`;
  }
  return inDoubleQuotes(dir);
}

export function addToPathFix(facts: Facts, dir: string, forId: string): DoctorFix {
  const shell = shellOf(facts);
  const profile = profileFor(facts, shell);
  let commands: string[];
  if (shell === 'fish') {
    // fish_add_path (fish >= 3.2) stores it in a universal variable: every new and running shell sees it.
    commands = [`fish_add_path ${quote(dir, shell)}`];
  } else if (shell === 'powershell' || shell === 'cmd') {
    const ps = psString(dir);
    const persist = `[Environment]::SetEnvironmentVariable('Path', ${ps} + ';' + [Environment]::GetEnvironmentVariable('Path', 'User'), 'User')`;
    commands =
      shell === 'powershell'
        ? [persist, `$env:Path = ${ps} + ';' + $env:Path`]
        : [`powershell -NoProfile -Command "${persist}"`, `set "PATH=${dir};%PATH%"`];
  } else {
    const line = `export PATH="${posixPathValue(facts, dir)}:$PATH"`;
    commands = [`echo ${quote(line, shell)} >> ${profile}`, line];
  }
  return makeFix({
    id: 'add-scripts-to-path',
    title: `put ${dir} on PATH`,
    kind: 'confirm',
    commands,
    shell,
    for: [forId],
    action: { type: 'add-to-path', directory: dir, shell, profile },
    note:
      shell === 'fish'
        ? 'takes effect at once in every fish session'
        : `the last line applies it to this shell; new shells read it from ${profile}`,
  });
}
