// The real disk, read-only, as the planner sees it.
import { lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import type { FileStat, FileView } from './plan.js';

function missing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export const diskView: FileView = {
  read(path) {
    try {
      return readFileSync(path);
    } catch (error) {
      if (missing(error)) return null;
      throw error;
    }
  },
  stat(path): FileStat | null {
    try {
      const s = lstatSync(path);
      return {
        isDirectory: s.isDirectory(),
        isSymlink: s.isSymbolicLink(),
        mode: s.mode & 0o7777,
        uid: s.uid,
        gid: s.gid,
      };
    } catch (error) {
      if (missing(error)) return null;
      throw error;
    }
  },
  realPath(path) {
    try {
      return realpathSync(path);
    } catch {
      return null;
    }
  },
  list(dir) {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  },
};
