// Path arithmetic the way the target Python does it (posixpath or ntpath), so that paths
// computed here are character-for-character the ones pip prints.
import { posix, win32 } from 'node:path';

export interface PathFlavour {
  windows: boolean;
}

export function flavourOf(platform: string): PathFlavour {
  return { windows: platform === 'win32' };
}

/** os.path.normpath: collapses ".", ".." and repeated separators; "" becomes ".". */
export function normpath(path: string, flavour: PathFlavour): string {
  if (path === '') return '.';
  if (flavour.windows) {
    const n = win32.normalize(path);
    return n.length > 3 && /[\\]$/.test(n) ? n.slice(0, -1) : n;
  }
  // POSIX keeps exactly two leading slashes; node collapses them.
  const leading = path.startsWith('//') && !path.startsWith('///') ? '//' : path.startsWith('/') ? '/' : '';
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && (parts.length > 0 ? parts[parts.length - 1] !== '..' : leading !== '')) {
      if (parts.length > 0) parts.pop();
      continue;
    }
    parts.push(part);
  }
  const joined = leading + parts.join('/');
  return joined === '' ? '.' : joined;
}

/** pip's change_root: re-roots an absolute path under `root` (used for --root). */
export function changeRoot(root: string, path: string, flavour: PathFlavour): string {
  if (flavour.windows) {
    const withoutDrive = path.replace(/^[A-Za-z]:/, '').replace(/^\\\\[^\\]+\\[^\\]+/, '');
    const relative = withoutDrive.startsWith('\\') ? withoutDrive.slice(1) : withoutDrive;
    return win32.join(root, relative);
  }
  return pyJoin(root, path.startsWith('/') ? path.slice(1) : path);
}

/** posixpath.join: no normalisation, a "/" is added only when needed. */
export function pyJoin(a: string, b: string): string {
  if (b.startsWith('/')) return b;
  if (a === '' || a.endsWith('/')) return a + b;
  return `${a}/${b}`;
}

export function dirname(path: string, flavour: PathFlavour): string {
  return flavour.windows ? win32.dirname(path) : posixDirname(path);
}

/** posixpath.dirname: everything before the last "/", trailing slashes removed unless it is all slashes. */
function posixDirname(path: string): string {
  const cut = path.lastIndexOf('/') + 1;
  const head = path.slice(0, cut);
  return head && head !== '/'.repeat(head.length) ? head.replace(/\/+$/, '') : head;
}

/** An absolute, normalised form for the report (relative paths are relative to the cwd pip runs in). */
export function absolute(path: string, cwd: string, flavour: PathFlavour): string {
  return flavour.windows ? win32.resolve(cwd, path) : posix.resolve(cwd, path);
}
