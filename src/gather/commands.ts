// Which interpreter `pip`, `pip3`, `python` and `python3` on PATH really run.
import { closeSync, existsSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { dirname, join } from '../core/fast-path.js';
import type { CommandResolution } from './facts.js';
import { findOnPath } from './path-search.js';

export const COMMAND_NAMES = ['pip', 'pip3', 'python', 'python3'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export function resolveCommands(
  env: NodeJS.ProcessEnv,
  plat: string,
  cwd: string,
): Record<CommandName, CommandResolution> {
  const out = {} as Record<CommandName, CommandResolution>;
  // pyenv's version is the same for all four: looked up once.
  const pyenv: PyenvLookups = new Map();
  for (const name of COMMAND_NAMES) out[name] = resolveCommand(name, env, plat, cwd, pyenv);
  return out;
}

/** pyenv's versions by pyenv root, for one set of commands looked up together. */
type PyenvLookups = Map<string, ReturnType<typeof pyenvVersions>>;

export function resolveCommand(
  name: string,
  env: NodeJS.ProcessEnv,
  plat: string,
  cwd: string,
  pyenv: PyenvLookups = new Map(),
): CommandResolution {
  const path = findOnPath(name, env, plat, cwd);
  const base: CommandResolution = {
    name,
    path,
    interpreter: null,
    via: null,
    interpreterExists: null,
    environment: null,
    detail: null,
  };
  if (!path) return { ...base, detail: `${name} is not on PATH` };
  const resolved = resolveLauncher(path, name, env, plat, cwd, 0, pyenv);
  const exists = resolved.interpreter ? isFile(resolved.interpreter) : null;
  return {
    ...base,
    ...resolved,
    interpreterExists: exists,
    environment: exists ? environmentOf(resolved.interpreter, plat) : null,
  };
}

type Resolved = Pick<CommandResolution, 'interpreter' | 'via' | 'detail' | 'interpreterFlags'>;

/** Follows a command to the interpreter it runs: pyenv shims, shebang scripts, Windows exe launchers. */
function resolveLauncher(
  file: string,
  name: string,
  env: NodeJS.ProcessEnv,
  plat: string,
  cwd: string,
  depth: number,
  pyenv: PyenvLookups,
): Resolved {
  if (depth > 4) return { interpreter: null, via: null, detail: 'too many levels of launchers' };
  const head = readHead(file, 1024);
  if (head === null) return { interpreter: null, via: null, detail: `cannot read ${file}` };
  if (head.startsWith('#!')) {
    if (isPyenvShim(head)) return resolvePyenvShim(file, name, env, plat, cwd, depth, pyenv);
    const target = shebangInterpreter(head, env, plat, cwd);
    if (!target) return { interpreter: null, via: 'shebang', detail: 'unreadable shebang line' };
    const flags = shebangFlags(head);
    return {
      interpreter: target,
      via: 'shebang',
      detail: null,
      ...(flags.length > 0 ? { interpreterFlags: flags } : {}),
    };
  }
  if (head.startsWith('MZ')) {
    const embedded = plat === 'win32' && /^pip/i.test(basename(file)) ? exeLauncherShebang(file) : null;
    if (embedded) return { interpreter: embedded, via: 'exe-launcher', detail: null };
  }
  // A binary (ELF, Mach-O, or a python.exe): the command is an interpreter itself.
  return { interpreter: file, via: 'self', detail: null };
}

function readHead(file: string, bytes: number): string | null {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buffer = Buffer.alloc(bytes);
    const n = readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, n).toString('latin1');
  } catch {
    return null;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The interpreter a script's shebang names. Handles `#!/usr/bin/env python3`, and the
 * `#!/bin/sh` + `'''exec' "/path with space/python" "$0" "$@"` form pip writes for long or spaced paths.
 */
export function shebangInterpreter(
  head: string,
  env: NodeJS.ProcessEnv,
  plat: string,
  cwd: string,
): string | null {
  const firstLine = head.split(/\r?\n/)[0] ?? '';
  const execLine = head.split(/\r?\n/).find((line) => line.startsWith("'''exec' "));
  if (/^#!\s*\/bin\/sh\b/.test(firstLine) && execLine) {
    const match = /^'''exec' "?([^"]+?)"? "\$0"/.exec(execLine);
    return match?.[1] ?? null;
  }
  const body = firstLine.slice(2).trim();
  const quoted = /^"([^"]+)"/.exec(body);
  const parts = quoted ? [quoted[1] as string] : body.split(/\s+/);
  const program = parts[0];
  if (!program) return null;
  if (basename(program) === 'env') {
    const args = parts.slice(1).filter((p) => !p.startsWith('-'));
    const command = args[0];
    return command ? findOnPath(command, env, plat, cwd) : null;
  }
  return program;
}

/**
 * Python options in a direct shebang (`#!/usr/bin/python3 -s`, as some distributions write pip's
 * script): the kernel passes everything after the interpreter as one argument. They change what
 * pip sees (-s hides the user site, -E ignores PYTHON* variables), so the probe runs with them too.
 */
export function shebangFlags(head: string): string[] {
  const firstLine = head.split(/\r?\n/)[0] ?? '';
  const body = firstLine.slice(2).trim();
  if (body.startsWith('"')) return [];
  const space = body.search(/\s/);
  if (space === -1 || basename(body.slice(0, space)) === 'env') return [];
  const rest = body.slice(space).trim();
  // Only plain single-letter Python switches (e.g. -s, -sP, -E, -I); anything else is left alone.
  return /^-[sEIPSBu]+$/.test(rest) ? [rest] : [];
}

function isPyenvShim(head: string): boolean {
  return head.includes('pyenv') && /exec "?[^\n]*pyenv"? exec/.test(head);
}

/** pyenv's own rule: PYENV_VERSION, then .python-version up from the cwd, then $PYENV_ROOT/version. */
function resolvePyenvShim(
  shim: string,
  name: string,
  env: NodeJS.ProcessEnv,
  plat: string,
  cwd: string,
  depth: number,
  pyenv: PyenvLookups,
): Resolved {
  const root = env.PYENV_ROOT ?? dirname(dirname(shim));
  let lookup = pyenv.get(root);
  if (!lookup) {
    lookup = pyenvVersions(root, env, cwd);
    pyenv.set(root, lookup);
  }
  const { versions, origin } = lookup;
  for (const version of versions) {
    if (version === 'system') {
      const shimsDir = dirname(shim);
      const withoutShims = (env.PATH ?? '')
        .split(':')
        .filter((entry) => entry !== shimsDir)
        .join(':');
      const found = findOnPath(name, { ...env, PATH: withoutShims }, plat, cwd);
      if (found) {
        const inner = resolveLauncher(found, name, env, plat, cwd, depth + 1, pyenv);
        return { ...inner, via: `pyenv-shim (system, from ${origin})` };
      }
      continue;
    }
    const candidate = join(root, 'versions', version, 'bin', name);
    if (isFile(candidate)) {
      const inner = resolveLauncher(candidate, name, env, plat, cwd, depth + 1, pyenv);
      return { ...inner, via: `pyenv-shim (${version}, from ${origin})` };
    }
  }
  return {
    interpreter: null,
    via: 'pyenv-shim',
    detail: `pyenv version ${versions.join(':')} (from ${origin}) has no ${name}`,
  };
}

export function pyenvVersions(
  root: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
): { versions: string[]; origin: string } {
  if (env.PYENV_VERSION) return { versions: env.PYENV_VERSION.split(':'), origin: 'PYENV_VERSION' };
  for (let dir = cwd; ; dir = dirname(dir)) {
    const file = join(dir, '.python-version');
    const versions = readVersionFile(file);
    if (versions) return { versions, origin: file };
    if (dirname(dir) === dir) break;
  }
  const global = join(root, 'version');
  return { versions: readVersionFile(global) ?? ['system'], origin: global };
}

function readVersionFile(file: string): string[] | null {
  // Usually absent: a stat that cannot throw is cheaper than a failed read.
  if (!isFile(file)) return null;
  try {
    const words = readFileSync(file, 'utf8')
      .split(/\s+/)
      .filter((w) => w && !w.startsWith('#'));
    return words.length > 0 ? words : null;
  } catch {
    return null;
  }
}

/** distlib's Windows launchers (pip.exe) carry `#!"C:\...\python.exe"` just before an appended zip. */
function exeLauncherShebang(file: string): string | null {
  try {
    const size = statSync(file).size;
    const data = readFileSync(file);
    const zip = data.lastIndexOf(Buffer.from('PK\x03\x04', 'latin1'));
    const end = zip > 0 ? zip : size;
    const start = data.lastIndexOf(Buffer.from('#!', 'latin1'), end);
    if (start < 0) return null;
    const line =
      data
        .subarray(start + 2, end)
        .toString('utf8')
        .split(/\r?\n/)[0]
        ?.trim() ?? '';
    const quoted = /^"([^"]+)"/.exec(line);
    return quoted?.[1] ?? line.split(' ')[0] ?? null;
  } catch {
    return null;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/**
 * The Python environment an interpreter path belongs to: its venv folder when a pyvenv.cfg sits
 * beside its bin/Scripts folder (a venv's python is a symlink to the base interpreter, but it is
 * another environment), otherwise the interpreter with symlinks resolved.
 */
export function environmentOf(interpreter: string | null, plat: string): string | null {
  if (!interpreter) return null;
  const binDir = dirname(interpreter);
  const venv = dirname(binDir);
  if (existsSync(join(venv, 'pyvenv.cfg'))) return venv;
  if (plat === 'win32' && existsSync(join(binDir, 'pyvenv.cfg'))) return binDir;
  try {
    // The C library's realpath on POSIX: Node's own walks the path an lstat at a time, ~10x slower.
    return process.platform === 'win32' ? realpathSync(interpreter) : realpathSync.native(interpreter);
  } catch {
    return interpreter;
  }
}
