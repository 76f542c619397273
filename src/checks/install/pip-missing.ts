// The interpreter has no pip module, or there is no `pip` command at all.
import { type DoctorFix, makeFix } from '../../fixes/make-fix.js';
import { pythonCommand } from '../../fixes/python.js';
import { pythonMPipFix } from '../../fixes/python-m-pip.js';
import { shellOf } from '../../fixes/shell.js';
import { isVenv } from '../derive.js';
import { pathEvidence } from '../evidence.js';
import { distroFamily, installKind } from '../install-kind.js';
import type { Check, Diagnosis } from '../types.js';

const NO_MODULE = 'pip-not-installed';
const NO_COMMAND = 'pip-command-missing';

const DISTRO_PIP: Record<string, string> = {
  debian: 'sudo apt install python3-pip',
  fedora: 'sudo dnf install python3-pip',
  arch: 'sudo pacman -S python-pip',
  alpine: 'sudo apk add py3-pip',
  suse: 'sudo zypper install python3-pip',
};

export const pipMissing: Check = {
  id: NO_MODULE,
  findings: [NO_MODULE, NO_COMMAND],
  run(context) {
    const { facts, prediction } = context;
    const shell = shellOf(facts);
    const out: Diagnosis[] = [];
    if (prediction.outcome === 'error-pip-missing' || facts.probe.pip.version === null) {
      const family = installKind(facts) === 'distro' && !isVenv(facts) ? distroFamily(facts) : null;
      const distroLine = family ? DISTRO_PIP[family] : undefined;
      const fix: DoctorFix = distroLine
        ? makeFix({
            id: 'install-distro-pip',
            title: "install the distro's pip for this Python",
            kind: 'manual',
            commands: [distroLine],
            shell,
            for: [NO_MODULE],
            risk: 'runs the package manager as root',
          })
        : makeFix({
            id: 'ensurepip',
            title: 'install pip from the copy bundled with Python (ensurepip)',
            kind: 'confirm',
            commands: [`${pythonCommand(facts)} -m ensurepip --upgrade`],
            shell,
            for: [NO_MODULE],
          });
      out.push({
        finding: {
          id: NO_MODULE,
          cause: 'misconfigured-install',
          severity: 'error',
          title: 'this Python has no pip',
          evidence: [
            pathEvidence('interpreter', facts.probe.python.executable),
            { label: 'import pip', value: 'fails' },
          ],
          explanation: '`pip install` cannot run with this interpreter at all.',
        },
        fixes: [fix],
      });
      return out;
    }
    const { pip, pip3, python, python3 } = facts.commands;
    if (!pip.path && !pip3.path && (python.path || python3.path)) {
      out.push({
        finding: {
          id: NO_COMMAND,
          cause: 'misconfigured-install',
          severity: 'info',
          title: 'there is no `pip` command on PATH, but this Python has pip',
          evidence: [
            { label: '`pip`, `pip3`', value: 'not on PATH' },
            pathEvidence('pip module', facts.probe.pip.location ?? facts.probe.python.executable),
          ],
          explanation: 'Use it through Python; that also guarantees the right interpreter.',
        },
        fixes: [pythonMPipFix(context, NO_COMMAND)],
      });
    }
    return out;
  },
};
