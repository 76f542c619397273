// Optional live confirmation: when the log's paths exist on this machine, look at them (a stat,
// an access check, at most one short interpreter run) and say what that shows. Time-bounded.
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { basename, delimiter, dirname, resolve } from 'node:path';
import type { ExplainFinding, ExplainMessage, LogContext } from './types.js';

export interface LiveOptions {
  /** The interpreter the log came from, to run the full diagnosis on (explain --python). */
  python?: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  timeoutMs: number;
}

export interface LiveResult {
  python: string | null;
  /** What check would predict here for the same command, when --python was given. */
  outcome: string | null;
  directory: string | null;
  agrees: boolean | null;
  notes: string[];
}

const OUTCOME_OF: Record<string, string> = {
  'externally-managed': 'error-externally-managed',
  'site-packages-not-writable': 'user-default',
  'user-install-in-venv': 'error-user-in-virtualenv',
  'require-virtualenv': 'error-require-virtualenv',
  'read-only-filesystem': 'error-permission',
  'venv-not-writable': 'error-permission',
  'user-folders-owned-by-root': 'error-permission',
};

async function nearestExisting(path: string): Promise<{ path: string; uid: number; mode: number } | null> {
  let current = path;
  for (let i = 0; i < 40; i++) {
    try {
      const info = await stat(current);
      return { path: current, uid: info.uid, mode: info.mode };
    } catch {
      const parent = dirname(current);
      if (parent === current) return null;
      current = parent;
    }
  }
  return null;
}

