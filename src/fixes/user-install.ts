// Installing into the user site on purpose, and the last resort for an externally managed Python.

import { packagesFromArgs } from '../checks/derive.js';
import type { CheckContext } from '../checks/types.js';
import { type DoctorFix, makeFix } from './make-fix.js';
import { pipCommand } from './python.js';
import { shellOf } from './shell.js';

export function explicitUserFix(context: CheckContext, forId: string): DoctorFix | null {
  const packages = packagesFromArgs(context.installArgs);
  if (packages.length === 0) return null;
  return makeFix({
    id: 'install-user-explicitly',
    title: 'or say you mean the user site, so the choice is yours and not a fallback',
    kind: 'confirm',
    commands: [pipCommand(context.facts, 'install', '--user', ...packages)],
    shell: shellOf(context.facts),
    for: [forId],
  });
}

export function breakSystemPackagesFix(context: CheckContext, forId: string): DoctorFix | null {
  const packages = packagesFromArgs(context.installArgs);
  if (packages.length === 0) return null;
  return makeFix({
    id: 'break-system-packages',
    title: 'last resort: override the protection for a user install',
    kind: 'manual',
    commands: [pipCommand(context.facts, 'install', '--user', '--break-system-packages', ...packages)],
    shell: shellOf(context.facts),
    for: [forId],
    risk: 'packages in your user site shadow the ones the system depends on; a later upgrade can break system tools that import them',
  });
}
