// Apple's own Python (the Command Line Tools or Xcode), and the /usr/bin/python3 stub without them.
import { makeFix } from '../../fixes/make-fix.js';
import { shellOf } from '../../fixes/shell.js';
import { createVenvFix } from '../../fixes/venv.js';
import type { Facts } from '../../gather/facts.js';
import { pathFacts } from '../derive.js';
import { pathEvidence } from '../evidence.js';
import { installKind } from '../install-kind.js';
import type { Check, Diagnosis } from '../types.js';

const SYSTEM = 'macos-system-python';
const STUB = 'macos-python-stub';

export const CLT_PYTHON = '/Library/Developer/CommandLineTools/usr/bin/python3';
export const XCODE_PYTHON = '/Applications/Xcode.app/Contents/Developer/usr/bin/python3';

/** Whether /usr/bin/python3 has a real Python behind it (CLT or Xcode), judged from files only. */
export function appleDeveloperPythonPresent(facts: Facts): boolean | null {
  const clt = pathFacts(facts, CLT_PYTHON);
  const xcode = pathFacts(facts, XCODE_PYTHON);
  if (!clt && !xcode) return null;
  return clt?.exists === true || xcode?.exists === true;
}

export const macosSystemPython: Check = {
  id: SYSTEM,
  findings: [SYSTEM, STUB],
  run(context) {
    const { facts, prediction } = context;
    if (facts.host.platform !== 'darwin') return [];
    const out: Diagnosis[] = [];
    const shell = shellOf(facts);
    const python3 = facts.commands.python3;
    if (python3.path === '/usr/bin/python3' && appleDeveloperPythonPresent(facts) === false) {
      out.push({
        finding: {
          id: STUB,
          cause: 'os-restriction',
          severity: 'error',
          title: '`python3` on PATH is the macOS stub, and the Command Line Tools it needs are not installed',
          evidence: [
            pathEvidence('`python3` on PATH', '/usr/bin/python3'),
            pathEvidence('missing', CLT_PYTHON),
          ],
          explanation:
            'Running it opens a dialog offering to install the Command Line Tools; there is no Python behind it until then.',
        },
        fixes: [
          makeFix({
            id: 'install-python-homebrew',
            title: 'install a Python of your own with Homebrew',
            kind: 'confirm',
            commands: ['brew install python'],
            shell,
            for: [STUB],
            note: 'or install Python from https://www.python.org/downloads/macos/',
          }),
          makeFix({
            id: 'install-command-line-tools',
            title: "or install Apple's Command Line Tools (a dialog opens)",
            kind: 'manual',
            commands: ['xcode-select --install'],
            shell,
            for: [STUB],
          }),
        ],
      });
    }
    const kind = installKind(facts);
    if (kind === 'macos-clt' || kind === 'macos-xcode' || kind === 'macos-system') {
      const fell = prediction.outcome === 'user-default';
      out.push({
        finding: {
          id: SYSTEM,
          cause: 'os-restriction',
          severity: fell ? 'warning' : 'info',
          title: `this is Apple's Python (${kind === 'macos-xcode' ? 'Xcode' : kind === 'macos-clt' ? 'Command Line Tools' : 'macOS'}), whose site-packages you cannot write to`,
          evidence: [
            pathEvidence('interpreter', facts.probe.python.executable),
            pathEvidence('installation', facts.probe.prefixes.basePrefix ?? facts.probe.prefixes.prefix),
            ...(fell && prediction.directory ? [pathEvidence('so pip uses', prediction.directory)] : []),
          ],
          explanation:
            'Apple ships it for its developer tools; it stays at an old version and is replaced by software updates. Your packages go to ~/Library/Python, whose bin folder is not on PATH.',
        },
        fixes: [
          createVenvFix(context, SYSTEM),
          makeFix({
            id: 'install-python-homebrew',
            title: 'or use a Python of your own (Homebrew or python.org) for your work',
            kind: 'confirm',
            commands: ['brew install python'],
            shell,
            for: [SYSTEM],
          }),
        ],
      });
    }
    return out;
  },
};
