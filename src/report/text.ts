// The human report: verdict first, then findings errors-first with evidence and numbered fixes.
import type { CheckReport } from '../core/report.js';
import type { Finding, Fix } from '../core/types.js';
import { statusOf } from './exit-code.js';
import { flatten, redactEnv } from './redact.js';
import { type Style, styleFor } from './style.js';
import { interpreterLine, verdict } from './verdict.js';
import { wrap } from './wrap.js';

export interface TextOptions {
  color: boolean;
  verbose: boolean;
  width: number;
}

export function renderCheckText(report: CheckReport, opts: TextOptions): string {
  const style = styleFor(opts.color);
  const width = Math.max(40, Math.min(opts.width || 80, 120));
  const status = statusOf(report);
  const painted =
    status === 'ok' ? style.ok(status) : status === 'error' ? style.error(status) : style.warning(status);
  // The verdict stays one line, however long: it is the answer, and its path must copy whole.
  const lines: string[] = [`${painted}: ${verdict(report)}`, style.dim(interpreterLine(report))];
  const quiet = report.findings.length === 0 && status === 'ok';
  if (!quiet && report.prediction.messages.length > 0) {
    lines.push(
      '',
      style.dim('pip would print:'),
      ...pipLines(report.prediction.messages, opts.verbose).map((m) => `  ${m}`.trimEnd()),
    );
  }
  const numbers = new Map(report.fixes.map((fix, i) => [fix.id, i + 1]));
  const shown = new Set<string>();
  for (const finding of report.findings) {
    lines.push('', ...renderFinding(finding, report, numbers, shown, style, width));
  }
  if (!quiet) lines.push('', summary(report, numbers, style));
  if (opts.verbose) lines.push('', ...renderVerbose(report, style));
  return `${lines.map((l) => l.trimEnd()).join('\n')}\n`;
}

/** Wraps by the plain label's width, then swaps in the coloured label. */
function labelled(text: string, plain: string, painted: string, width: number, indent: string): string[] {
  const lines = wrap(text, width, indent, plain);
  return lines.map((line, i) => (i === 0 ? painted + line.slice(plain.length) : line));
}

function severityWord(finding: Finding, style: Style): string {
  const word = finding.severity;
  const painted =
    word === 'error' ? style.error(word) : word === 'warning' ? style.warning(word) : style.info(word);
  return `${painted}${style.dim(`[${finding.id}]`)}`;
}

function renderFinding(
  finding: Finding,
  report: CheckReport,
  numbers: Map<string, number>,
  shown: Set<string>,
  style: Style,
  width: number,
): string[] {
  const head = `${finding.severity}[${finding.id}]: `;
  const lines = labelled(finding.title, head, `${severityWord(finding, style)}: `, width, '    ');
  for (const e of finding.evidence) lines.push(`    ${style.dim(`${e.label}:`)} ${e.value}`);
  if (finding.explanation)
    lines.push(...labelled(finding.explanation, '  why: ', `  ${style.bold('why')}: `, width, '    '));
  if (finding.fixes.length > 0) lines.push(`  ${style.bold('fix')}, safest first:`);
  for (const id of finding.fixes) {
    const fix = report.fixes.find((f) => f.id === id);
    if (!fix) continue;
    const n = numbers.get(id) ?? 0;
    if (shown.has(id)) {
      const lead = `    ${n}. `;
      lines.push(...wrap(`${fix.title} (shown above)`, width, ' '.repeat(lead.length), lead));
      continue;
    }
    shown.add(id);
    lines.push(...renderFix(fix, n, style, width));
  }
  return lines;
}

function kindLabel(fix: Fix): string {
  if (fix.kind === 'safe') return 'safe';
  if (fix.kind === 'confirm') return 'changes your setup';
  return 'manual';
}

function renderFix(fix: Fix, n: number, style: Style, width: number): string[] {
  const lead = `    ${n}. `;
  const lines = wrap(`${fix.title} [${kindLabel(fix)}]`, width, ' '.repeat(lead.length), lead);
  // Commands are never wrapped: they must paste exactly.
  for (const command of fix.commands) lines.push(`         ${style.bold(command)}`);
  if (fix.risk)
    lines.push(
      ...labelled(fix.risk, '       risk: ', `       ${style.warning('risk')}: `, width, '         '),
    );
  const note = (fix as Fix & { note?: string }).note;
  if (note)
    lines.push(...labelled(note, '       note: ', `       ${style.dim('note')}: `, width, '         '));
  return lines;
}

function summary(report: CheckReport, numbers: Map<string, number>, style: Style): string {
  const count = (severity: Finding['severity'], word: string) => {
    const n = report.findings.filter((f) => f.severity === severity).length;
    return n === 0 ? null : `${n} ${word}${n > 1 ? 's' : ''}`;
  };
  const counts = [count('error', 'error'), count('warning', 'warning'), count('info', 'note')].filter(
    Boolean,
  );
  const applicable = report.fixes
    .filter((f) => f.action && f.kind !== 'manual')
    .map((f) => numbers.get(f.id));
  const next =
    applicable.length > 0
      ? ` \`pip-doctor fix\` can apply fix${applicable.length > 1 ? 'es' : ''} ${applicable.join(', ')} for you.`
      : report.fixes.length > 0
        ? ' Start with fix 1.'
        : '';
  return style.bold(`${counts.length > 0 ? counts.join(', ') : 'no problems found'}.${next}`);
}

function renderVerbose(report: CheckReport, style: Style): string[] {
  const { prediction } = report;
  const facts = { ...report.facts, host: { ...report.facts.host, env: redactEnv(report.facts.host.env) } };
  return [
    style.bold("pip's decision:"),
    ...prediction.reasoning.map((r, i) => `  ${i + 1}. ${r}`),
    ...prediction.settings.map(
      (s) => `  setting ${s.option} = ${s.value} from ${s.from}${s.line ? `, line ${s.line}` : ''}`,
    ),
    '',
    style.bold('facts:'),
    ...flatten(facts).map((l) => `  ${l}`),
  ];
}

/** pip's own words, shortened when long (a PEP 668 text runs to 20 lines); --verbose shows them all. */
const PIP_LINES_SHOWN = 12;
function pipLines(messages: string[], verbose: boolean | undefined): string[] {
  if (verbose || messages.length <= PIP_LINES_SHOWN + 2) return messages;
  const hidden = messages.length - PIP_LINES_SHOWN;
  return [...messages.slice(0, PIP_LINES_SHOWN), `… ${hidden} more lines (--verbose shows them all)`];
}
