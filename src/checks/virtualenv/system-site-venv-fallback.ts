// A --system-site-packages venv sees the user site, so an unwritable venv falls back to ~/.local.
import { createVenvFix } from '../../fixes/venv.js';
import { isVenv, venvSystemSite } from '../derive.js';
import { pathEvidence } from '../evidence.js';
import type { Check } from '../types.js';

const ID = 'system-site-venv-user-fallback';

export const systemSiteVenvFallback: Check = {
  id: ID,
  findings: [ID],
  run(context) {
    const { facts, prediction } = context;
    const systemSite = venvSystemSite(facts);
    if (!isVenv(facts) || systemSite?.value !== 'true' || prediction.outcome !== 'user-default') return [];
    return [
      {
        finding: {
          id: ID,
          cause: 'virtualenv',
          severity: 'warning',
          title: 'this venv includes system site-packages, so pip falls back to your user site outside it',
          evidence: [
            { label: 'pyvenv.cfg says', value: systemSite.line, path: facts.probe.pyvenvCfg.path },
            ...(prediction.directory ? [pathEvidence('would install into', prediction.directory)] : []),
          ],
          explanation:
            'The package lands in your user site, shared with every other Python of this version, not in the environment.',
        },
        fixes: [createVenvFix(context, ID)],
      },
    ];
  },
};
