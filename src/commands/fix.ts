// `pip-doctor fix`: plan the fixes the diagnosis found, preview them, ask, apply them safely,
// re-check, and keep a record so `--undo` can put everything back.
import { posix, win32 } from 'node:path';
import {
  ApplyError,
  appliedRecords,
  applyPlan,
  type Journal,
  pendingJournal,
  runJournal,
  undoRecord,
} from '../apply/apply.js';
import { ask } from '../apply/ask.js';
import { diskView } from '../apply/file-view.js';
import { type Plan, type PlanHost, type PlanResult, planFix } from '../apply/plan.js';
import { renderPlan, stepJson } from '../apply/preview.js';
import { stateDir } from '../apply/state.js';
import { parseCommandArgs, parseTimeout, splitPassthrough } from '../cli/args.js';
import { type CliIO, writableOf } from '../cli/io.js';
import { DoctorError, UsageError } from '../core/errors.js';
import type { CheckReport } from '../core/report.js';
import type { Fix } from '../core/types.js';
import type { GatherOptions } from '../gather/index.js';

export const FIX_HELP = `Usage: pip-doctor fix [options] [-- PIP_INSTALL_ARGS...]

Lists the fixes for what \`pip-doctor check\` finds, applies the one you pick after showing
exactly what will change, re-checks, and keeps a record so the change can be undone.

Options:
  --python PATH     The interpreter to diagnose (default: the one \`pip\` on PATH runs)
  --dry-run         Show the commands and a diff of every file edit; change nothing
  --yes             Apply the safest fix for each problem without asking
  --undo            Revert the last fix pip-doctor applied (files byte-identical to before)
  --allow-outside   Let a fix edit files outside your home and the current project
  --json            One JSON document on stdout (never prompts)
  --timeout SECS    How long the interpreter may take to answer (default 10)
  -h, --help        This help

pip-doctor never runs sudo: fixes that need root or risk the system are printed for you
to run. It asks before changing anything (on a terminal, unless --yes); without a terminal,
or when CI is set, it only lists the fixes.
  pip-doctor fix --dry-run -- requests
  pip-doctor fix --yes
  pip-doctor fix --undo

Exit status: 0 every applied fix worked and the re-check passes (or takes effect in a new
shell), 1 a problem remains, 2 bad usage.
`;

export interface FixDeps {
  diagnose: (options: GatherOptions) => Promise<CheckReport>;
  now: () => Date;
}

const DEFAULT_DEPS: FixDeps = {
  // Loaded on first use: --undo and a resumed journal do not need the whole diagnosis.
  diagnose: async (options) => (await import('../diagnose.js')).diagnoseInterpreter(options),
  now: () => new Date(),
};

export async function run(argv: string[], io: CliIO): Promise<number> {
  return runFix(argv, io, DEFAULT_DEPS);
}

interface Candidate {
  number: number;
  fix: Fix;
  result: PlanResult;
  /** The safest applicable fix of some finding: what --yes applies. */
  preferred: boolean;
}

type Outcome = 'fixed' | 'new-shell' | 'remaining' | 'unknown';

