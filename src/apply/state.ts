// Where `fix` keeps its journal, backups and the record of applied fixes:
// $XDG_STATE_HOME/pip-doctor, ~/.local/state/pip-doctor, or %LOCALAPPDATA%\pip-doctor.
import { posix, win32 } from 'node:path';

export function stateDir(platform: string, env: Record<string, string | undefined>, home: string): string {
  if (platform === 'win32') {
    return win32.join(env['LOCALAPPDATA'] || win32.join(home, 'AppData', 'Local'), 'pip-doctor');
  }
  const base =
    env['XDG_STATE_HOME'] && posix.isAbsolute(env['XDG_STATE_HOME']) ? env['XDG_STATE_HOME'] : null;
  return posix.join(base ?? posix.join(home, '.local', 'state'), 'pip-doctor');
}
