// Quoting and command lines per shell, so every command we print can be pasted as is.
import type { Facts, Shell } from '../gather/facts.js';

/** The shell the user types into: the detected one, else the platform's usual one. */
export function shellOf(facts: Facts): Shell {
  return facts.host.shell ?? (facts.host.platform === 'win32' ? 'powershell' : 'sh');
}

export function isPosixShell(shell: Shell): boolean {
  return shell === 'bash' || shell === 'zsh' || shell === 'sh';
}

const POSIX_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;
const WINDOWS_SAFE = /^[A-Za-z0-9_@+=:,./\\-]+$/;

/** One argument, quoted only when the shell needs it. */
export function quote(arg: string, shell: Shell): string {
  if (arg === '') return shell === 'cmd' ? '""' : "''";
  switch (shell) {
    case 'powershell':
      // Single-quoted strings are literal in PowerShell; a quote is written twice.
      return WINDOWS_SAFE.test(arg) ? arg : `'${arg.replaceAll("'", "''")}'`;
    case 'cmd':
      // Windows paths cannot contain `"`; quoting protects spaces and & | < > ^ ( ).
      return WINDOWS_SAFE.test(arg) ? arg : `"${arg}"`;
    case 'fish':
      return POSIX_SAFE.test(arg) ? arg : `'${arg.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
    default:
      return POSIX_SAFE.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`;
  }
}

/** A program and its arguments as one line. PowerShell needs `&` to run a quoted path. */
export function commandLine(shell: Shell, program: string, ...args: string[]): string {
  const head = quote(program, shell);
  const call = shell === 'powershell' && head.startsWith("'") ? `& ${head}` : head;
  return [call, ...args.map((a) => quote(a, shell))].join(' ');
}

/** Text inside POSIX double quotes: only \ " $ and ` are special there. */
export function inDoubleQuotes(text: string): string {
  return text.replace(/[\\"$`]/g, (c) => `\\${c}`);
}

/** A PowerShell single-quoted string literal (always quoted: for use inside expressions). */
export function psString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
