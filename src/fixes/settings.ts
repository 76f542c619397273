// Undoing a pip setting the user may not know about: a config file line or a PIP_* variable.
import type { SettingSource } from '../core/types.js';
import type { Facts } from '../gather/facts.js';
import { type DoctorFix, makeFix } from './make-fix.js';
import { pipCommand } from './python.js';
import { commandLine, psString, quote, shellOf } from './shell.js';

/** The INI section a 1-based line of a config file belongs to. */
export function sectionAt(text: string, line: number): string | null {
  const lines = text.split(/\r?\n/).slice(0, line);
  for (let i = lines.length - 1; i >= 0; i--) {
    const match = /^\s*\[([^\]]+)\]/.exec(lines[i] ?? '');
    if (match) return (match[1] ?? '').trim();
  }
  return null;
}

export function envVarName(setting: SettingSource): string | null {
  return /^environment variable (\S+)$/.exec(setting.from)?.[1] ?? null;
}

export function undoSettingFix(facts: Facts, setting: SettingSource, forId: string): DoctorFix | null {
  const shell = shellOf(facts);
  const name = envVarName(setting);
  if (name) return unsetEnvFix(facts, name, forId);
  const file = facts.configFiles.find((f) => f.path === setting.from);
  if (!file || setting.line === undefined) return null;
  const section = (file.text && sectionAt(file.text, setting.line)) ?? 'global';
  const systemWide = file.level === 'global' || file.level === 'site';
  const commands =
    shell === 'powershell' || shell === 'cmd'
      ? commentOutPowerShell(file.path, setting.line, shell)
      : [
          `${systemWide ? 'sudo ' : ''}sed -i.bak ${quote(`${setting.line}s/^/# /`, shell)} ${quote(file.path, shell)}`,
        ];
  return makeFix({
    id: `comment-out-${setting.option}`,
    title: `turn off \`${setting.option} = ${setting.value}\` in ${file.path} (line ${setting.line}, [${section}])`,
    kind: systemWide ? 'manual' : 'confirm',
    commands,
    shell,
    for: [forId],
    action: { type: 'remove-config-key', file: file.path, section, key: setting.option },
    ...(systemWide
      ? { risk: `edits a ${file.level} pip configuration file as root; it applies to every user` }
      : {}),
    note: `a copy of the file is kept as ${file.path}.bak; \`${pipCommand(facts, 'config', 'debug')}\` lists every file and value pip reads`,
  });
}

function commentOutPowerShell(path: string, line: number, shell: 'powershell' | 'cmd'): string[] {
  const file = psString(path);
  const script = `Copy-Item ${file} (${file} + '.bak'); $n = 0; (Get-Content ${file}) | ForEach-Object { $n++; if ($n -eq ${line}) { '# ' + $_ } else { $_ } } | Set-Content ${file}`;
  return shell === 'powershell' ? [script] : [`powershell -NoProfile -Command "${script}"`];
}

export function unsetEnvFix(facts: Facts, name: string, forId: string): DoctorFix {
  const shell = shellOf(facts);
  const line =
    shell === 'fish'
      ? `set -e ${name}`
      : shell === 'powershell'
        ? `Remove-Item Env:${name}`
        : shell === 'cmd'
          ? `set ${name}=`
          : commandLine(shell, 'unset', name);
  return makeFix({
    id: `unset-${name.toLowerCase().replaceAll('_', '-')}`,
    title: `unset ${name} in this shell, and remove it where it is set (shell profile, CI settings)`,
    kind: 'safe',
    commands: [line],
    shell,
    for: [forId],
  });
}
