// Plan: a fix's action and the current state of the disk in, the concrete steps out (file edits
// with their full before/after text, programs to run, ownership changes). Reads only through the
// injected FileView, writes nothing.
import { posix, win32 } from 'node:path';
import { projectName } from '../checks/derive.js';
import type { Fix, FixAction } from '../core/types.js';
import { commandLine } from '../fixes/shell.js';
import { activateLine } from '../fixes/venv.js';
import type { Shell } from '../gather/facts.js';
import { commentOutKey, setKey } from './ini.js';
import { addPathBlock, pathLine, resolveProfile } from './profile.js';

/** What lstat says (symlinks are not followed). */
export interface FileStat {
  isDirectory: boolean;
  isSymlink: boolean;
  mode: number;
  uid: number;
  gid: number;
}

/** Read-only view of the disk the planner works from (the real one, or a test's). */
export interface FileView {
  read(path: string): Buffer | null;
  stat(path: string): FileStat | null;
  /** Symlinks resolved, or null when the path does not exist. */
  realPath(path: string): string | null;
  /** Names in a folder ([] when it is not one). */
  list(dir: string): string[];
}

export interface PlanHost {
  platform: string;
  env: Record<string, string | undefined>;
  home: string;
  projectDir: string;
  /** Effective uid (null on Windows). */
  euid: number | null;
  /** YYYY-MM-DD, written into the PATH block. */
  today: string;
  /** --allow-outside: the user agreed to edits outside their home and the project. */
  allowOutside: boolean;
  fs: FileView;
}

export type Step =
  | {
      kind: 'write-file';
      path: string;
      /** null: the file does not exist yet. */
      before: string | null;
      after: string;
      mode: number | null;
      uid: number | null;
      gid: number | null;
      /** Folders to create first, outermost first. */
      createDirs: string[];
    }
  | {
      kind: 'run';
      argv: string[];
      /** The command line as the user would type it. */
      display: string;
      cwd: string;
      /** A folder the command creates (removed again by undo, and by a resumed apply that was cut short). */
      creates: string | null;
      /** What undoes it, when it is not `creates`. */
      undo: string[] | null;
    }
  | { kind: 'chown'; entries: Array<{ path: string; uid: number; gid: number }>; uid: number; gid: number };

export interface Plan {
  fix: Fix;
  steps: Step[];
  /** What to tell the user after applying (how to activate, a new shell...). */
  notes: string[];
}

export type PlanResult =
  | { status: 'ready'; plan: Plan }
  /** Nothing left to change: the fix is already in place. */
  | { status: 'done'; plan: Plan; reason: string }
  | { status: 'not-applicable'; reason: string };

export function planFix(fix: Fix, host: PlanHost): PlanResult {
  const action = fix.action;
  // No reason to add under "run these yourself": the fix's commands and risk say it all.
  if (!action) return { status: 'not-applicable', reason: '' };
  const rootChown = action.type === 'chown' && host.euid === 0;
  if (fix.kind === 'manual' && !rootChown) {
    return {
      status: 'not-applicable',
      reason: action.type === 'chown' ? 'needs root: run the command yourself, or `sudo pip-doctor fix`' : '',
    };
  }
  try {
    return planAction(fix, action, host);
  } catch (error) {
    if (error instanceof NotApplicable) return { status: 'not-applicable', reason: error.message };
    throw error;
  }
}

class NotApplicable extends Error {}

function planAction(fix: Fix, action: FixAction, host: PlanHost): PlanResult {
  const notes: string[] = [];
  let steps: Step[];
  switch (action.type) {
    case 'create-venv':
      steps = planVenv(fix, action, host, notes);
      break;
    case 'add-to-path':
      steps = planPath(action, host, notes);
      break;
    case 'remove-config-key':
      steps = planConfigEdit(
        host,
        action.file,
        (text) => commentOutKey(text, action.section, action.key),
        false,
      );
      break;
    case 'set-config-key':
      steps = planConfigEdit(
        host,
        action.file,
        (text) => setKey(text, action.section, action.key, action.value),
        true,
      );
      break;
    case 'chown':
      steps = planChown(action, host);
      break;
    case 'install-app':
      steps = planApp(fix, action, host);
      break;
  }
  const plan = { fix, steps, notes };
  return steps.length === 0
    ? { status: 'done', plan, reason: 'already in place' }
    : { status: 'ready', plan };
}

function commandText(shell: Shell, argv: string[]): string {
  return commandLine(shell, argv[0] ?? '', ...argv.slice(1));
}

