// The PATH line in a shell's startup file: inside a marked block, added only when missing, in
// the syntax of bash/zsh/sh, fish or PowerShell.
import { posix, win32 } from 'node:path';
import { inDoubleQuotes, psString, quote } from '../fixes/shell.js';

export const BLOCK_START = '# >>> pip-doctor >>>';
export const BLOCK_END = '# <<< pip-doctor <<<';

export interface ProfileHost {
  platform: string;
  env: Record<string, string | undefined>;
  home: string;
}

/**
 * The file a fix's profile (as the fix builders write it, e.g. `~/.bashrc`, `$ZDOTDIR/.zshrc`)
 * names, or null for shells without a startup file pip-doctor edits (cmd).
 */
export function resolveProfile(profile: string, shell: string, host: ProfileHost): string | null {
  const api = host.platform === 'win32' ? win32 : posix;
  if (shell === 'powershell') return powershellProfile(host);
  if (shell === 'cmd') return null;
  if (profile.startsWith('~/')) return api.join(host.home, profile.slice(2));
  if (profile.startsWith('$ZDOTDIR/')) {
    return api.join(host.env['ZDOTDIR'] || host.home, profile.slice('$ZDOTDIR/'.length));
  }
  if (profile.startsWith('$HOME/')) return api.join(host.home, profile.slice('$HOME/'.length));
  return api.isAbsolute(profile) ? profile : null;
}

/** $PROFILE (CurrentUserCurrentHost) of PowerShell 7, or of Windows PowerShell 5.1 when that is the one in use. */
export function powershellProfile(host: ProfileHost): string {
  if (host.platform !== 'win32') {
    const config = host.env['XDG_CONFIG_HOME'] || posix.join(host.home, '.config');
    return posix.join(config, 'powershell', 'Microsoft.PowerShell_profile.ps1');
  }
  const modulePath = (host.env['PSModulePath'] ?? '').toLowerCase();
  const windowsPowerShell = !modulePath.includes('\\documents\\powershell\\modules');
  return win32.join(
    host.home,
    'Documents',
    windowsPowerShell ? 'WindowsPowerShell' : 'PowerShell',
    'Microsoft.PowerShell_profile.ps1',
  );
}

/** The one line that puts `dir` in front of PATH, for this shell. */
export function pathLine(shell: string, dir: string, home: string | null): string {
  if (shell === 'fish') {
    const q = quote(dir, 'fish');
    return `contains -- ${q} $PATH; or set -gx PATH ${q} $PATH`;
  }
  if (shell === 'powershell') return `$env:Path = ${psString(dir)} + [IO.Path]::PathSeparator + $env:Path`;
  // `$HOME/.local/bin` reads better and survives a renamed home.
  const value =
    home && dir.startsWith(`${home.replace(/\/+$/, '')}/`)
      ? `$HOME/${inDoubleQuotes(dir.slice(home.replace(/\/+$/, '').length + 1))}`
      : inDoubleQuotes(dir);
  return `export PATH="${value}:$PATH"`;
}

/**
 * The profile's text with the PATH line in pip-doctor's block: unchanged when the line is already
 * there, added to an existing block, or a new block at the end (after a blank line).
 */
export function addPathBlock(text: string, line: string, today: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const start = lines.indexOf(BLOCK_START);
  const end = start >= 0 ? lines.indexOf(BLOCK_END, start) : -1;
  if (start >= 0 && end > start) {
    if (lines.slice(start, end).includes(line)) return text;
    // Insert before the end marker, keeping every other byte.
    const offset = nthLineOffset(text, end);
    return `${text.slice(0, offset)}${line}${eol}${text.slice(offset)}`;
  }
  const block = [
    BLOCK_START,
    `# added by pip-doctor on ${today}; \`pip-doctor fix --undo\` removes it`,
    line,
    BLOCK_END,
  ].join(eol);
  if (text === '') return `${block}${eol}`;
  const ending = /\r?\n$/.test(text) ? '' : eol;
  return `${text}${ending}${eol}${block}${eol}`;
}

/** Whether the profile already has the line inside pip-doctor's block. */
export function hasPathLine(text: string, line: string): boolean {
  return addPathBlock(text, line, '') === text;
}

function nthLineOffset(text: string, n: number): number {
  let offset = 0;
  for (let i = 0; i < n; i++) offset = text.indexOf('\n', offset) + 1;
  return offset;
}
