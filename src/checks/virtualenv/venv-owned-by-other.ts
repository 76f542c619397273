// The diagnosed venv belongs to another user (made with sudo, or shared), so its site-packages is not yours.
import { createVenvFix } from '../../fixes/venv.js';
import { defaultSiteDirs, isVenv, ownedByOther, pathFacts } from '../derive.js';
import { ownershipEvidence, pathEvidence, userEvidence, writableEvidence } from '../evidence.js';
import type { Check } from '../types.js';

const ID = 'venv-owned-by-other-user';

export const venvOwnedByOther: Check = {
  id: ID,
  findings: [ID],
  run(context) {
    const { facts, prediction } = context;
    if (!isVenv(facts) || facts.host.platform === 'win32') return [];
    const site = defaultSiteDirs(facts)
      .map((dir) => pathFacts(facts, dir))
      .find((p) => p !== undefined && !p.writable && !p.mount?.readOnly && ownedByOther(facts, p));
    if (!site) return [];
    const failing = prediction.outcome === 'error-permission';
    return [
      {
        finding: {
          id: ID,
          cause: 'virtualenv',
          severity: failing ? 'error' : 'warning',
          title: `the virtual environment ${facts.probe.prefixes.prefix} belongs to ${site.owner ?? `uid ${site.uid}`}`,
          evidence: [
            pathEvidence('venv', facts.probe.prefixes.prefix),
            pathEvidence('site-packages', site.path),
            ...ownershipEvidence(site),
            userEvidence(facts),
            writableEvidence(facts, site),
          ],
          explanation: failing
            ? 'pip cannot write into it and stops with a permission error.'
            : 'pip cannot write into it.',
        },
        fixes: [createVenvFix(context, ID)],
      },
    ];
  },
};