function api(host: PlanHost) {
  return host.platform === 'win32' ? win32 : posix;
}

function inside(host: PlanHost, child: string, parent: string): boolean {
  const rel = api(host).relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !api(host).isAbsolute(rel));
}

/** The path to write (symlinks followed), refused outside the home and the project. */
function allowedTarget(host: PlanHost, path: string): string {
  const real = host.fs.realPath(path) ?? path;
  if (host.allowOutside) return real;
  const allowed = [host.home, host.projectDir].flatMap((d) => [d, host.fs.realPath(d) ?? d]);
  for (const candidate of new Set([path, real])) {
    if (!allowed.some((dir) => inside(host, candidate, dir))) {
      throw new NotApplicable(
        `${candidate} is outside your home and the project folder (--allow-outside to let pip-doctor edit it)`,
      );
    }
  }
  return real;
}

function readText(host: PlanHost, path: string): string | null {
  const bytes = host.fs.read(path);
  if (bytes === null) return null;
  const text = bytes.toString('utf8');
  // Only text that survives the round trip is edited, so every other byte is kept.
  if (!Buffer.from(text, 'utf8').equals(bytes))
    throw new NotApplicable(`${path} is not UTF-8 text; edit it yourself`);
  return text;
}

function missingDirs(host: PlanHost, file: string): string[] {
  const dirs: string[] = [];
  let dir = api(host).dirname(file);
  while (host.fs.stat(dir) === null && api(host).dirname(dir) !== dir) {
    dirs.unshift(dir);
    dir = api(host).dirname(dir);
  }
  return dirs;
}

