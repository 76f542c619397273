// One place decides the exit status, for every output format.
import type { CheckReport } from '../core/report.js';

export type Status = 'ok' | 'warning' | 'error';

/** error: an error-level finding, or pip itself would fail; warning: a warning-level finding. */
export function statusOf(report: CheckReport): Status {
  if (report.prediction.outcome.startsWith('error-') || report.findings.some((f) => f.severity === 'error'))
    return 'error';
  if (report.findings.some((f) => f.severity === 'warning')) return 'warning';
  return 'ok';
}

/** 0 nothing wrong (warnings allowed), 1 an error-level problem. */
export function exitCodeFor(report: CheckReport): 0 | 1 {
  return statusOf(report) === 'error' ? 1 : 0;
}
