// A Markdown report to paste into a bug report: the verdict, a facts table, findings, fixes.
import type { CheckReport } from '../core/report.js';
import type { Fix } from '../core/types.js';
import { VERSION } from '../core/version.js';
import { statusOf } from './exit-code.js';
import { redactUrl } from './redact.js';
import { pipCommandText, verdict } from './verdict.js';

/** Inline code that survives backticks inside the text. */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${fence.length > 1 ? ' ' : ''}${text}${fence.length > 1 ? ' ' : ''}${fence}`;
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

const FENCE_LANG: Record<string, string> = {
  bash: 'bash',
  zsh: 'zsh',
  sh: 'sh',
  fish: 'fish',
  powershell: 'powershell',
  cmd: 'bat',
};

export function renderCheckMarkdown(report: CheckReport): string {
  const { facts, prediction } = report;
  const { probe, host } = facts;
  const out: string[] = [
    `### pip-doctor: ${statusOf(report)}`,
    '',
    `**${cell(verdict(report))}**`,
    '',
    '| | |',
    '| --- | --- |',
    `| Command | ${code(pipCommandText(report))} |`,
    `| Python | ${code(probe.python.executable)} ${probe.python.implementation} ${probe.python.version} |`,
    `| pip | ${probe.pip.version ?? 'not installed'} |`,
    `| Outcome | ${code(prediction.outcome)} |`,
    `| Directory | ${prediction.directory ? code(prediction.directory) : 'none'} |`,
    `| Scripts | ${prediction.scriptsDirectory ? code(prediction.scriptsDirectory) : 'none'} |`,
    `| Platform | ${host.platform} ${host.arch}${host.distroId ? ` (${host.distroId})` : ''}, shell ${host.shell ?? 'unknown'} |`,
    `| pip-doctor | ${VERSION} |`,
  ];
  if (prediction.messages.length > 0) {
    out.push('', 'pip would print:', '', '```text', ...prediction.messages, '```');
  }
  if (report.findings.length > 0) {
    out.push('', '#### Findings', '');
    for (const f of report.findings) {
      out.push(`- **${f.severity}** ${code(f.id)} (${f.cause}): ${cell(f.title)}`);
      for (const e of f.evidence) out.push(`  - ${e.label}: ${e.path ? code(e.value) : cell(e.value)}`);
      if (f.explanation) out.push(`  - why: ${cell(f.explanation)}`);
      if (f.fixes.length > 0)
        out.push(
          `  - fixes: ${f.fixes.map((id) => `${report.fixes.findIndex((x) => x.id === id) + 1}`).join(', ')}`,
        );
    }
  }
  if (report.fixes.length > 0) {
    out.push('', '#### Fixes, safest first', '');
    for (const [i, fix] of report.fixes.entries()) out.push(...renderFix(fix, i + 1));
  }
  const settings = prediction.settings.filter((s) => s.from !== 'command line');
  if (settings.length > 0) {
    out.push('', '<details><summary>pip settings from files and environment</summary>', '');
    for (const s of settings)
      out.push(
        `- ${code(`${s.option} = ${redactUrl(s.value)}`)} from ${code(s.from)}${s.line ? ` line ${s.line}` : ''}`,
      );
    out.push('', '</details>');
  }
  return `${out.join('\n')}\n`;
}

function renderFix(fix: Fix, n: number): string[] {
  const lines = [`${n}. ${cell(fix.title)} (${fix.kind})`, '', `   \`\`\`${FENCE_LANG[fix.shell] ?? 'sh'}`];
  lines.push(...fix.commands.map((c) => `   ${c}`), '   ```', '');
  if (fix.risk) lines.push(`   Risk: ${cell(fix.risk)}`, '');
  const note = (fix as Fix & { note?: string }).note;
  if (note) lines.push(`   Note: ${cell(note)}`, '');
  return lines;
}
