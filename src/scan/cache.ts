// The scan cache: the last answer, plus the state of every path it depended on (interpreters,
// pyvenv.cfg, markers, config files, the folders that were listed, files that were missing).
// A warm scan is one readFileSync and one statSync per watched path on a local disk; paths on
// network file systems are stat-ed in parallel through the thread pool, with a time limit, so a
// stalled mount turns into a cache miss rather than a hang. Kept free of heavy imports: this
// module is on the warm path of `pip-doctor scan`.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { userCacheFolder } from '../core/cache-folder.js';
import { join } from '../core/fast-path.js';
import { statWithState, statWithStateLater } from './path-state.js';
import type { ScanResult } from './types.js';

const FORMAT = 1;

export interface CacheFile {
  format: number;
  toolVersion: string;
  fingerprint: Record<string, string | number | null>;
  watch: [string, string][];
  result: ScanResult;
}

/** Where the cache lives: PIP_DOCTOR_CACHE_DIR, else the platform's user cache folder. */
export function cacheDir(env: NodeJS.ProcessEnv, platform: string, home: string): string {
  return env.PIP_DOCTOR_CACHE_DIR || userCacheFolder(env, platform, home);
}

/** The cache file for one folder: scans from different folders differ (project venvs, .python-version). */
export function cacheFileFor(dir: string, cwd: string): string {
  // FNV-1a: a stable short name without loading node:crypto on the warm path.
  let hash = 0x811c9dc5;
  for (let i = 0; i < cwd.length; i++) {
    hash ^= cwd.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return join(dir, `scan-v${FORMAT}-${hash.toString(16).padStart(8, '0')}.json`);
}

// Environment variables that change what a scan finds or decides: these names, and the names
// that start with these prefixes. (Plain lookups: one big pattern costs more to compile than
// every other step of the cache check.)
const RELEVANT_NAMES = new Set([
  'PATH',
  'Path',
  'PATHEXT',
  'HOME',
  'USERPROFILE',
  'LOCALAPPDATA',
  'APPDATA',
  'ProgramData',
  'VIRTUAL_ENV',
  'WORKON_HOME',
  'RYE_HOME',
  'DEVELOPER_DIR',
]);
const RELEVANT_PREFIXES = [
  'ProgramFiles',
  'PYENV',
  'CONDA_',
  'MAMBA_',
  'PIPX_',
  'UV_',
  'XDG_',
  'PIP_',
  'PYTHON',
  'HOMEBREW_',
  'ASDF_',
  'MISE_',
  'POETRY_',
  'HATCH_',
  'PDM_',
];

function relevantVariable(name: string): boolean {
  if (name.startsWith('PIP_DOCTOR_')) return false; // pip-doctor's own settings, not pip's
  return RELEVANT_NAMES.has(name) || RELEVANT_PREFIXES.some((prefix) => name.startsWith(prefix));
}

export function fingerprint(
  env: NodeJS.ProcessEnv,
  cwd: string,
  platform: string,
): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {
    platform,
    cwd,
    uid: process.getuid?.() ?? null,
    euid: process.geteuid?.() ?? null,
    gid: process.getgid?.() ?? null,
  };
  for (const name of Object.keys(env).sort()) {
    if (relevantVariable(name)) out[`env:${name}`] = env[name] ?? null;
  }
  return out;
}

/** How the cache stats the paths it watches. */
export interface WatchOptions {
  /** Paths on file systems that answer promptly (stat-ed blocking); see local-paths.ts. */
  isLocal: (path: string) => boolean;
  /** How long the other paths may take, together. */
  timeoutMs: number;
}

const ALL_LOCAL: WatchOptions = { isLocal: () => true, timeoutMs: 0 };

/** The path's state now (see path-state.ts). */
export function pathState(path: string): string {
  return statWithState(path)[1];
}

/** pathState through the thread pool. */
function pathStateLater(path: string): Promise<string> {
  return statWithStateLater(path).then((read) => read[1]);
}

/**
 * The state of each path, or null when a non-local one did not answer in time. `seen` holds the
 * states the scan itself observed: recording those (not a second look) means a file changed
 * while the scan ran makes the cache miss, rather than hold an answer made from the old file.
 */
async function pathStates(
  paths: string[],
  watch: WatchOptions,
  seen: ReadonlyMap<string, string> = new Map(),
): Promise<string[] | null> {
  const states: (string | Promise<string>)[] = paths.map(
    (path) => seen.get(path) ?? (watch.isLocal(path) ? pathState(path) : pathStateLater(path)),
  );
  if (states.every((state) => typeof state === 'string')) return states as string[];
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), watch.timeoutMs);
  });
  const all = await Promise.race([Promise.all(states), late]);
  clearTimeout(timer);
  return all;
}

/** Records the answer and the state of every watched path; false when a path did not answer. */
export async function writeCache(
  file: string,
  toolVersion: string,
  print: Record<string, string | number | null>,
  watched: Iterable<string>,
  result: ScanResult,
  watch: WatchOptions = ALL_LOCAL,
  seen?: ReadonlyMap<string, string>,
): Promise<boolean> {
  const paths = [...new Set(watched)];
  const states = await pathStates(paths, watch, seen);
  if (states === null) return false;
  const data: CacheFile = {
    format: FORMAT,
    toolVersion,
    fingerprint: print,
    watch: paths.map((path, i) => [path, states[i] as string]),
    result,
  };
  const dir = join(file, '..');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Write then rename, so a concurrent scan never reads half a file.
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(data), { mode: 0o600 });
  renameSync(temp, file);
  return true;
}

export type CacheLookup = { result: ScanResult; checked: number } | { miss: string };

/** The cached answer if nothing it depends on has changed since, else why not. */
export async function readCache(
  file: string,
  toolVersion: string,
  print: Record<string, string | number | null>,
  watch: WatchOptions = ALL_LOCAL,
): Promise<CacheLookup> {
  let data: CacheFile;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
  } catch {
    return { miss: 'no cache' };
  }
  if (data.format !== FORMAT || data.toolVersion !== toolVersion)
    return { miss: 'cache from another version' };
  const keys = new Set([...Object.keys(print), ...Object.keys(data.fingerprint ?? {})]);
  for (const key of keys) {
    if ((print[key] ?? null) !== (data.fingerprint?.[key] ?? null)) return { miss: `${key} changed` };
  }
  if (!Array.isArray(data.watch)) return { miss: 'damaged cache' };
  // Local paths first, stopping at the first change; the others together, in parallel.
  const remote: [string, string][] = [];
  for (const [path, state] of data.watch) {
    if (!watch.isLocal(path)) remote.push([path, state]);
    else if (pathState(path) !== state) return { miss: `${path} changed` };
  }
  if (remote.length > 0) {
    const states = await pathStates(
      remote.map(([path]) => path),
      { ...watch, isLocal: () => false },
    );
    if (states === null) return { miss: 'a network file system did not answer in time' };
    const changed = remote.findIndex(([, state], i) => states[i] !== state);
    if (changed >= 0) return { miss: `${remote[changed]?.[0]} changed` };
  }
  return { result: data.result, checked: data.watch.length };
}
