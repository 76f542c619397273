// PEP 668: the interpreter's stdlib carries an EXTERNALLY-MANAGED marker. Name who manages it and
// offer what that manager supports, safest first.
import type { Evidence } from '../../core/types.js';
import { appToolFix } from '../../fixes/apps.js';
import { distroAvailability, distroPackageFix } from '../../fixes/distro.js';
import type { DoctorFix } from '../../fixes/make-fix.js';
import { breakSystemPackagesFix } from '../../fixes/user-install.js';
import { createVenvFix } from '../../fixes/venv.js';
import { describeSource, isVenv } from '../derive.js';
import { pathEvidence } from '../evidence.js';
import { distroName, installKind, managerOf } from '../install-kind.js';
import type { Check } from '../types.js';

const ID = 'externally-managed';
const OVERRIDDEN = 'externally-managed-overridden';

/** The first line of the marker's Error text (INI continuation lines joined later by pip). */
export function markerFirstLine(content: string | null): string | null {
  if (!content) return null;
  const match = /^\s*error\s*=\s*(.*)$/im.exec(content);
  return match?.[1]?.trim() || null;
}

export const externallyManaged: Check = {
  id: ID,
  findings: [ID, OVERRIDDEN],
  run(context) {
    const { facts, prediction } = context;
    const marker = facts.probe.externallyManaged;
    if (!marker.isFile || !marker.path || isVenv(facts)) return [];
    const manager = managerOf(facts);
    const first = markerFirstLine(marker.content);
    const evidence: Evidence[] = [
      pathEvidence('marker', marker.path),
      { label: 'managed by', value: manager },
      ...(first ? [{ label: 'it says', value: first }] : []),
    ];
    if (prediction.outcome === 'error-externally-managed') {
      const distro = distroName(facts);
      for (const pkg of distroAvailability(facts, context.installArgs)) {
        if (pkg.shipped === null || !distro) continue;
        evidence.push({
          label: pkg.package,
          value: pkg.shipped
            ? `${distro} ships it${pkg.version ? ` (${pkg.version})` : ''}`
            : `${distro} does not ship it`,
        });
      }
      const fixes = [
        createVenvFix(context, ID),
        appToolFix(context, ID),
        distroPackageFix(context, ID),
        // uv and Homebrew say plainly: never override; a distro leaves it to the user as a last resort.
        installKind(facts) === 'distro' ? breakSystemPackagesFix(context, ID) : null,
      ];
      return [
        {
          finding: {
            id: ID,
            cause: 'package-manager',
            severity: 'error',
            title: `this Python is managed by ${manager}, so pip refuses to install into it (PEP 668)`,
            evidence,
            explanation: `Installing with pip could break what ${manager} installed and relies on; pip stops before downloading anything.`,
          },
          fixes: fixes.filter((f): f is DoctorFix => f !== null),
        },
      ];
    }
    const override = prediction.settings.find((s) => s.option === 'break-system-packages');
    const bypassed = ['site-packages', 'user', 'user-default', 'error-permission'].includes(
      prediction.outcome,
    );
    if (!override || !bypassed) return [];
    return [
      {
        finding: {
          id: OVERRIDDEN,
          cause: 'package-manager',
          severity: 'warning',
          title: `this Python is managed by ${manager}, and --break-system-packages overrides that`,
          evidence: [...evidence, { label: 'override from', value: describeSource(override) }],
          explanation: `Packages pip installs here can replace or shadow ones ${manager} manages.`,
        },
        fixes: [createVenvFix(context, OVERRIDDEN)],
      },
    ];
  },
};
