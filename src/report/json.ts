// `check --json`, schemaVersion 1 (../shared/contract.md), plus fields scripts find useful.
import { isVenv } from '../checks/derive.js';
import { installKind } from '../checks/install-kind.js';
import type { CheckReport } from '../core/report.js';
import { VERSION } from '../core/version.js';
import { exitCodeFor, statusOf } from './exit-code.js';
import { redactUrl } from './redact.js';

export function renderCheckJson(report: CheckReport): string {
  return `${JSON.stringify(checkJson(report), null, 2)}\n`;
}

export function checkJson(report: CheckReport) {
  const { facts, prediction } = report;
  const { probe } = facts;
  return {
    schemaVersion: 1,
    toolVersion: VERSION,
    status: statusOf(report),
    exitCode: exitCodeFor(report),
    interpreter: {
      executable: probe.python.executable,
      version: probe.python.version,
      pipVersion: probe.pip.version,
      implementation: probe.python.implementation,
      prefix: probe.prefixes.prefix,
      basePrefix: probe.prefixes.basePrefix,
      isVirtualenv: isVenv(facts),
      installKind: installKind(facts),
      requested: facts.target.requested,
      chosenAs: facts.target.how,
      flags: facts.target.flags ?? [],
    },
    installArgs: report.installArgs,
    prediction: {
      outcome: prediction.outcome,
      directory: prediction.directory,
      scriptsDirectory: prediction.scriptsDirectory,
      messages: prediction.messages,
      pipExitCode: prediction.pipExitCode,
      scriptsOnPath: prediction.scriptsOnPath,
      reasoning: prediction.reasoning,
      settings: prediction.settings.map((s) => ({ ...s, value: redactUrl(s.value) })),
    },
    findings: report.findings,
    fixes: report.fixes,
    summary: {
      errors: report.findings.filter((f) => f.severity === 'error').length,
      warnings: report.findings.filter((f) => f.severity === 'warning').length,
      info: report.findings.filter((f) => f.severity === 'info').length,
    },
    host: {
      platform: facts.host.platform,
      arch: facts.host.arch,
      shell: facts.host.shell,
      distroId: facts.host.distroId,
    },
    path: Object.fromEntries(
      Object.values(facts.commands).map((c) => [c.name, { path: c.path, interpreter: c.interpreter }]),
    ),
  };
}
