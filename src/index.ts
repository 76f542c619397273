// The library: the same pipeline the CLI uses, for programs.

export { DoctorError, isDoctorError, UsageError } from './core/errors.js';
export type { CheckReport } from './core/report.js';
export type {
  Cause,
  Evidence,
  Finding,
  Fix,
  FixAction,
  FixKind,
  Outcome,
  Prediction,
  Severity,
} from './core/types.js';
export { CAUSES, OUTCOMES } from './core/types.js';
export { diagnoseFacts, diagnoseInterpreter } from './diagnose.js';
export type { ExplainFinding, ExplainMessage, ExplainReport } from './explain/index.js';
export { confirmReport, ExplainSession, explainStream, explainText, MESSAGE_KINDS } from './explain/index.js';
export type { Facts } from './gather/facts.js';
export { PipUsageError, pathsToInspect, predict } from './pip/index.js';
