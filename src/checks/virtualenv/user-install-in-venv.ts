// --user (from the command line, PIP_USER or a config file) inside a virtual environment.

import { type DoctorFix, makeFix } from '../../fixes/make-fix.js';
import { pipCommand } from '../../fixes/python.js';
import { undoSettingFix } from '../../fixes/settings.js';
import { shellOf } from '../../fixes/shell.js';
import { describeSource, isAbsolutePath, isVenv, packagesFromArgs } from '../derive.js';
import { pathEvidence } from '../evidence.js';
import type { Check } from '../types.js';

const ID = 'user-install-in-venv';
const TRUE = /^(y|yes|t|true|on|1)$/i;

export const userInstallInVenv: Check = {
  id: ID,
  findings: [ID],
  run(context) {
    const { facts, prediction } = context;
    if (!isVenv(facts)) return [];
    const refused = prediction.outcome === 'error-user-in-virtualenv';
    // pip < 20 let --user through in a PEP 405 venv: it lands outside the venv, invisible to it.
    const leaked = prediction.outcome === 'user';
    if (!refused && !leaked) return [];
    const setting = prediction.settings.find(
      (s) => (s.option === 'user' || s.option === 'no-user') && TRUE.test(s.value),
    );
    const packages = packagesFromArgs(context.installArgs).filter((p) => p !== '--user');
    const fixes: DoctorFix[] = [];
    if (setting && setting.from !== 'command line') {
      const undo = undoSettingFix(facts, setting, ID);
      if (undo) fixes.push(undo);
    } else if (packages.length > 0) {
      fixes.push(
        makeFix({
          id: 'drop-user-flag',
          title: 'leave out --user: in a virtual environment pip installs into the environment itself',
          kind: 'safe',
          commands: [pipCommand(facts, 'install', ...packages)],
          shell: shellOf(facts),
          for: [ID],
        }),
      );
    }
    return [
      {
        finding: {
          id: ID,
          cause: 'virtualenv',
          severity: refused ? 'error' : 'warning',
          title: refused
            ? 'a --user install was asked for inside a virtual environment'
            : 'a --user install inside a virtual environment lands outside it',
          evidence: [
            pathEvidence('venv', facts.probe.prefixes.prefix),
            setting
              ? {
                  label: `${setting.option} = ${setting.value} from`,
                  value: describeSource(setting),
                  ...(isAbsolutePath(facts, setting.from) ? { path: setting.from } : {}),
                }
              : { label: '--user', value: 'requested' },
          ],
          explanation: refused
            ? 'User site-packages are not visible in this virtualenv, so pip refuses.'
            : `The package would go to ${prediction.directory ?? 'the user site'}, which this environment does not import from.`,
        },
        fixes,
      },
    ];
  },
};
