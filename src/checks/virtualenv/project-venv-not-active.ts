// A project venv sits right here, but the pip being diagnosed is not the one inside it.

import { useVenvFix } from '../../fixes/venv.js';
import type { Facts } from '../../gather/facts.js';
import { isInside, isWindows, packagesFromArgs, pathApi, pathFacts } from '../derive.js';
import { pathEvidence } from '../evidence.js';
import type { Check } from '../types.js';

const ID = 'project-venv-not-active';
export const PROJECT_VENV_NAMES = ['.venv', 'venv', 'env'] as const;

/** `<cwd>/.venv/pyvenv.cfg` and `<cwd>/.venv/bin/python` (Scripts\python.exe) for each usual name. */
export function projectVenvPaths(
  facts: Pick<Facts, 'host'>,
): Array<{ dir: string; name: string; cfg: string; python: string }> {
  const api = pathApi(facts);
  return PROJECT_VENV_NAMES.map((name) => {
    const dir = api.join(facts.host.cwd, name);
    const python =
      facts.host.platform === 'win32'
        ? api.join(dir, 'Scripts', 'python.exe')
        : api.join(dir, 'bin', 'python');
    return { dir, name, cfg: api.join(dir, 'pyvenv.cfg'), python };
  });
}

export const projectVenvNotActive: Check = {
  id: ID,
  findings: [ID],
  run(context) {
    const { facts } = context;
    const prefix = facts.probe.prefixes.prefix;
    for (const venv of projectVenvPaths(facts)) {
      if (pathFacts(facts, venv.cfg)?.exists !== true) continue;
      // A venv whose interpreter is gone is venv-base-missing's business.
      if (pathFacts(facts, venv.python)?.exists !== true) continue;
      if (isInside(facts, prefix, venv.dir)) return [];
      const shownAs = isWindows(facts) ? `.\\${venv.name}` : venv.name;
      const active = facts.host.env['VIRTUAL_ENV'];
      return [
        {
          finding: {
            id: ID,
            cause: 'virtualenv',
            severity: 'warning',
            title: `this project has a virtual environment (${venv.name}) but pip is not using it`,
            evidence: [
              pathEvidence('found', venv.cfg),
              pathEvidence('pip runs', facts.probe.python.executable),
              active
                ? pathEvidence('active venv (VIRTUAL_ENV)', active)
                : { label: 'VIRTUAL_ENV', value: 'not set' },
            ],
            explanation: `Packages would go to ${prefix} instead of the project's ${venv.name}, so the project would not see them.`,
          },
          fixes: [useVenvFix(facts, venv.dir, shownAs, ID, packagesFromArgs(context.installArgs))],
        },
      ];
    }
    return [];
  },
};
