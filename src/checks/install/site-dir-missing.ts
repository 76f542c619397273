// site-packages does not exist, so pip's writability test judged an ancestor folder instead.
import { defaultSiteDirs, pathFacts } from '../derive.js';
import { ownershipEvidence, pathEvidence } from '../evidence.js';
import type { Check } from '../types.js';

const ID = 'site-packages-missing';

export const siteDirMissing: Check = {
  id: ID,
  findings: [ID],
  run(context) {
    const { facts, prediction } = context;
    if (prediction.outcome !== 'user-default' && prediction.outcome !== 'error-permission') return [];
    const missing = defaultSiteDirs(facts)
      .map((dir) => pathFacts(facts, dir))
      .find((p) => p !== undefined && !p.exists && p.nearestExisting !== null);
    if (!missing) return [];
    return [
      {
        finding: {
          id: ID,
          cause: 'misconfigured-install',
          severity: 'info',
          title: `${missing.path} does not exist, so pip judged ${missing.nearestExisting} instead`,
          evidence: [pathEvidence('site-packages (missing)', missing.path), ...ownershipEvidence(missing)],
          explanation:
            'pip tests the nearest folder that exists; a missing site-packages usually means a partly removed or hand-built installation.',
        },
        fixes: [],
      },
    ];
  },
};
