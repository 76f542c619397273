// pip's install-location decision as pure TypeScript: facts + `pip install` arguments -> where
// the package lands or why pip refuses, with the lines pip prints (pip 9.0 to 26.x).
import type { Facts, PathFacts } from '../gather/facts.js';
import { macAppSupportDir } from './config-files.js';
import { expandUser } from './environment.js';
import { predict } from './predict.js';
import { scriptPathsToResolve } from './script-path.js';
import { parsePipVersion } from './version.js';

export { configFileLocations } from './config-files.js';
export { PipUsageError } from './options.js';
export { predict } from './predict.js';
export { pathEntries, scriptDirectoryOnPath } from './script-path.js';
export { atLeast, type PipVersion, parsePipVersion } from './version.js';

/**
 * Every path whose stat/writability `predict` looks up in facts.paths. Found by running the
 * model itself with every directory writable and then with none writable, recording each
 * lookup, so the gather step and the model can never disagree about what to inspect.
 */
export function pathsToInspect(facts: Omit<Facts, 'paths'>, installArgs: string[]): string[] {
  const wanted = new Set<string>();
  for (const writable of [true, false]) {
    const paths = new Proxy({} as Record<string, PathFacts>, {
      get(_target, key) {
        if (typeof key !== 'string') return undefined;
        wanted.add(key);
        return stub(key, writable);
      },
    });
    try {
      predict({ ...facts, paths }, installArgs);
    } catch {
      // a usage error shows up again, with its message, when the real prediction runs
    }
  }
  const home = expandUser(facts.host);
  if (facts.host.platform === 'darwin' && home) wanted.add(macAppSupportDir(home));
  const version = facts.probe.pip.version ? parsePipVersion(facts.probe.pip.version) : null;
  if (version) for (const entry of scriptPathsToResolve(facts, version)) wanted.add(entry);
  return [...wanted];
}

function stub(path: string, writable: boolean): PathFacts {
  return {
    path,
    exists: true,
    isDirectory: true,
    isSymlink: false,
    realPath: path,
    nearestExisting: path,
    writable,
    uid: null,
    gid: null,
    owner: null,
    group: null,
    mode: null,
    mount: null,
  };
}
