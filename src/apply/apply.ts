// Apply: the journal is written before anything changes, every file is backed up before it is
// edited, each step is idempotent, and a journal left by a killed run is completed by the next.
// Undo replays a record backwards and leaves every edited file byte-identical to before.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan, Step } from './plan.js';
import {
  changeOwner,
  makeDirectory,
  moveFile,
  removeEmptyDirectory,
  removeFile,
  removeTree,
  runProgram,
  tempPathFor,
  writeFileAtomic,
} from './write.js';

export interface JournalStep {
  step: Step;
  /** Copy of the file before the edit (write-file steps on existing files). */
  backup: string | null;
  beforeHash: string | null;
  afterHash: string | null;
  done: boolean;
}

export interface Journal {
  version: 1;
  id: string;
  fixId: string;
  title: string;
  /** The findings the fix is for (re-checked afterwards). */
  for: string[];
  notes: string[];
  startedAt: string;
  completedAt?: string;
  steps: JournalStep[];
}

export interface ApplyContext {
  /** pip-doctor's state folder. */
  state: string;
  /** Environment for the programs a fix runs. */
  env: NodeJS.ProcessEnv;
  now: () => Date;
}

/** A step could not be done; everything this fix had already changed was put back. */
export class ApplyError extends Error {
  constructor(
    message: string,
    readonly output: string = '',
  ) {
    super(message);
  }
}

const JOURNAL = 'journal.json';

