// Every interpreter on this machine the differential suite runs against, with the facts the
// sandbox needs to build scenarios for it (asked of the interpreter itself, once).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Interpreter } from './scenarios.js';

export const PYENV_VERSIONS = '/root/.pyenv/versions';
export const SYSTEM_PYTHON = '/usr/bin/python3';

const INFO = `
import json, os, sys, sysconfig
pip_parent = pip_dist = pip_version = None
try:
    import pip
    pip_version = pip.__version__
    pip_parent = os.path.dirname(os.path.dirname(os.path.abspath(pip.__file__)))
    for name in os.listdir(pip_parent):
        if name.startswith('pip-') and name.endswith('.dist-info'):
            pip_dist = name
except Exception:
    pass
try:
    import venv
    has_venv = True
except ImportError:
    has_venv = False
paths = sysconfig.get_paths()
print(json.dumps({'version': '%d.%d.%d' % sys.version_info[:3], 'short': '%d.%d' % sys.version_info[:2],
    'pipVersion': pip_version, 'stdlib': paths['stdlib'], 'purelib': paths['purelib'],
    'pipParent': pip_parent, 'pipDistInfo': pip_dist, 'hasVenv': has_venv,
    'externallyManaged': os.path.isfile(os.path.join(paths['stdlib'], 'EXTERNALLY-MANAGED'))}))
`;

/** The pyenv interpreters (sorted by version) and Debian's python3, as far as they exist. */
export function findInterpreters(): Interpreter[] {
  const found: Interpreter[] = [];
  const versions = existsSync(PYENV_VERSIONS) ? readdirSync(PYENV_VERSIONS) : [];
  versions.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  for (const version of versions) {
    const executable = join(PYENV_VERSIONS, version, 'bin', 'python');
    if (existsSync(executable)) found.push(describe(executable, version));
  }
  if (existsSync(SYSTEM_PYTHON)) found.push(describe(SYSTEM_PYTHON, null));
  return found;
}

function describe(executable: string, pyenvVersion: string | null): Interpreter {
  const out = execFileSync(executable, ['-c', INFO], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8' },
  });
  return { executable, pyenvVersion, ...JSON.parse(out) };
}

/** A short label: "3.11.7 (pip 23.2.1)" or "Debian 3.11.2 (pip 23.0.1)". */
export function label(python: Interpreter): string {
  const pip = python.pipVersion ? `pip ${python.pipVersion}` : 'no pip';
  return `${python.pyenvVersion ? '' : 'system '}${python.version} (${pip})`;
}
