// Finding a command on PATH the way the shell does.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter as hostDelimiter, posix, win32 } from 'node:path';
import { join } from '../core/fast-path.js';

/** The first PATH entry holding an executable `name`, as the shell would run it (not resolved). */
export function findOnPath(name: string, env: NodeJS.ProcessEnv, plat: string, cwd: string): string | null {
  const windows = plat === 'win32';
  const delimiter = windows ? ';' : plat === process.platform ? hostDelimiter : ':';
  const entries = (env.PATH ?? env.Path ?? '').split(delimiter);
  const extensions = windows
    ? ['', ...(env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean)]
    : [''];
  // cmd.exe looks in the current directory first; POSIX shells treat an empty entry as the current directory.
  // A folder listed twice has nothing new the second time.
  const dirs = new Set(windows ? [cwd, ...entries] : entries.map((e) => (e === '' ? cwd : e)));
  const path = windows ? win32 : posix;
  for (const dir of dirs) {
    if (!dir) continue;
    for (const ext of extensions) {
      if (windows && ext === '' && !/\.[^.\\/]+$/.test(name)) continue;
      const candidate = path === posix ? join(dir, name + ext) : win32.join(dir, name + ext);
      if (isExecutableFile(candidate, windows)) return candidate;
    }
  }
  return null;
}

function isExecutableFile(file: string, windows: boolean): boolean {
  try {
    if (!statSync(file, { throwIfNoEntry: false })?.isFile()) return false;
    if (!windows) accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