export async function runFix(argv: string[], io: CliIO, deps: FixDeps): Promise<number> {
  const { own, passthrough } = splitPassthrough(argv);
  const { values, positionals } = parseCommandArgs(
    'fix',
    own,
    {
      python: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      yes: { type: 'boolean', short: 'y', default: false },
      undo: { type: 'boolean', default: false },
      'allow-outside': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'no-color': { type: 'boolean', default: false },
      timeout: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    true,
  );
  if (values.help) {
    io.stdout.write(FIX_HELP);
    return 0;
  }
  if (positionals.length > 0) {
    throw new UsageError(`fix: unexpected argument '${positionals[0]}' (pip install arguments go after --)`);
  }
  if (values.undo && values.yes) throw new UsageError('fix: --undo does not take --yes');
  const platform = process.platform;
  const home = io.env[platform === 'win32' ? 'USERPROFILE' : 'HOME'];
  if (!home) throw new DoctorError(`fix: ${platform === 'win32' ? 'USERPROFILE' : 'HOME'} is not set`);
  const state = stateDir(platform, io.env, home);
  const context = { state, env: io.env, now: deps.now };
  const out = (text: string) => {
    if (!values.json) io.stdout.write(text);
  };
  const err = (text: string) => io.stderr.write(text);

  if (values.undo) return undo(state, context, values['dry-run'], values.json, io);

  const pending = pendingJournal(state);
  if (pending) {
    if (values['dry-run']) {
      err(
        `an interrupted fix is waiting to be completed: ${pending.title} (\`pip-doctor fix\` completes it)\n`,
      );
    } else {
      err(`completing an interrupted fix: ${pending.title}\n`);
      try {
        runJournal(pending, context);
      } catch (error) {
        if (!(error instanceof ApplyError)) throw error;
        err(`could not complete it: ${error.message}; its changes were put back\n`);
      }
    }
  }

  const options: GatherOptions = {
    ...(values.python !== undefined ? { python: values.python } : {}),
    installArgs: passthrough,
    env: io.env,
    cwd: io.cwd,
    timeoutMs: parseTimeout(values.timeout, 10_000),
  };
  const report = await deps.diagnose(options);
  const host: PlanHost = {
    platform,
    env: io.env,
    home,
    projectDir: io.cwd,
    euid: typeof process.geteuid === 'function' ? process.geteuid() : null,
    today: deps.now().toISOString().slice(0, 10),
    allowOutside: values['allow-outside'],
    fs: diskView,
  };
  const candidates = planAll(report, host);
  const ready = candidates.filter((c) => c.result.status === 'ready');
  const interactive =
    !values.json &&
    !values.yes &&
    !values['dry-run'] &&
    io.stdin.isTTY === true &&
    io.stdout.isTTY === true &&
    !io.env['CI'];

  out(renderList(report, candidates));
  if (values['dry-run']) {
    if (values.json) io.stdout.write(`${JSON.stringify(jsonDoc(report, candidates, [], true), null, 2)}\n`);
    for (const c of ready) {
      out(
        `\n${c.number}. ${c.fix.title}${c.preferred ? ' (--yes applies this one)' : ''}:\n${renderPlan((c.result as { plan: Plan }).plan)}`,
      );
    }
    out(ready.length > 0 ? '\n--dry-run: nothing was changed.\n' : '');
    return remainingErrors(report) ? 1 : 0;
  }

  let chosen: Candidate[];
  if (values.yes) chosen = ready.filter((c) => c.preferred);
  else if (interactive && ready.length > 0) {
    const picked = await pick(io, ready);
    if (picked === null) {
      out('Nothing was changed.\n');
      return remainingErrors(report) ? 1 : 0;
    }
    chosen = picked;
  } else {
    chosen = [];
    if (ready.length > 0) {
      out(
        `\nNothing was changed: run \`pip-doctor fix --yes\` to apply the fixes marked *, or --dry-run to see every change.\n`,
      );
    }
  }
  if (chosen.length === 0) {
    if (values.json) io.stdout.write(`${JSON.stringify(jsonDoc(report, candidates, [], false), null, 2)}\n`);
    return remainingErrors(report) && !allPendingNewShell(report, candidates) ? 1 : 0;
  }

  const applied: Array<{ candidate: Candidate; journal: Journal | null; error: string | null }> = [];
  for (const c of [...chosen].sort((a, b) => applyOrder(a.fix) - applyOrder(b.fix))) {
    const plan = (c.result as { plan: Plan }).plan;
    err(`applying: ${c.fix.title}\n`);
    try {
      applied.push({ candidate: c, journal: applyPlan(plan, context), error: null });
    } catch (error) {
      if (!(error instanceof ApplyError)) throw error;
      err(`failed: ${error.message}; what this fix had changed was put back\n`);
      if (error.output) err(indentTail(error.output));
      applied.push({ candidate: c, journal: null, error: error.message });
    }
  }

  // Verify: diagnose again and see which findings are gone.
  const { results, after } = await verify(
    deps,
    options,
    applied.filter((a) => a.journal !== null).map((a) => a.candidate),
    host,
  );
  let ok = applied.every((a) => a.error === null);
  out('\n');
  for (const a of applied) {
    if (a.error !== null) {
      out(`failed  ${a.candidate.fix.title}: ${a.error}\n`);
      continue;
    }
    for (const finding of a.candidate.fix.for) {
      const outcome = results.get(finding) ?? 'unknown';
      if (outcome === 'remaining' || outcome === 'unknown') ok = false;
      out(`${label(outcome)}  ${finding}\n`);
    }
    for (const note of a.journal?.notes ?? []) out(`        ${note}\n`);
  }
  // Problems no applied fix addressed still count: "1 when a problem remains".
  const waiting = new Set(
    [...results].filter(([, o]) => o === 'fixed' || o === 'new-shell').map(([id]) => id),
  );
  const left = (after ?? report).findings.filter((f) => f.severity === 'error' && !waiting.has(f.id));
  if (after === null || left.length > 0) ok = false;
  for (const f of left) out(`remains   ${f.id} (not addressed by the fixes applied)\n`);
  if (applied.some((a) => a.journal)) out('Undo with `pip-doctor fix --undo`.\n');
  if (values.json) {
    io.stdout.write(
      `${JSON.stringify(
        jsonDoc(
          report,
          candidates,
          applied.map((a) => ({
            id: a.candidate.fix.id,
            status: a.error === null ? 'applied' : 'failed',
            ...(a.error !== null ? { error: a.error } : {}),
            record: a.journal?.id ?? null,
            findings: a.candidate.fix.for.map((f) => ({ id: f, status: results.get(f) ?? 'unknown' })),
          })),
          false,
        ),
        null,
        2,
      )}\n`,
    );
  }
  return ok ? 0 : 1;
}

/** pip settings first: a `user = true` left in place makes pip refuse to install into a new venv. */
function applyOrder(fix: Fix): number {
  const type = fix.action?.type;
  if (type === 'remove-config-key' || type === 'set-config-key') return 0;
  if (type === 'chown') return 1;
  if (type === 'add-to-path') return 2;
  return 3;
}

function planAll(report: CheckReport, host: PlanHost): Candidate[] {
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  const preferredFor = new Set<string>();
  let number = 0;
  for (const listed of report.fixes) {
    if (seen.has(listed.id)) continue;
    seen.add(listed.id);
    // One fix (a venv, say) can be offered for several findings: it addresses all of them.
    const forAll = report.fixes.filter((f) => f.id === listed.id).flatMap((f) => f.for);
    const fix = { ...listed, for: [...new Set(forAll)] };
    const result = planFix(fix, host);
    const isReady = result.status === 'ready';
    // Fixes come safest first: the first ready one of each finding is the default.
    const preferred = isReady && fix.for.some((f) => !preferredFor.has(f));
    if (preferred) for (const f of fix.for) preferredFor.add(f);
    candidates.push({ number: isReady ? ++number : 0, fix, result, preferred });
  }
  return candidates;
}

function renderList(report: CheckReport, candidates: Candidate[]): string {
  if (report.findings.length === 0) return 'Nothing to fix: pip-doctor found no problems.\n';
  const lines = [
    `pip-doctor found ${report.findings.length} problem${report.findings.length === 1 ? '' : 's'}:`,
  ];
  for (const f of report.findings) lines.push(`  ${f.severity}: ${f.title} (${f.id})`);
  const ready = candidates.filter((c) => c.result.status === 'ready');
  const done = candidates.filter((c) => c.result.status === 'done');
  const manual = candidates.filter((c) => c.result.status === 'not-applicable');
  if (ready.length > 0) {
    lines.push('', 'Fixes pip-doctor can apply (* = the safest for its problem):');
    for (const c of ready)
      lines.push(`  ${c.preferred ? '*' : ' '}${c.number}. [${c.fix.kind}] ${c.fix.title}`);
  }
  if (done.length > 0) {
    lines.push('', 'Already in place:');
    for (const c of done) lines.push(`  - ${c.fix.title}`);
  }
  if (manual.length > 0) {
    lines.push('', 'Run these yourself if you choose to (pip-doctor does not):');
    for (const c of manual) {
      const reason = c.result.status === 'not-applicable' ? c.result.reason : '';
      lines.push(`  - ${c.fix.title}${reason ? ` (${reason})` : ''}`);
      for (const command of c.fix.commands) lines.push(`      ${command}`);
      if (c.fix.risk) lines.push(`      risk: ${c.fix.risk}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

async function pick(io: CliIO, ready: Candidate[]): Promise<Candidate[] | null> {
  const preferred = ready.filter((c) => c.preferred).map((c) => c.number);
  const fallback = preferred.length > 0 ? preferred : [ready[0]?.number ?? 1];
  for (;;) {
    const answer = await ask(
      io.stdin,
      writableOf(io.stdout),
      `\nWhich fix? [${fallback.join(',')}] (numbers separated by commas, n for none, Ctrl-C to stop): `,
    );
    if (answer === null || /^n(o(ne)?)?$/i.test(answer)) return null;
    const numbers =
      answer === ''
        ? fallback
        : answer
            .split(/[\s,]+/)
            .filter(Boolean)
            .map(Number);
    const chosen = numbers.map((n) => ready.find((c) => c.number === n));
    if (chosen.some((c) => c === undefined)) {
      io.stdout.write(`Please answer with numbers from 1 to ${ready.length}.\n`);
      continue;
    }
    const list = chosen as Candidate[];
    io.stdout.write('\nThis will:\n');
    for (const c of list) io.stdout.write(renderPlan((c.result as { plan: Plan }).plan));
    const confirm = await ask(io.stdin, writableOf(io.stdout), 'Apply these changes? [y/N] ');
    if (confirm === null || !/^y(es)?$/i.test(confirm)) return null;
    return list;
  }
}

async function verify(
  deps: FixDeps,
  options: GatherOptions,
  applied: Candidate[],
  host: PlanHost,
): Promise<{ results: Map<string, Outcome>; after: CheckReport | null }> {
  const results = new Map<string, Outcome>();
  let after: CheckReport | null = null;
  try {
    after = await deps.diagnose(options);
  } catch {
    after = null;
  }
  const remaining = new Set(after?.findings.map((f) => f.id) ?? []);
  for (const c of applied) {
    const action = c.fix.action;
    for (const finding of c.fix.for) {
      if (after !== null && !remaining.has(finding)) results.set(finding, 'fixed');
      else if (action?.type === 'add-to-path') results.set(finding, 'new-shell');
      else if (action?.type === 'create-venv')
        results.set(finding, await inVenv(deps, options, action.directory, finding, host));
      else results.set(finding, after === null ? 'unknown' : 'remaining');
    }
  }
  return { results, after };
}

/** A new venv helps once it is active: re-check with its interpreter. */
async function inVenv(
  deps: FixDeps,
  options: GatherOptions,
  dir: string,
  finding: string,
  host: PlanHost,
): Promise<Outcome> {
  const python =
    host.platform === 'win32' ? win32.join(dir, 'Scripts', 'python.exe') : posix.join(dir, 'bin', 'python');
  try {
    const report = await deps.diagnose({ ...options, python });
    const stillThere = report.findings.some((f) => f.id === finding || f.severity === 'error');
    return stillThere ? 'remaining' : 'new-shell';
  } catch {
    return 'unknown';
  }
}

function label(outcome: Outcome): string {
  switch (outcome) {
    case 'fixed':
      return 'fixed   ';
    case 'new-shell':
      return 'pending ';
    case 'remaining':
      return 'remains ';
    case 'unknown':
      return 'unknown ';
  }
}

function remainingErrors(report: CheckReport): boolean {
  return report.findings.some((f) => f.severity === 'error');
}

/** Errors whose fix is already in place and waits for a new shell (a PATH block) do not count. */
function allPendingNewShell(report: CheckReport, candidates: Candidate[]): boolean {
  const waiting = new Set(
    candidates
      .filter((c) => c.result.status === 'done' && c.fix.action?.type === 'add-to-path')
      .flatMap((c) => c.fix.for),
  );
  return report.findings.filter((f) => f.severity === 'error').every((f) => waiting.has(f.id));
}

function indentTail(output: string): string {
  const lines = output.trimEnd().split('\n').slice(-15);
  return `${lines.map((l) => `    ${l}`).join('\n')}\n`;
}

function jsonDoc(report: CheckReport, candidates: Candidate[], applied: unknown[], dryRun: boolean) {
  return {
    schemaVersion: 1,
    dryRun,
    findings: report.findings.map((f) => ({ id: f.id, severity: f.severity, title: f.title })),
    fixes: candidates.map((c) => ({
      id: c.fix.id,
      title: c.fix.title,
      kind: c.fix.kind,
      for: c.fix.for,
      status: c.result.status,
      preferred: c.preferred,
      ...(c.result.status === 'not-applicable' ? { reason: c.result.reason, commands: c.fix.commands } : {}),
      ...(c.result.status === 'ready' ? { steps: c.result.plan.steps.map(stepJson) } : {}),
    })),
    applied,
  };
}

async function undo(
  state: string,
  context: { state: string; env: NodeJS.ProcessEnv; now: () => Date },
  dryRun: boolean,
  json: boolean,
  io: CliIO,
): Promise<number> {
  const records = appliedRecords(state);
  const last = records[records.length - 1];
  if (!last) {
    if (json) io.stdout.write(`${JSON.stringify({ schemaVersion: 1, undone: null })}\n`);
    else io.stdout.write('Nothing to undo: pip-doctor has no applied fix on record.\n');
    return 0;
  }
  const summary = (done: boolean) => last.steps.map((s) => `  ${describeUndo(s.step, done)}\n`).join('');
  if (dryRun) {
    if (json)
      io.stdout.write(`${JSON.stringify({ schemaVersion: 1, dryRun: true, wouldUndo: last.fixId })}\n`);
    else
      io.stdout.write(
        `--undo would revert "${last.title}" (applied ${last.completedAt ?? last.startedAt}):\n${summary(false)}`,
      );
    return 0;
  }
  try {
    undoRecord(last, context);
  } catch (error) {
    if (!(error instanceof ApplyError)) throw error;
    io.stderr.write(`cannot undo "${last.title}": ${error.message}\n`);
    return 1;
  }
  if (json) io.stdout.write(`${JSON.stringify({ schemaVersion: 1, undone: last.fixId, record: last.id })}\n`);
  else io.stdout.write(`Reverted "${last.title}":\n${summary(true)}`);
  return 0;
}

function describeUndo(step: Journal['steps'][number]['step'], done: boolean): string {
  const [removed, restored, ran, gave] = done
    ? ['removed', 'restored', 'ran', 'gave']
    : ['remove', 'restore', 'run', 'give'];
  switch (step.kind) {
    case 'write-file':
      return step.before === null ? `${removed} ${step.path}` : `${restored} ${step.path}`;
    case 'run':
      return step.creates !== null
        ? `${removed} ${step.creates}`
        : step.undo
          ? `${ran} ${step.undo.join(' ')}`
          : `(nothing to undo for ${step.display})`;
    case 'chown':
      return `${gave} ${step.entries.length} entries back to their previous owners`;
  }
}