async function writableNote(path: string): Promise<string | null> {
  if (!path.startsWith('/')) return null;
  const found = await nearestExisting(path);
  if (!found || found.path === '/') return null;
  const who = typeof process.getuid === 'function' ? `uid ${process.getuid()}` : 'you';
  try {
    await access(found.path, constants.W_OK);
    return `here, ${found.path} exists (owner uid ${found.uid}) and ${who} can write to it: the log's pip ran as another user or elsewhere`;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const why =
      code === 'EROFS' ? 'it is on a read-only file system' : `${who} may not write to it (${code})`;
    return `confirmed here: ${found.path} exists (owner uid ${found.uid}, mode ${(found.mode & 0o7777).toString(8)}) and ${why}`;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function hasPip(interpreter: string, timeoutMs: number): Promise<boolean | null> {
  return new Promise((done) => {
    execFile(interpreter, ['-c', 'import pip'], { timeout: timeoutMs }, (error) => {
      if (!error) done(true);
      else done(typeof error.code === 'number' ? false : null);
    });
  });
}

async function confirmFinding(
  finding: ExplainFinding,
  messages: ExplainMessage[],
  options: LiveOptions,
  context: LogContext,
): Promise<string[]> {
  const notes: string[] = [];
  for (const basis of finding.basis.slice(0, 3)) {
    const message = messages.find((m) => m.line === basis.line && m.kind === basis.kind);
    if (!message) continue;
    const f = message.facts;
    if (
      typeof f.path === 'string' &&
      ['permission-denied', 'read-only-filesystem', 'operation-not-permitted', 'cache-not-owned'].includes(
        message.kind,
      )
    ) {
      const note = await writableNote(f.path);
      if (note) notes.push(note);
    }
    if (
      message.kind === 'script-not-on-path' &&
      typeof f.directory === 'string' &&
      f.directory.startsWith('/') &&
      (await exists(f.directory))
    ) {
      const entries = (options.env.PATH ?? '').split(delimiter).map((e) => resolve(e || '.'));
      const onPath = entries.includes(resolve(f.directory));
      notes.push(
        onPath
          ? `here, ${f.directory} is on PATH now: new shells find the scripts`
          : `confirmed here: ${f.directory} exists and is not on PATH`,
      );
    }
    if (message.kind === 'bad-interpreter') {
      if (typeof f.interpreter === 'string' && f.interpreter.startsWith('/')) {
        notes.push(
          (await exists(f.interpreter))
            ? `here, ${f.interpreter} exists: the log is from another machine or it was reinstalled`
            : `confirmed here: ${f.interpreter} does not exist`,
        );
      }
      if (typeof f.script === 'string' && f.script.startsWith('/') && (await exists(f.script)))
        notes.push(`here, the script ${f.script} still exists`);
    }
    if (
      message.kind === 'pip-missing' &&
      typeof f.interpreter === 'string' &&
      /^python[\d.]*(?:\.exe)?$/.test(basename(f.interpreter)) &&
      f.interpreter.startsWith('/') &&
      (await exists(f.interpreter))
    ) {
      const result = await hasPip(f.interpreter, options.timeoutMs);
      if (result === false) notes.push(`confirmed here: ${f.interpreter} cannot import pip`);
      if (result === true) notes.push(`here, ${f.interpreter} does have pip now`);
    }
  }
  if (finding.basis.some((b) => b.kind === 'user-install-fallback')) {
    // The fallback is about the interpreter's site-packages: the log shows it in "pip X from ..." or
    // "Requirement already satisfied: ... in ..." lines.
    const site = context.paths.find(
      (p) => /[\\/](?:site|dist)-packages$/.test(p) && !/\.local|AppData|Library\/Python/.test(p),
    );
    if (site) {
      const note = await writableNote(site);
      if (note) notes.push(note);
    }
  }
  if (finding.id === 'externally-managed') {
    for (const version of context.pythonVersions.slice(0, 3)) {
      const marker = `/usr/lib/python${version}/EXTERNALLY-MANAGED`;
      if (await exists(marker)) notes.push(`confirmed here: ${marker} exists`);
    }
  }
  return notes;
}

function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((done) => {
    timer = setTimeout(() => done(fallback), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Adds `confirmed` notes to findings in place; returns the --python diagnosis, if asked for. */
export async function confirmLive(
  findings: ExplainFinding[],
  messages: ExplainMessage[],
  context: LogContext,
  options: LiveOptions,
): Promise<LiveResult> {
  const result: LiveResult = {
    python: options.python ?? null,
    outcome: null,
    directory: null,
    agrees: null,
    notes: [],
  };
  await withTimeout(
    Promise.all(
      findings.map(async (finding) => {
        const notes = await confirmFinding(finding, messages, options, context).catch(() => []);
        if (notes.length > 0) finding.confirmed = notes;
      }),
    ),
    options.timeoutMs,
    undefined,
  );
  if (options.python) {
    const command = context.commands[0];
    const installArgs = command
      ? command
          .replace(/^.*?\binstall\s+/, '')
          .split(/\s+/)
          .filter((a) => a && !/^(?:&&|\|)$/.test(a))
      : [];
    try {
      // Loaded only when asked for: explain itself never needs the gather pipeline.
      const { diagnoseInterpreter } = await import('../diagnose.js');
      const report = await withTimeout(
        diagnoseInterpreter({
          python: options.python,
          installArgs,
          env: options.env,
          cwd: options.cwd,
          timeoutMs: options.timeoutMs,
        }),
        options.timeoutMs + 1000,
        null,
      );
      if (report) {
        result.outcome = report.prediction.outcome;
        result.directory = report.prediction.directory;
        const expected = findings.map((f) => OUTCOME_OF[f.id]).find((o) => o !== undefined) ?? null;
        result.agrees = expected === null ? null : expected === result.outcome;
        result.notes.push(
          expected === null
            ? `pip here would end in: ${result.outcome}`
            : result.agrees
              ? `confirmed: pip for ${options.python} would do the same here (${result.outcome})`
              : `not confirmed: pip for ${options.python} would end in ${result.outcome} here, not ${expected}`,
        );
      } else result.notes.push(`the live check of ${options.python} timed out`);
    } catch (error) {
      result.notes.push(
        `the live check of ${options.python} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      );
    }
  }
  return result;
}
