// How the scan cache records a path: what a change to the file, its mode or owner, or its
// appearance or disappearance would alter. One format and one way of looking, used when the scan
// looks at a path and when the cache is checked later.
import { type Stats, stat, statSync } from 'node:fs';

/** "-" for a path that does not exist, "!" for one that cannot be looked at, else its stat fields. */
export function statState(stats: Stats | null | undefined, errorCode?: string): string {
  if (stats) return `${stats.mtimeMs}:${stats.ctimeMs}:${stats.size}:${stats.ino}:${stats.mode}`;
  return errorCode === undefined || errorCode === 'ENOENT' ? '-' : '!';
}

/** A path's stats (null when it cannot be looked at) and its state, in one look. */
export function statWithState(path: string): [Stats | null, string] {
  try {
    const stats = statSync(path, { throwIfNoEntry: false }) ?? null;
    return [stats, statState(stats)];
  } catch (error) {
    return [null, statState(null, (error as NodeJS.ErrnoException).code ?? 'EIO')];
  }
}

/** statWithState through the thread pool. */
export function statWithStateLater(path: string): Promise<[Stats | null, string]> {
  return new Promise((resolve) =>
    stat(path, (error, stats) => resolve([error ? null : stats, statState(stats, error?.code)])),
  );
}
