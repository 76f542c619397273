// V8's compiled code for pip-doctor's own bundles, kept between runs. Most of a cold scan is
// spent compiling and first-running JavaScript; with the code cache, V8 skips the compiling.
// Node 22.1+ does this itself (module.enableCompileCache); on Node 20 the bundles in dist/cli/
// are compiled here with vm.Script's cachedData, the way v8-compile-cache does it.
//
// Compiled code is trusted like source, so a cache file is used only when it and its folder
// belong to this user and nobody else may write them (think `sudo pip-doctor` with a user's HOME).
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  type Stats,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { userCacheFolder } from '../core/cache-folder.js';

type Compiler = (module: NodeModule, filename: string) => void;

/** Where compiled code is kept: PIP_DOCTOR_COMPILE_CACHE ("0" for nowhere), else `compiled/` in pip-doctor's cache folder. */
export function compileCacheDir(env: NodeJS.ProcessEnv, platform: string, home: string): string | null {
  const set = env.PIP_DOCTOR_COMPILE_CACHE;
  if (set === '0') return null;
  return set || join(userCacheFolder(env, platform, home), 'compiled');
}

/** Only this user may have written it (POSIX); Windows ACLs are not inspected. */
function ownedAndPrivate(stats: Stats): boolean {
  if (process.platform === 'win32' || process.geteuid === undefined) return true;
  return stats.uid === process.geteuid() && (stats.mode & 0o022) === 0;
}

/**
 * Compiles pip-doctor's bundles in `bundleDir` with cached code from `cacheDir`, and saves the
 * code of those that had none when the process exits. Never throws: without a usable cache,
 * bundles are compiled the ordinary way.
 */
export function useCompileCache(bundleDir: string, cacheDir: string): void {
  // This runs in the CommonJS entry (dist/cli.cjs), where `require` is the module loader's own.
  if (Number.parseInt(process.versions.node, 10) >= 22) {
    const { enableCompileCache } = require('node:module') as {
      enableCompileCache?: (dir: string) => unknown;
    };
    if (typeof enableCompileCache === 'function') {
      try {
        enableCompileCache(cacheDir);
      } catch {
        // Compiled the ordinary way.
      }
      return;
    }
  }
  // The loader's compilers by file name extension (Module._extensions), reached through `require`
  // rather than node:module, which Node 20 would load for it: half a millisecond of every start.
  const compilers = require.extensions as unknown as Record<string, Compiler>;
  // The folder is made and checked when the first bundle loads: `--version` and `--help` load none.
  let usable: boolean | undefined;
  const folderUsable = (): boolean => {
    if (usable === undefined) {
      try {
        mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
        usable = ownedAndPrivate(statSync(cacheDir));
      } catch {
        usable = false;
      }
    }
    return usable;
  };
  const toSave: Array<{ script: Script; file: string }> = [];
  const ordinary = compilers['.js'] as Compiler;
  compilers['.cjs'] = (module, filename) => {
    if (dirname(filename) !== bundleDir || !folderUsable()) return ordinary(module, filename);
    const source = readFileSync(filename, 'utf8');
    const stats = statSync(filename);
    // The bundle's size and time say which build it is; V8 itself rejects code from another Node.
    const file = join(cacheDir, `${basename(filename)}-${stats.size}-${Math.trunc(stats.mtimeMs)}.v8`);
    const cachedData = readTrusted(file);
    const script = new Script(wrap(source), {
      filename,
      ...(cachedData ? { cachedData } : {}),
    });
    if (!cachedData || script.cachedDataRejected) toSave.push({ script, file });
    const run = script.runInThisContext() as (...args: unknown[]) => void;
    const require = (id: string) => module.require(id);
    run.call(module.exports, module.exports, require, module, filename, dirname(filename));
  };
  process.once('exit', () => {
    for (const { script, file } of toSave) {
      try {
        const temp = `${file}.${process.pid}.tmp`;
        writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
        renameSync(temp, file);
      } catch {
        // A cache that cannot be written only means the next run compiles again.
      }
    }
  });
}

function readTrusted(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    if (!ownedAndPrivate(fstatSync(fd))) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The CommonJS wrapper Node puts around a module's source (Module.wrap). */
function wrap(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
}
