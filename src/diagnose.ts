// The pipeline behind `check`, `fix` and `scan --probe`: gather facts at the edge, then
// decide with pure code (pip's model, then the checks).
import { runChecks } from './checks/index.js';
import type { CheckReport } from './core/report.js';
import { type GatherOptions, gatherFacts } from './gather/index.js';
import type { StartedProbe } from './gather/target.js';
import { predict } from './pip/index.js';

export async function diagnoseInterpreter(
  options: GatherOptions,
  started?: StartedProbe,
): Promise<CheckReport> {
  const facts = await gatherFacts(options, started);
  return diagnoseFacts(facts, options.installArgs);
}

/** The pure half: facts in, report out. Recorded fixtures go straight here. */
export function diagnoseFacts(facts: CheckReport['facts'], installArgs: string[]): CheckReport {
  const prediction = predict(facts, installArgs);
  const { findings, fixes } = runChecks({ facts, prediction, installArgs });
  return { facts, installArgs, prediction, findings, fixes };
}
