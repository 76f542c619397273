// Every scenario (recorded Linux, documented macOS and Windows) and the report the checks make of it.
import { runChecks } from '../../../src/checks/index.js';
import type { CheckReport } from '../../../src/core/report.js';
import type { Prediction } from '../../../src/core/types.js';
import { predict } from '../../../src/pip/index.js';
import type { Scenario } from './fixture.js';
import { LINUX_SCENARIOS } from './linux-scenarios.js';
import { PLATFORM_SCENARIOS } from './platform-scenarios.js';

export const ALL_SCENARIOS = [...LINUX_SCENARIOS, ...PLATFORM_SCENARIOS];

export function scenarioNamed(name: string): Scenario {
  const found = ALL_SCENARIOS.find((s) => s.scenario.name === name);
  if (!found) throw new Error(`no scenario ${name}`);
  return found.scenario;
}

/** The pip model's prediction for a scenario; the scenario's own `prediction` is what the model must agree with. */
export function predictionFor(s: Scenario): Prediction {
  return predict(s.facts, s.installArgs);
}

export function reportFor(s: Scenario): CheckReport {
  const prediction = predictionFor(s);
  const { findings, fixes } = runChecks({ facts: s.facts, prediction, installArgs: s.installArgs });
  return { facts: s.facts, installArgs: s.installArgs, prediction, findings, fixes };
}
