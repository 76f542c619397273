// pip into conda's base environment: conda's own tool lives there, and pip does not tell conda what it changed.
import { makeFix } from '../../fixes/make-fix.js';
import { commandLine, shellOf } from '../../fixes/shell.js';
import { envVar, packagesFromArgs } from '../derive.js';
import { pathEvidence } from '../evidence.js';
import { isCondaBase } from '../install-kind.js';
import type { Check } from '../types.js';

const ID = 'conda-base-environment';

export const condaBase: Check = {
  id: ID,
  findings: [ID],
  run(context) {
    const { facts, prediction } = context;
    if (!isCondaBase(facts) || prediction.outcome.startsWith('error-') || prediction.outcome === 'target')
      return [];
    const shell = shellOf(facts);
    const [major, minor] = facts.probe.python.versionInfo;
    const packages = packagesFromArgs(context.installArgs);
    const active = envVar(facts, 'CONDA_DEFAULT_ENV');
    return [
      {
        finding: {
          id: ID,
          cause: 'package-manager',
          severity: 'warning',
          title: "pip would install into conda's base environment",
          evidence: [
            pathEvidence('conda base', facts.probe.prefixes.prefix),
            ...(active ? [{ label: 'CONDA_DEFAULT_ENV', value: active }] : []),
          ],
          explanation:
            'conda does not track what pip installs; a later conda update can break conda itself or silently replace the package.',
        },
        fixes: [
          makeFix({
            id: 'create-conda-env',
            title: 'make a conda environment for the project and install into it',
            kind: 'confirm',
            commands: [
              commandLine(shell, 'conda', 'create', '-n', 'myproject', `python=${major}.${minor}`),
              'conda activate myproject',
              ...(packages.length > 0
                ? [commandLine(shell, 'python', '-m', 'pip', 'install', ...packages)]
                : []),
            ],
            shell,
            for: [ID],
            note: 'install what conda packages itself with `conda install` first, and only the rest with pip',
          }),
        ],
      },
    ];
  },
};
