// Renderers for explain: text for people (findings first, then the messages line by line), JSON for programs.
import type { Fix } from '../core/types.js';
import { styleFor } from '../report/style.js';
import type { LiveResult } from './live.js';
import type { ExplainReport } from './types.js';

export type RenderableReport = ExplainReport & { live?: LiveResult };

export function renderExplainJson(report: RenderableReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function renderExplainText(
  report: RenderableReport,
  options: { color: boolean; verbose?: boolean },
): string {
  const s = styleFor(options.color);
  const out: string[] = [];
  const { input } = report;
  const runs = input.runs > 1 ? `, ${input.runs} pip runs` : '';
  out.push(
    s.bold(
      `pip-doctor explain: ${plural(report.messages.length + input.unlistedMessages, 'message')} recognised in ${plural(input.lines, 'line')}${runs}`,
    ),
  );
  if (input.bytes > 10 * 1024 * 1024) out.push(s.dim(`  (read ${Math.round(input.bytes / 1024 / 1024)} MB)`));
  if (input.unlistedMessages > 0) {
    out.push(s.dim(`  (${input.unlistedMessages} repeated messages counted but not listed)`));
  }
  if (input.longLines > 0)
    out.push(s.dim(`  (${plural(input.longLines, 'line')} longer than 16 KiB: only their start was read)`));
  if (report.findings.length === 0) {
    out.push('');
    out.push(
      report.messages.length === 0
        ? 'No pip message about install location, permissions or environments found. Give the whole output: `pip install ... 2>&1 | pip-doctor explain`.'
        : s.ok('ok: nothing wrong in what pip said.'),
    );
  }
  const fixes = new Map<string, Fix>(report.fixes.map((f) => [f.id, f]));
  for (const finding of report.findings) {
    const label =
      finding.severity === 'error'
        ? s.error('error')
        : finding.severity === 'warning'
          ? s.warning('warning')
          : s.info('info');
    out.push('');
    out.push(`${label}: ${finding.title}`);
    out.push(s.dim(`  cause: ${finding.cause} (${finding.confidence} confidence)  id: ${finding.id}`));
    for (const evidence of finding.evidence) out.push(`  ${evidence.label}: ${evidence.value}`);
    if (finding.explanation) out.push(`  why: ${finding.explanation}`);
    for (const note of finding.confirmed ?? []) out.push(`  ${s.ok('live')}: ${note}`);
    for (const id of finding.fixes) {
      const fix = fixes.get(id);
      if (!fix) continue;
      out.push(`  fix (${fix.kind}): ${fix.title}`);
      for (const command of fix.commands) out.push(`      ${command}`);
      if (fix.risk) out.push(s.dim(`      risk: ${fix.risk}`));
    }
  }
  if (report.live) for (const note of report.live.notes) out.push('', `${s.ok('live')}: ${note}`);
  if (options.verbose && report.messages.length > 0) {
    out.push('', s.bold('messages:'));
    for (const m of report.messages) {
      const first = m.text.split('\n')[0] ?? '';
      out.push(
        `  line ${String(m.line).padEnd(6)} ${m.kind.padEnd(30)} ${first.length > 100 ? `${first.slice(0, 100)}…` : first}`,
      );
    }
  }
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  if (report.findings.length > 0) out.push('', `${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`);
  return `${out.join('\n')}\n`;
}

/** 1 when an error-level problem was recognised, else 0. */
export function explainExitCode(report: ExplainReport): number {
  return report.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
