// Runs every check over the facts and assembles findings (most important first) and their fixes.
import type { Finding, Fix, FixKind, Severity } from '../core/types.js';
import { CHECK_CRASHED, CHECKS } from './registry.js';
import type { Check, CheckContext, Diagnosis } from './types.js';

export { checkPathsToInspect } from './paths-needed.js';
export { CHECK_CRASHED, CHECKS } from './registry.js';
export type { Check, CheckContext, Diagnosis } from './types.js';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const KIND_RANK: Record<FixKind, number> = { safe: 0, confirm: 1, manual: 2 };

export function runChecks(
  context: CheckContext,
  checks: readonly Check[] = CHECKS,
): { findings: Finding[]; fixes: Fix[] } {
  const diagnoses = checks.flatMap((check) => runOne(check, context));
  // Stable sort: errors first, then warnings, then info; registry order within a severity.
  diagnoses.sort((a, b) => SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity]);
  const fixes = new Map<string, Fix>();
  const findings: Finding[] = diagnoses.map(({ finding, fixes: built }) => {
    // Safest first; builders' own order breaks ties.
    const ordered = [...built].sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind]);
    const ids = ordered.map((fix) => register(fixes, { ...fix, for: [finding.id] }));
    return { ...finding, fixes: [...new Set(ids)] };
  });
  return { findings, fixes: [...fixes.values()] };
}

/** One fix per id: the same fix for two findings is listed once; different fixes under one id get a suffix. */
function register(fixes: Map<string, Fix>, fix: Fix): string {
  for (let n = 1; ; n++) {
    const id = n === 1 ? fix.id : `${fix.id}-${n}`;
    const existing = fixes.get(id);
    if (!existing) {
      fixes.set(id, { ...fix, id });
      return id;
    }
    if (sameFix(existing, fix)) {
      for (const f of fix.for) if (!existing.for.includes(f)) existing.for.push(f);
      return id;
    }
  }
}

function sameFix(a: Fix, b: Fix): boolean {
  return a.title === b.title && a.kind === b.kind && a.commands.join('\n') === b.commands.join('\n');
}

function runOne(check: Check, context: CheckContext): Diagnosis[] {
  try {
    return check.run(context);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [
      {
        finding: {
          id: CHECK_CRASHED,
          cause: 'other',
          severity: 'warning',
          title: `the ${check.id} check failed, so its problem may go unreported`,
          evidence: [{ label: check.id, value: reason.split('\n')[0] ?? reason }],
          explanation: 'This is a bug in pip-doctor; the other checks still ran.',
        },
        fixes: [],
      },
    ];
  }
}
