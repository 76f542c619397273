// `python -m pip`: pip for exactly the Python you name, whatever `pip` on PATH is.

import { packagesFromArgs } from '../checks/derive.js';
import type { CheckContext } from '../checks/types.js';
import { type DoctorFix, makeFix } from './make-fix.js';
import { pipCommand, pythonCommand } from './python.js';
import { shellOf } from './shell.js';

export function pythonMPipFix(context: CheckContext, forId: string): DoctorFix {
  const { facts } = context;
  const packages = packagesFromArgs(context.installArgs);
  return makeFix({
    id: 'use-python-m-pip',
    title: `run pip through the Python you mean, \`${pythonCommand(facts)} -m pip\`, never a bare \`pip\``,
    kind: 'safe',
    commands: [pipCommand(facts, ...(packages.length > 0 ? ['install', ...packages] : ['--version']))],
    shell: shellOf(facts),
    for: [forId],
  });
}
