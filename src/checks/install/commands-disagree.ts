// pip, pip3, python and python3 on PATH belong to different interpreters: the most common real cause
// of "I installed it but Python can't import it".
import type { Evidence } from '../../core/types.js';
import { pythonMPipFix } from '../../fixes/python-m-pip.js';
import type { CommandResolution } from '../../gather/facts.js';
import { samePath } from '../derive.js';
import type { Check, Diagnosis } from '../types.js';

const DISAGREE = 'path-commands-disagree';
const BROKEN = 'pip-command-broken';

function describe(c: CommandResolution): Evidence {
  const runs = c.interpreter
    ? `runs ${c.interpreter}${c.via && c.via !== 'self' ? `, via ${c.via}` : ''}`
    : (c.detail ?? '?');
  return {
    label: `\`${c.name}\``,
    value: `${c.path} ${c.interpreter === c.path ? '(an interpreter)' : runs}`,
    path: c.path ?? '',
  };
}

export const commandsDisagree: Check = {
  id: DISAGREE,
  findings: [DISAGREE, BROKEN],
  run(context) {
    const { facts } = context;
    const out: Diagnosis[] = [];
    const present = Object.values(facts.commands).filter((c) => c.path !== null);
    for (const c of present.filter(
      (c) => c.name.startsWith('pip') && c.interpreter && c.interpreterExists === false,
    )) {
      out.push({
        finding: {
          id: BROKEN,
          cause: 'misconfigured-install',
          severity: 'error',
          title: `\`${c.name}\` on PATH runs a Python that no longer exists`,
          evidence: [
            describe(c),
            { label: 'missing', value: c.interpreter as string, path: c.interpreter as string },
          ],
          explanation: `Typing ${c.name} fails with "bad interpreter" or "No such file"; the Python it was installed with was removed or moved.`,
        },
        fixes: [pythonMPipFix(context, BROKEN)],
      });
    }
    const known = present.filter((c) => c.environment !== null);
    const groups: CommandResolution[][] = [];
    for (const c of known) {
      const group = groups.find(
        (g) => g[0] && samePath(facts, g[0].environment as string, c.environment as string),
      );
      if (group) group.push(c);
      else groups.push([c]);
    }
    if (groups.length > 1) {
      const pip = facts.commands.pip.path ? facts.commands.pip : facts.commands.pip3;
      // Windows users type `python` (python3.exe is often just the Store's alias); POSIX users type python3.
      const order =
        facts.host.platform === 'win32' ? (['python', 'python3'] as const) : (['python3', 'python'] as const);
      const python = facts.commands[order[0]].path ? facts.commands[order[0]] : facts.commands[order[1]];
      const pipVsPython =
        pip.environment && python.environment && !samePath(facts, pip.environment, python.environment);
      out.push({
        finding: {
          id: DISAGREE,
          cause: 'pip-python-mismatch',
          severity: pipVsPython ? 'warning' : 'info',
          title: pipVsPython
            ? `\`${pip.name}\` and \`${python.name}\` on PATH are different Pythons`
            : 'the python commands on PATH belong to different Pythons',
          evidence: known.map(describe),
          explanation: pipVsPython
            ? `A package installed with \`${pip.name} install\` is installed for ${pip.environment}; \`${python.name}\` runs ${python.environment} and will not find it.`
            : 'Which Python you get depends on the name you type.',
        },
        fixes: [pythonMPipFix(context, DISAGREE)],
      });
    }
    return out;
  },
};
