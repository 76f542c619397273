// The follow-on problem after a user install: the package's commands land in a folder not on PATH.

import { makeFix } from '../../fixes/make-fix.js';
import { addToPathFix } from '../../fixes/path.js';
import { shellOf } from '../../fixes/shell.js';
import { pathEntries } from '../../pip/index.js';
import { envVar, isWindows, pipAtLeast } from '../derive.js';
import { pathEvidence } from '../evidence.js';
import type { Check, Diagnosis } from '../types.js';

const ID = 'scripts-dir-not-on-path';
const TILDE = 'path-entry-with-tilde';

export const scriptsNotOnPath: Check = {
  id: ID,
  findings: [ID, TILDE],
  run(context) {
    const { facts, prediction } = context;
    const dir = prediction.scriptsDirectory;
    const out: Diagnosis[] = [];
    // pip itself stays quiet for --target, and for --prefix from 21.2: those users chose a layout of their own.
    const quiet =
      prediction.outcome === 'target' || (prediction.outcome === 'prefix' && pipAtLeast(facts, 21, 2));
    if (dir && prediction.scriptsOnPath === false && !quiet) {
      const entries = pathEntries(facts);
      out.push({
        finding: {
          id: ID,
          cause: 'path-not-set',
          severity: 'warning',
          title: `commands the package installs go to ${dir}, which is not on PATH`,
          evidence: [
            pathEvidence('scripts directory', dir),
            {
              label: 'PATH',
              value: entries.length > 0 ? entries.join(isWindows(facts) ? ';' : ':') : '(empty)',
            },
          ],
          explanation: `After the install, typing the command says "command not found"${isWindows(facts) ? ' ("is not recognized")' : ''}; pip warns "which is not on PATH".`,
        },
        fixes: [addToPathFix(facts, dir, ID)],
      });
    }
    const tilde = pathEntries(facts).filter((e) => e.startsWith('~'));
    if (tilde.length > 0 && !isWindows(facts)) {
      const shell = shellOf(facts);
      const home = envVar(facts, 'HOME');
      out.push({
        finding: {
          id: TILDE,
          cause: 'path-not-set',
          severity: 'info',
          title: 'PATH has entries starting with ~, which programs other than your shell do not expand',
          evidence: tilde.map((e) => ({ label: 'PATH entry', value: e })),
          explanation:
            'pip, cron, editors and `env` look for a folder literally named "~"; the entry works only by luck of the shell.',
        },
        fixes: home
          ? [
              makeFix({
                id: 'expand-tilde-in-path',
                title: 'write $HOME instead of ~ where your shell profile sets PATH',
                kind: 'manual',
                commands: [
                  shell === 'fish'
                    ? 'grep -n "~" ~/.config/fish/config.fish'
                    : 'grep -n "PATH=.*~" ~/.profile ~/.bashrc ~/.bash_profile ~/.zshrc 2>/dev/null',
                ],
                shell,
                for: [TILDE],
              }),
            ]
          : [],
      });
    }
    return out;
  },
};
