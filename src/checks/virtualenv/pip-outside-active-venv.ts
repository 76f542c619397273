// VIRTUAL_ENV is set, yet `pip` on PATH belongs to another Python (stale hash, PATH edited after activation, venv without pip).

import { makeFix } from '../../fixes/make-fix.js';
import { commandLine, shellOf } from '../../fixes/shell.js';
import { envVar, isInside, packagesFromArgs, pathApi } from '../derive.js';
import { pathEvidence } from '../evidence.js';
import type { Check } from '../types.js';

const ID = 'pip-outside-active-venv';

export const pipOutsideActiveVenv: Check = {
  id: ID,
  findings: [ID],
  run(context) {
    const { facts } = context;
    const venv = envVar(facts, 'VIRTUAL_ENV');
    const pip = facts.commands.pip;
    if (!venv || !pip.path || !pip.interpreter) return [];
    if (isInside(facts, pip.interpreter, venv) || isInside(facts, pip.path, venv)) return [];
    const shell = shellOf(facts);
    const packages = packagesFromArgs(context.installArgs);
    const venvPython =
      facts.host.platform === 'win32'
        ? pathApi(facts).join(venv, 'Scripts', 'python.exe')
        : pathApi(facts).join(venv, 'bin', 'python');
    const rehash = shell === 'bash' || shell === 'zsh' || shell === 'sh' ? ['hash -r'] : [];
    return [
      {
        finding: {
          id: ID,
          cause: 'virtualenv',
          severity: 'error',
          title: "`pip` is not the active virtual environment's pip",
          evidence: [
            pathEvidence('active venv (VIRTUAL_ENV)', venv),
            pathEvidence('`pip` on PATH', pip.path),
            pathEvidence('which runs', pip.interpreter),
          ],
          explanation: 'Installs go to another Python than the one your project runs with.',
        },
        fixes: [
          makeFix({
            id: 'use-venv-python-m-pip',
            title: "call pip through the venv's python, which cannot pick the wrong one",
            kind: 'safe',
            commands: [
              ...rehash,
              packages.length > 0
                ? commandLine(shell, venvPython, '-m', 'pip', 'install', ...packages)
                : commandLine(shell, venvPython, '-m', 'pip', '--version'),
            ],
            shell,
            for: [ID],
            note: `if it says "No module named pip", run ${commandLine(shell, venvPython, '-m', 'ensurepip', '--upgrade')} first`,
          }),
        ],
      },
    ];
  },
};
