// Every scenario (recorded Linux, documented macOS and Windows) and the report the checks make of it.
import { runChecks } from '../../../src/checks/index.js';
import type { CheckReport } from '../../../src/core/report.js';
import type { Scenario } from './fixture.js';
import { LINUX_SCENARIOS } from './linux-scenarios.js';
import { PLATFORM_SCENARIOS } from './platform-scenarios.js';

export const ALL_SCENARIOS = [...LINUX_SCENARIOS, ...PLATFORM_SCENARIOS];

export function scenarioNamed(name: string): Scenario {
  const found = ALL_SCENARIOS.find((s) => s.scenario.name === name);
  if (!found) throw new Error(`no scenario ${name}`);
  return found.scenario;
}

export function reportFor(s: Scenario): CheckReport {
  const { findings, fixes } = runChecks({
    facts: s.facts,
    prediction: s.prediction,
    installArgs: s.installArgs,
  });
  return { facts: s.facts, installArgs: s.installArgs, prediction: s.prediction, findings, fixes };
}
