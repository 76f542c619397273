// A venv whose base interpreter was removed or upgraded away (pyenv uninstall, brew upgrade, distro upgrade).

import type { Evidence } from '../../core/types.js';
import { makeFix } from '../../fixes/make-fix.js';
import { pythonCommand } from '../../fixes/python.js';
import { commandLine, shellOf } from '../../fixes/shell.js';
import { isVenv, isWindows, pathFacts, pyvenvValue } from '../derive.js';
import { pathEvidence } from '../evidence.js';
import type { Check, Diagnosis } from '../types.js';
import { projectVenvPaths } from './project-venv-not-active.js';

const ID = 'venv-base-missing';

export const venvBaseMissing: Check = {
  id: ID,
  findings: [ID],
  run(context) {
    const { facts } = context;
    const broken: Array<{ dir: string; shownAs: string; evidence: Evidence[] }> = [];
    // The diagnosed interpreter is a venv whose pyvenv.cfg `home` is gone (Windows venvs copy python.exe, so they still run).
    const home = isVenv(facts) ? pyvenvValue(facts, 'home') : null;
    if (home && pathFacts(facts, home)?.exists === false) {
      broken.push({
        dir: facts.probe.prefixes.prefix,
        shownAs: facts.probe.prefixes.prefix,
        evidence: [
          pathEvidence('pyvenv.cfg', facts.probe.pyvenvCfg.path),
          pathEvidence('home (missing)', home),
        ],
      });
    }
    for (const venv of projectVenvPaths(facts)) {
      const python = pathFacts(facts, venv.python);
      if (pathFacts(facts, venv.cfg)?.exists !== true || !python || python.exists) continue;
      broken.push({
        dir: venv.dir,
        shownAs: venv.name,
        evidence: [
          pathEvidence('pyvenv.cfg', venv.cfg),
          pathEvidence(
            python.isSymlink ? 'interpreter (broken symlink)' : 'interpreter (missing)',
            venv.python,
          ),
        ],
      });
    }
    return broken.map((venv): Diagnosis => {
      const shell = shellOf(facts);
      // Recreate it with a Python that exists: the diagnosed one unless it is the broken venv itself.
      const python =
        venv.dir === facts.probe.prefixes.prefix
          ? isWindows(facts)
            ? 'py'
            : 'python3'
          : pythonCommand(facts);
      return {
        finding: {
          id: ID,
          cause: 'virtualenv',
          severity: 'error',
          title: `the virtual environment ${venv.shownAs} lost its base Python`,
          evidence: venv.evidence,
          explanation:
            'Its python cannot start, so neither can its pip; the environment has to be made again.',
        },
        fixes: [
          makeFix({
            id: 'recreate-venv',
            title: `recreate ${venv.shownAs} (then reinstall its packages)`,
            kind: 'manual',
            commands: [`${python} -m venv --clear ${commandLine(shell, venv.shownAs)}`],
            shell,
            for: [ID],
            risk: 'deletes everything installed in it; keep a requirements file (pip freeze) first if you can',
          }),
        ],
      };
    });
  },
};
