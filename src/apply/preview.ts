// Preview: exactly what applying a plan would change, as text (commands, and a unified diff of
// every file edit).
import { unifiedDiff } from './diff.js';
import type { Plan, Step } from './plan.js';

export function describeStep(step: Step): string {
  switch (step.kind) {
    case 'write-file': {
      const head =
        step.before === null
          ? `create ${step.path}${step.createDirs.length > 0 ? ` (and the folder ${step.createDirs[0]})` : ''}`
          : `edit ${step.path} (a backup is kept)`;
      const diff = unifiedDiff(
        step.before ?? '',
        step.after,
        step.before === null ? '/dev/null' : `${step.path}`,
        step.path,
      );
      return `${head}\n${indent(diff)}`;
    }
    case 'run':
      return `run: ${step.display}\n`;
    case 'chown': {
      const top = step.entries[0]?.path ?? '';
      return `change the owner of ${step.entries.length} file${step.entries.length === 1 ? '' : 's'} and folder${step.entries.length === 1 ? '' : 's'} (from ${top}) to ${step.uid}:${step.gid}\n`;
    }
  }
}

export function renderPlan(plan: Plan): string {
  return plan.steps.map((step) => describeStep(step)).join('');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `    ${line}`))
    .join('\n');
}

/** The JSON form of a step (file contents left out, the diff put in). */
export function stepJson(step: Step): Record<string, unknown> {
  switch (step.kind) {
    case 'write-file':
      return {
        kind: step.kind,
        path: step.path,
        creates: step.before === null,
        diff: unifiedDiff(
          step.before ?? '',
          step.after,
          step.before === null ? '/dev/null' : step.path,
          step.path,
        ),
      };
    case 'run':
      return { kind: step.kind, command: step.display, argv: step.argv };
    case 'chown':
      return { kind: step.kind, uid: step.uid, gid: step.gid, paths: step.entries.map((e) => e.path) };
  }
}
