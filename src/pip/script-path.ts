// pip's "is this scripts directory on PATH?" test behind the warning "The script X is installed
// in 'D' which is not on PATH" (pip-behavior.md §6), with each version's comparison rules.
import type { Facts } from '../gather/facts.js';
import { envValue } from './environment.js';
import { dirname, flavourOf, normpath } from './paths.js';
import { atLeast, type PipVersion } from './version.js';

export function pathEntries(facts: Pick<Facts, 'host'>): string[] {
  const raw = envValue(facts.host, 'PATH') ?? '';
  return raw === '' ? [] : raw.split(facts.host.platform === 'win32' ? ';' : ':');
}

/** Whether pip would stay quiet about scripts installed in `dir` (the interpreter's own folder counts). */
export function scriptDirectoryOnPath(dir: string, facts: Facts, version: PipVersion): boolean {
  const flavour = flavourOf(facts.host.platform);
  const sep = flavour.windows ? '\\' : '/';
  const normcase = (p: string) => (flavour.windows ? p.toLowerCase().replaceAll('/', '\\') : p);
  const rstrip = (p: string) => {
    let end = p.length;
    while (end > 0 && p[end - 1] === sep) end--;
    return p.slice(0, end);
  };
  const exeDir = dirname(facts.probe.python.executable, flavour);
  const entries = pathEntries(facts);
  if (atLeast(version, 26, 2)) {
    // 26.2 resolves symlinks on both sides (facts.paths holds the real paths gather found).
    const resolve = (p: string) => normcase(facts.paths[p]?.realPath ?? normpath(p, flavour));
    const wanted = resolve(dir);
    return [exeDir, ...entries].some((entry) => resolve(entry) === wanted);
  }
  if (atLeast(version, 23, 1)) {
    const wanted = normcase(normpath(dir, flavour));
    const quiet = new Set(entries.map((e) => rstrip(normcase(normpath(e, flavour)))));
    quiet.add(normcase(normpath(exeDir, flavour)));
    return quiet.has(wanted);
  }
  const strip = atLeast(version, 18) ? rstrip : (p: string) => p;
  const wanted = normcase(dir);
  return entries.some((e) => strip(normcase(e)) === wanted) || normcase(exeDir) === wanted;
}

/** The PATH entries and scripts directory whose real paths pip >= 26.2 compares. */
export function scriptPathsToResolve(facts: Pick<Facts, 'host'>, version: PipVersion): string[] {
  return atLeast(version, 26, 2) ? pathEntries(facts).filter((e) => e !== '') : [];
}

/** pip's NOTE when a PATH entry starts with "~" (>= 20.0). */
export function tildeNote(facts: Pick<Facts, 'host'>, version: PipVersion): string | null {
  if (!atLeast(version, 20)) return null;
  return pathEntries(facts).some((e) => e.startsWith('~'))
    ? 'NOTE: The current PATH contains path(s) starting with `~`, which may not be expanded by all applications.'
    : null;
}
