// LOCAL FALLBACK until src/pip/index.ts exports scriptDirectoryOnPath(dir, facts): pip's own test
// for "is this scripts directory on PATH" (pip-behavior.md §6), per pip version.
import type { Facts } from '../../gather/facts.js';
import { envVar, isWindows, pathApi, pipAtLeast } from '../derive.js';

/** The PATH entries pip compares against (split on os.pathsep; a missing PATH is empty). */
export function pathEntries(facts: Facts): string[] {
  const raw = envVar(facts, 'PATH') ?? '';
  return raw === '' ? [] : raw.split(isWindows(facts) ? ';' : ':');
}

export function scriptDirectoryOnPath(dir: string, facts: Facts): boolean {
  const win = isWindows(facts);
  const api = pathApi(facts);
  const sep = win ? '\\' : '/';
  const normcase = (p: string) => (win ? p.toLowerCase().replaceAll('/', '\\') : p);
  // Python's normpath: like path.normalize, but '' → '.' and no trailing separator.
  const normpath = (p: string) => {
    if (p === '') return '.';
    const n = api.normalize(p);
    return n.length > 1 && n.endsWith(sep) && !/^[A-Za-z]:\\$/.test(n) ? n.slice(0, -1) : n;
  };
  const rstrip = (p: string) => p.replace(win ? /[\\]+$/ : /\/+$/, '');
  const exeDir = api.dirname(facts.probe.python.executable);
  if (pipAtLeast(facts, 23, 1)) {
    const wanted = normcase(normpath(dir));
    const onPath = new Set(pathEntries(facts).map((e) => rstrip(normcase(normpath(e)))));
    onPath.add(normcase(normpath(exeDir)));
    return onPath.has(wanted);
  }
  const strip = pipAtLeast(facts, 18, 0) ? rstrip : (p: string) => p;
  const wanted = normcase(dir);
  return pathEntries(facts).some((e) => strip(normcase(e)) === wanted) || normcase(exeDir) === wanted;
}
