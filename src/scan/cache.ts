// The scan cache: the last answer, plus the state of every path it depended on (interpreters,
// pyvenv.cfg, markers, config files, the folders that were listed, files that were missing).
// A warm scan is one readFileSync and one statSync per watched path. Kept free of heavy imports:
// this module is on the warm path of `pip-doctor scan`.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
  if (env.PIP_DOCTOR_CACHE_DIR) return env.PIP_DOCTOR_CACHE_DIR;
  if (platform === 'win32')
    return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'pip-doctor', 'Cache');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'pip-doctor');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'pip-doctor');
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

/** Environment variables that change what a scan finds or decides. */
const RELEVANT_ENV =
  /^(PATH|Path|PATHEXT|HOME|USERPROFILE|LOCALAPPDATA|APPDATA|ProgramData|ProgramFiles.*|PYENV.*|CONDA_.*|MAMBA_.*|VIRTUAL_ENV|WORKON_HOME|PIPX_.*|UV_.*|XDG_.*|PIP_.*|PYTHON.*|HOMEBREW_.*|ASDF_.*|MISE_.*|POETRY_.*|HATCH_.*|PDM_.*|RYE_HOME|DEVELOPER_DIR)$/;

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
    if (RELEVANT_ENV.test(name) && name !== 'PIP_DOCTOR_CACHE_DIR') out[`env:${name}`] = env[name] ?? null;
  }
  return out;
}

/** stat() state of a path: what a change to the file, its mode or owner, or its appearance would alter. */
export function pathState(path: string): string {
  try {
    const s = statSync(path, { bigint: false, throwIfNoEntry: false });
    if (!s) return '-';
    return `${s.mtimeMs}:${s.ctimeMs}:${s.size}:${s.ino}:${s.mode}`;
  } catch {
    return '!';
  }
}

export function writeCache(
  file: string,
  toolVersion: string,
  print: Record<string, string | number | null>,
  watched: Iterable<string>,
  result: ScanResult,
): void {
  const data: CacheFile = {
    format: FORMAT,
    toolVersion,
    fingerprint: print,
    watch: [...new Set(watched)].map((path) => [path, pathState(path)]),
    result,
  };
  const dir = join(file, '..');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Write then rename, so a concurrent scan never reads half a file.
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(data), { mode: 0o600 });
  renameSync(temp, file);
}

export type CacheLookup = { result: ScanResult; checked: number } | { miss: string };

/** The cached answer if nothing it depends on has changed since, else why not. */
export function readCache(
  file: string,
  toolVersion: string,
  print: Record<string, string | number | null>,
): CacheLookup {
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
  for (const [path, state] of data.watch) {
    if (pathState(path) !== state) return { miss: `${path} changed` };
  }
  return { result: data.result, checked: data.watch.length };
}
