// stat, access and mount facts for the directories pip would write to.
import {
  accessSync,
  closeSync,
  constants,
  lstatSync,
  openSync,
  realpathSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { WRITE_TEST_ATTEMPTS, writeTestFileName } from '../pip/write-test.js';
import { groupName, userName } from './accounts.js';
import type { MountFacts, PathFacts } from './facts.js';
import { mountFor } from './mounts.js';

export function inspectPaths(
  paths: string[],
  cwd: string,
  plat: string,
  mounts: MountFacts[],
): Record<string, PathFacts> {
  const out: Record<string, PathFacts> = {};
  for (const path of new Set(paths)) out[path] = inspectPath(path, cwd, plat, mounts);
  return out;
}

export function inspectPath(path: string, cwd: string, plat: string, mounts: MountFacts[]): PathFacts {
  const absolute = isAbsolute(path) ? path : resolve(cwd, path);
  const facts: PathFacts = {
    path,
    exists: false,
    isDirectory: false,
    isSymlink: false,
    realPath: null,
    nearestExisting: null,
    writable: false,
    uid: null,
    gid: null,
    owner: null,
    group: null,
    mode: null,
    mount: null,
  };
  try {
    facts.isSymlink = lstatSync(absolute).isSymbolicLink();
  } catch {
    // does not exist (or cannot be reached); nearestExisting below tells which ancestor does
  }
  // The path itself (a file counts), for existence and ownership evidence.
  try {
    const own = statSync(absolute);
    facts.exists = true;
    facts.isDirectory = own.isDirectory();
    facts.realPath = realpathSync(absolute);
  } catch {
    // missing or unreachable: the nearest existing directory below stands in for it
  }
  const nearest = nearestExisting(path, cwd);
  facts.nearestExisting = nearest;
  if (nearest === null && !facts.exists) return facts;
  try {
    const statPath = facts.exists ? absolute : (nearest as string);
    const stat = statSync(statPath);
    const real = realpathSync(statPath);
    facts.uid = stat.uid;
    facts.gid = stat.gid;
    facts.owner = plat === 'win32' ? null : userName(stat.uid);
    facts.group = plat === 'win32' ? null : groupName(stat.gid);
    facts.mode = stat.mode & 0o7777;
    facts.mount = mountFor(real, mounts);
    // pip's test looks at the nearest existing directory; a file's own folder when it is a file.
    facts.writable =
      nearest === null ? false : plat === 'win32' ? windowsWritable(nearest) : posixWritable(nearest);
  } catch {
    facts.writable = false;
  }
  return facts;
}

/**
 * pip's `test_writable_dir` walk: up to the first existing *directory*. A relative path whose
 * parents do not exist ends at '' (which pip then finds not writable): we return null for it.
 */
export function nearestExisting(path: string, cwd: string): string | null {
  let current = path;
  while (current !== '' && !isDirectory(isAbsolute(current) ? current : resolve(cwd, current))) {
    const parent = dirname(current) === '.' && !current.startsWith('.') ? '' : dirname(current);
    if (parent === current) return null;
    current = parent;
  }
  return current === '' ? null : current;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** POSIX: os.access(path, W_OK) with the real uid — no file is created. */
function posixWritable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Windows: pip creates and deletes a uniquely named file; a permission error means not writable. */
function windowsWritable(dir: string): boolean {
  for (let attempt = 0; attempt < WRITE_TEST_ATTEMPTS; attempt++) {
    const file = resolve(dir, writeTestFileName());
    try {
      closeSync(openSync(file, 'wx'));
      unlinkSync(file);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      return false;
    }
  }
  return false;
}
