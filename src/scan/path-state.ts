// How the scan cache records a path: what a change to the file, its mode or owner, or its
// appearance or disappearance would alter. One format, used when the scan looks at a path and
// when the cache is checked later.
import type { Stats } from 'node:fs';

/** "-" for a path that does not exist, "!" for one that cannot be looked at, else its stat fields. */
export function statState(stats: Stats | null | undefined, errorCode?: string): string {
  if (stats) return `${stats.mtimeMs}:${stats.ctimeMs}:${stats.size}:${stats.ino}:${stats.mode}`;
  return errorCode === undefined || errorCode === 'ENOENT' ? '-' : '!';
}