export function hashText(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

function paths(state: string) {
  return {
    journal: join(state, JOURNAL),
    history: join(state, 'history'),
    undone: join(state, 'undone'),
    backups: join(state, 'backups'),
  };
}

function readBytes(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function writeJournal(state: string, journal: Journal): void {
  writeFileAtomic(paths(state).journal, `${JSON.stringify(journal, null, 2)}\n`, { mode: 0o600 });
}

/** A journal left by a run that was killed or lost power, or null. */
export function pendingJournal(state: string): Journal | null {
  const bytes = readBytes(paths(state).journal);
  return bytes === null ? null : (JSON.parse(bytes.toString('utf8')) as Journal);
}

/** Records sort by name in the order they were made: a sequence number leads the id. */
function newId(state: string, fixId: string, now: Date): string {
  const where = paths(state);
  const taken = [where.history, where.undone].flatMap((dir) => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  });
  const last = Math.max(0, ...taken.map((name) => Number.parseInt(name, 10) || 0));
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('.', '-');
  return `${String(last + 1).padStart(6, '0')}-${stamp}-${fixId}`;
}

/** Applies a plan: journal first, then each step, then the record (for --undo). */
export function applyPlan(plan: Plan, context: ApplyContext): Journal {
  const { state } = context;
  const where = paths(state);
  makeDirectory(where.history);
  const id = newId(state, plan.fix.id, context.now());
  const journal: Journal = {
    version: 1,
    id,
    fixId: plan.fix.id,
    title: plan.fix.title,
    for: plan.fix.for,
    notes: plan.notes,
    startedAt: context.now().toISOString(),
    steps: plan.steps.map((step, n) => ({
      step,
      backup: step.kind === 'write-file' && step.before !== null ? join(where.backups, id, `${n}`) : null,
      beforeHash: step.kind === 'write-file' && step.before !== null ? hashText(step.before) : null,
      afterHash: step.kind === 'write-file' ? hashText(step.after) : null,
      done: false,
    })),
  };
  writeJournal(state, journal);
  return runJournal(journal, context);
}

/** Completes a journal: steps already done are recognised and skipped. */
export function runJournal(journal: Journal, context: ApplyContext): Journal {
  const { state } = context;
  for (const entry of journal.steps) {
    if (entry.done) continue;
    try {
      doStep(entry, context);
    } catch (error) {
      rollBack(journal, context);
      throw error;
    }
    entry.done = true;
    writeJournal(state, journal);
  }
  const record: Journal = { ...journal, completedAt: context.now().toISOString() };
  if (!existsSync(paths(state).history)) makeDirectory(paths(state).history);
  writeFileAtomic(join(paths(state).history, `${journal.id}.json`), `${JSON.stringify(record, null, 2)}\n`, {
    mode: 0o600,
  });
  removeFile(paths(state).journal);
  return record;
}

function doStep(entry: JournalStep, context: ApplyContext): void {
  const { step } = entry;
  switch (step.kind) {
    case 'write-file': {
      const current = readBytes(step.path);
      const currentHash = current === null ? null : hashText(current);
      if (currentHash === entry.afterHash) {
        // The rename happened before the kill; only a stray temp file can be left.
        removeFile(tempPathFor(step.path));
        return;
      }
      if (currentHash !== entry.beforeHash) {
        throw new ApplyError(`${step.path} changed since pip-doctor read it; it was left alone`);
      }
      if (current !== null && entry.backup !== null) {
        const backup = readBytes(entry.backup);
        if (backup === null || hashText(backup) !== entry.beforeHash) {
          makeDirectory(join(entry.backup, '..'));
          writeFileAtomic(entry.backup, current, { mode: 0o600 });
        }
      }
      for (const dir of step.createDirs) if (!existsSync(dir)) makeDirectory(dir);
      writeFileAtomic(step.path, step.after, { mode: step.mode, uid: step.uid, gid: step.gid });
      return;
    }
    case 'run': {
      // A folder the command creates and that exists before it is done is a killed run's leftover.
      if (step.creates !== null && existsSync(step.creates)) removeTree(step.creates);
      const result = runProgram(step.argv, step.cwd, context.env);
      if (result.status !== 0) {
        throw new ApplyError(`\`${step.display}\` failed (exit ${result.status ?? 'signal'})`, result.output);
      }
      return;
    }
    case 'chown':
      for (const e of step.entries) ownIfPresent(e.path, step.uid, step.gid);
      return;
  }
}

function ownIfPresent(path: string, uid: number, gid: number): void {
  try {
    changeOwner(path, uid, gid);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** After a failed step: undo what this fix did so far (the failed step included), then drop the journal. */
function rollBack(journal: Journal, context: ApplyContext): void {
  const started = journal.steps.filter((s) => s.done || s === journal.steps.find((x) => !x.done));
  undoSteps(started, context, true);
  removeFile(paths(context.state).journal);
}

/** The records of applied fixes, oldest first. */
export function appliedRecords(state: string): Journal[] {
  const dir = paths(state).history;
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  return names.sort().map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as Journal);
}

/** Why a record cannot be undone (a file changed since), or null. */
export function undoBlocker(record: Journal): string | null {
  for (const entry of record.steps) {
    const { step } = entry;
    if (step.kind === 'write-file') {
      const current = readBytes(step.path);
      const hash = current === null ? null : hashText(current);
      if (hash !== entry.afterHash && hash !== entry.beforeHash) {
        return `${step.path} changed after pip-doctor edited it; restore it yourself from ${entry.backup ?? 'your own copy'}`;
      }
      if (entry.backup !== null && hash === entry.afterHash) {
        const backup = readBytes(entry.backup);
        if (backup === null || hashText(backup) !== entry.beforeHash)
          return `the backup ${entry.backup} is missing or changed`;
      }
    }
    if (step.kind === 'chown' && typeof process.geteuid === 'function' && process.geteuid() !== 0) {
      return 'giving the folders back to their previous owner needs root';
    }
  }
  return null;
}

/** Reverts one applied fix, then files its record under undone/. */
export function undoRecord(record: Journal, context: ApplyContext): void {
  const blocker = undoBlocker(record);
  if (blocker) throw new ApplyError(blocker);
  undoSteps(record.steps, context, false);
  const where = paths(context.state);
  makeDirectory(where.undone);
  moveFile(join(where.history, `${record.id}.json`), join(where.undone, `${record.id}.json`));
}

function undoSteps(entries: JournalStep[], context: ApplyContext, bestEffort: boolean): void {
  for (const entry of [...entries].reverse()) {
    try {
      undoStep(entry, context);
    } catch (error) {
      if (!bestEffort) throw error;
    }
  }
}

function undoStep(entry: JournalStep, context: ApplyContext): void {
  const { step } = entry;
  switch (step.kind) {
    case 'write-file': {
      const current = readBytes(step.path);
      const hash = current === null ? null : hashText(current);
      if (hash === entry.beforeHash) {
        removeFile(tempPathFor(step.path));
      } else if (hash === entry.afterHash) {
        if (step.before === null) removeFile(step.path);
        else {
          const backup = readBytes(entry.backup as string);
          if (backup === null) throw new ApplyError(`the backup of ${step.path} is missing`);
          writeFileAtomic(step.path, backup, { mode: step.mode, uid: step.uid, gid: step.gid });
        }
      }
      for (const dir of [...step.createDirs].reverse()) removeEmptyDirectory(dir);
      return;
    }
    case 'run':
      if (step.creates !== null) {
        if (existsSync(step.creates)) removeTree(step.creates);
      } else if (step.undo !== null && entry.done) {
        const result = runProgram(step.undo, step.cwd, context.env);
        if (result.status !== 0) throw new ApplyError(`\`${step.undo.join(' ')}\` failed`, result.output);
      }
      return;
    case 'chown':
      for (const e of step.entries) ownIfPresent(e.path, e.uid, e.gid);
      return;
  }
}