function nearestExisting(host: PlanHost, path: string): FileStat | null {
  let dir = api(host).dirname(path);
  for (;;) {
    const stat = host.fs.stat(dir);
    if (stat) return stat;
    const parent = api(host).dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function fileEdit(host: PlanHost, path: string, edit: (text: string) => string, create: boolean): Step[] {
  const target = allowedTarget(host, path);
  const stat = host.fs.stat(target);
  if (stat?.isDirectory) throw new NotApplicable(`${target} is a folder`);
  const before = readText(host, target);
  if (before === null && !create) return [];
  const after = edit(before ?? '');
  if (after === (before ?? '')) return [];
  // A new file belongs to whoever owns its folder (it matters when root edits a user's home).
  const owner = stat ?? nearestExisting(host, target);
  return [
    {
      kind: 'write-file',
      path: target,
      before,
      after,
      mode: stat?.mode ?? null,
      uid: owner?.uid ?? null,
      gid: owner?.gid ?? null,
      createDirs: missingDirs(host, target),
    },
  ];
}

function planConfigEdit(
  host: PlanHost,
  file: string,
  edit: (text: string) => string,
  create: boolean,
): Step[] {
  return fileEdit(host, file, edit, create);
}

function planPath(
  action: Extract<FixAction, { type: 'add-to-path' }>,
  host: PlanHost,
  notes: string[],
): Step[] {
  const profile = resolveProfile(action.profile, action.shell, host);
  if (profile === null) {
    throw new NotApplicable(
      `pip-doctor does not edit ${action.profile} for ${action.shell}; run the commands yourself`,
    );
  }
  const line = pathLine(action.shell, action.directory, host.platform === 'win32' ? null : host.home);
  notes.push(`takes effect in a new shell (or run: ${line})`);
  return fileEdit(host, profile, (text) => addPathBlock(text, line, host.today), true);
}

function venvPython(host: PlanHost, dir: string): string {
  return host.platform === 'win32'
    ? win32.join(dir, 'Scripts', 'python.exe')
    : posix.join(dir, 'bin', 'python');
}

/** The venv's site-packages folders (lib/pythonX.Y/site-packages, or Lib\site-packages). */
function siteDirs(host: PlanHost, dir: string): string[] {
  const p = api(host);
  if (host.platform === 'win32') return [p.join(dir, 'Lib', 'site-packages')];
  return ['lib', 'lib64'].flatMap((lib) =>
    host.fs
      .list(p.join(dir, lib))
      .filter((name) => name.startsWith('python'))
      .map((name) => p.join(dir, lib, name, 'site-packages')),
  );
}

function installedIn(host: PlanHost, dir: string, requirement: string): boolean {
  const wanted = projectName(requirement).replaceAll('-', '_');
  return siteDirs(host, dir).some((site) =>
    host.fs.list(site).some((name) => {
      const match = /^(.+?)-[^-]+\.dist-info$/.exec(name);
      return match !== null && projectName(match[1] ?? '').replaceAll('-', '_') === wanted;
    }),
  );
}

function planVenv(
  fix: Fix,
  action: Extract<FixAction, { type: 'create-venv' }>,
  host: PlanHost,
  notes: string[],
): Step[] {
  const dir = allowedTarget(host, action.directory);
  const shell = fix.shell as Shell;
  const steps: Step[] = [];
  const stat = host.fs.stat(dir);
  const exists = stat !== null;
  if (exists && host.fs.stat(api(host).join(dir, 'pyvenv.cfg')) === null) {
    throw new NotApplicable(`${dir} exists and is not a virtual environment; move it away first`);
  }
  if (!exists) {
    const argv = [action.python, '-m', 'venv', dir];
    steps.push({
      kind: 'run',
      argv,
      display: commandText(shell, argv),
      cwd: host.projectDir,
      creates: dir,
      undo: null,
    });
  }
  const python = venvPython(host, dir);
  const missing = exists ? action.packages.filter((p) => !installedIn(host, dir, p)) : action.packages;
  if (missing.length > 0) {
    const argv = [python, '-m', 'pip', 'install', ...missing];
    steps.push({
      kind: 'run',
      argv,
      display: commandText(shell, argv),
      cwd: host.projectDir,
      creates: null,
      // Inside a venv pip-doctor created, removing the venv undoes the install too.
      undo: exists ? [python, '-m', 'pip', 'uninstall', '-y', ...missing.map(projectName)] : null,
    });
  }
  const shown = inside(host, dir, host.projectDir) ? api(host).relative(host.projectDir, dir) || '.' : dir;
  notes.push(`activate it in your shell with: ${activateLine(shown, shell)}`);
  return steps;
}

function planChown(action: Extract<FixAction, { type: 'chown' }>, host: PlanHost): Step[] {
  if (action.uid === 0) throw new NotApplicable('will not give folders to root');
  const entries: Array<{ path: string; uid: number; gid: number }> = [];
  const walk = (path: string) => {
    const stat = host.fs.stat(path);
    if (!stat) return;
    if (stat.uid !== action.uid || stat.gid !== action.gid)
      entries.push({ path, uid: stat.uid, gid: stat.gid });
    // A symlink itself is re-owned (lchown) but never followed out of the tree.
    if (stat.isDirectory && !stat.isSymlink) {
      for (const name of host.fs.list(path)) walk(api(host).join(path, name));
    }
  };
  for (const path of action.paths) {
    if (!inside(host, path, host.home) || path === host.home) {
      throw new NotApplicable(`${path} is not a folder inside ${host.home}`);
    }
    walk(path);
  }
  return entries.length === 0 ? [] : [{ kind: 'chown', entries, uid: action.uid, gid: action.gid }];
}

/** Where pipx and uv keep one environment per installed app. */
function appDirs(host: PlanHost, tool: 'pipx' | 'uv'): string[] {
  const p = api(host);
  const env = host.env;
  const data = env['XDG_DATA_HOME'] || p.join(host.home, '.local', 'share');
  if (tool === 'pipx') {
    if (env['PIPX_HOME']) return [p.join(env['PIPX_HOME'], 'venvs')];
    return [
      p.join(data, 'pipx', 'venvs'),
      p.join(host.home, '.local', 'pipx', 'venvs'),
      p.join(host.home, 'pipx', 'venvs'),
    ];
  }
  if (env['UV_TOOL_DIR']) return [env['UV_TOOL_DIR']];
  return host.platform === 'win32' && env['APPDATA']
    ? [p.join(env['APPDATA'], 'uv', 'tools')]
    : [p.join(data, 'uv', 'tools')];
}

function planApp(fix: Fix, action: Extract<FixAction, { type: 'install-app' }>, host: PlanHost): Step[] {
  const shell = fix.shell as Shell;
  const dirs = appDirs(host, action.tool);
  const verb = action.tool === 'pipx' ? [] : ['tool'];
  return action.packages
    .filter((pkg) => !dirs.some((d) => host.fs.stat(api(host).join(d, projectName(pkg))) !== null))
    .map((pkg) => {
      const argv = [action.toolPath, ...verb, 'install', pkg];
      const shownTool = action.tool;
      return {
        kind: 'run' as const,
        argv,
        display: commandLine(shell, shownTool, ...verb, 'install', pkg),
        cwd: host.projectDir,
        creates: null,
        undo: [action.toolPath, ...verb, 'uninstall', projectName(pkg)],
      };
    });
}
