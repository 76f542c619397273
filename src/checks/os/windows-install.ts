// Windows: an all-users install under Program Files without admin rights, and the Microsoft Store Python.
import { makeFix } from '../../fixes/make-fix.js';
import { shellOf } from '../../fixes/shell.js';
import { createVenvFix } from '../../fixes/venv.js';
import { pathEvidence } from '../evidence.js';
import { installKind } from '../install-kind.js';
import type { Check, Diagnosis } from '../types.js';

const PROGRAM_FILES = 'windows-program-files-no-admin';
const STORE = 'windows-store-python';

export const windowsInstall: Check = {
  id: 'windows-install',
  findings: [PROGRAM_FILES, STORE],
  run(context) {
    const { facts, prediction } = context;
    if (facts.host.platform !== 'win32') return [];
    const kind = installKind(facts);
    const shell = shellOf(facts);
    const out: Diagnosis[] = [];
    const userSide = prediction.outcome === 'user-default' || prediction.outcome === 'error-permission';
    if (kind === 'windows-all-users' && facts.host.isAdmin !== true && userSide) {
      out.push({
        finding: {
          id: PROGRAM_FILES,
          cause: 'os-restriction',
          severity: prediction.outcome === 'error-permission' ? 'error' : 'warning',
          title: 'Python is installed for all users under Program Files, and this terminal is not elevated',
          evidence: [
            pathEvidence('installation', facts.probe.prefixes.basePrefix ?? facts.probe.prefixes.prefix),
            { label: 'administrator', value: facts.host.isAdmin === false ? 'no' : 'unknown' },
            ...(prediction.directory ? [pathEvidence('so pip uses', prediction.directory)] : []),
          ],
          explanation:
            'Only administrators can write under Program Files. Your packages go to your roaming AppData, and their commands to a Scripts folder the installer did not put on PATH.',
        },
        fixes: [
          createVenvFix(context, PROGRAM_FILES),
          makeFix({
            id: 'reinstall-python-per-user',
            title: "or reinstall Python for your user only (the installer's default), which you can write to",
            kind: 'manual',
            commands: [
              `winget install --exact --id Python.Python.${facts.probe.python.versionInfo[0]}.${facts.probe.python.versionInfo[1]} --scope user`,
            ],
            shell,
            for: [PROGRAM_FILES],
          }),
        ],
      });
    }
    if (kind === 'windows-store') {
      out.push({
        finding: {
          id: STORE,
          cause: 'os-restriction',
          severity: 'info',
          title: 'this is the Microsoft Store Python: its user site lives in a redirected app folder',
          evidence: [
            pathEvidence('installation', facts.probe.prefixes.basePrefix ?? facts.probe.prefixes.prefix),
            ...(facts.probe.site.userSite ? [pathEvidence('user site', facts.probe.site.userSite)] : []),
          ],
          explanation:
            'The Store app cannot be written to, so pip always installs for your user, into a LocalCache folder other programs do not look in; its Scripts folder is not on PATH.',
        },
        fixes: [
          createVenvFix(context, STORE),
          makeFix({
            id: 'install-python-org',
            title: 'or use the python.org installer, with "Add python.exe to PATH" ticked',
            kind: 'manual',
            commands: [
              `winget install --exact --id Python.Python.${facts.probe.python.versionInfo[0]}.${facts.probe.python.versionInfo[1]} --scope user`,
            ],
            shell,
            for: [STORE],
          }),
        ],
      });
    }
    return out;
  },
};
