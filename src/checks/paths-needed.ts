// The paths the checks look up in facts.paths, so the gather side can stat them (merge with
// the pip model's pathsToInspect). Only cheap stats: nothing here is executed.
import type { Facts } from '../gather/facts.js';
import { CLT_PYTHON, XCODE_PYTHON } from './os/macos-system-python.js';
import { userFolders } from './permissions/user-folders-owned-by-root.js';
import { projectVenvPaths } from './virtualenv/project-venv-not-active.js';

export function checkPathsToInspect(facts: Omit<Facts, 'paths'>): string[] {
  const { host, probe } = facts;
  const sep = host.platform === 'win32' ? '\\' : '/';
  const paths = [
    ...userFolders(facts),
    ...projectVenvPaths(facts).flatMap((v) => [v.dir, v.cfg, v.python]),
    // conda's marker folder, to tell a conda base from a plain install.
    `${probe.prefixes.basePrefix ?? probe.prefixes.prefix}${sep}conda-meta`,
  ];
  const home = /^\s*home\s*=\s*(.*?)\s*$/.exec(
    (probe.pyvenvCfg.lines ?? []).find((l) => /^\s*home\s*=/.test(l)) ?? '',
  );
  if (home?.[1]) paths.push(home[1]);
  if (host.platform === 'darwin') paths.push(CLT_PYTHON, XCODE_PYTHON);
  return [...new Set(paths)];
}
