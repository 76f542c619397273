// pip as root into the OS's own Python (no PEP 668 marker, or it was overridden).

import { distroPackageFix } from '../../fixes/distro.js';
import type { DoctorFix } from '../../fixes/make-fix.js';
import { createVenvFix } from '../../fixes/venv.js';
import { isRoot, isVenv } from '../derive.js';
import { pathEvidence } from '../evidence.js';
import { distroName, installKind } from '../install-kind.js';
import type { Check } from '../types.js';

const ID = 'root-pip-into-distro-python';

export const rootIntoDistroPython: Check = {
  id: ID,
  findings: [ID],
  run(context) {
    const { facts, prediction } = context;
    if (!isRoot(facts) || isVenv(facts) || installKind(facts) !== 'distro') return [];
    if (prediction.outcome !== 'site-packages' || !prediction.directory) return [];
    const distro = distroName(facts) ?? 'the distribution';
    const distroSite = facts.probe.site.sysPath.find(
      (p) => p.startsWith('/usr/lib/') && /(site|dist)-packages$/.test(p),
    );
    return [
      {
        finding: {
          id: ID,
          cause: 'package-manager',
          severity: 'warning',
          title: `pip as root would install into ${distro}'s own Python`,
          evidence: [
            { label: 'effective uid', value: '0 (root)' },
            pathEvidence('would install into', prediction.directory),
            ...(distroSite ? [pathEvidence(`${distro}'s packages`, distroSite)] : []),
          ],
          explanation: `Packages there shadow or replace the ones ${distro}'s own tools import, and the package manager does not know about them.`,
        },
        fixes: [createVenvFix(context, ID), distroPackageFix(context, ID)].filter(
          (f): f is DoctorFix => f !== null,
        ),
      },
    ];
  },
};
