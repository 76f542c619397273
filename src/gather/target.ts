// Which interpreter to inspect, and starting its probe. Kept light (no pure core imported) so
// `check --python` can launch the interpreter before the rest of pip-doctor has loaded.
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { DoctorError } from '../core/errors.js';
import type { ProbeFacts } from '../probe/probe-facts.js';
import { runProbe } from '../probe/run-probe.js';
import type { CommandResolution, Facts } from './facts.js';
import { findOnPath } from './path-search.js';

export interface GatherOptions {
  /** --python; when absent, the interpreter that `pip` on PATH runs. */
  python?: string;
  /** The `pip install` arguments (after `--`). */
  installArgs: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** How long the probe may run before it is killed (default 10 s). */
  timeoutMs?: number;
}

export interface StartedProbe {
  target: Facts['target'];
  probe: Promise<ProbeFacts>;
}

/** With --python the interpreter is known up front: start it now. Otherwise null. */
export function startNamedProbe(options: GatherOptions): StartedProbe | null {
  return options.python === undefined
    ? null
    : startProbe(options, chooseTarget(options, {}, process.platform));
}

export function startProbe(options: GatherOptions, target: Facts['target']): StartedProbe {
  refuseAppleStub(target.executable, process.platform);
  const probe = runProbe({
    executable: target.executable,
    flags: target.flags ?? [],
    env: options.env,
    cwd: options.cwd,
    timeoutMs: options.timeoutMs ?? 10_000,
  });
  // Settled later; until then a rejection must not count as unhandled.
  probe.catch(() => {});
  return { target, probe };
}

/**
 * macOS: /usr/bin/python3 is a stub until the Command Line Tools (or Xcode) are installed, and
 * running it opens an installer dialog. Never run it then; say what it is instead.
 */
function refuseAppleStub(executable: string, plat: string): void {
  if (plat !== 'darwin' || !/^\/usr\/bin\/python3(\.\d+)?$/.test(executable)) return;
  const developerPython = [
    '/Library/Developer/CommandLineTools/usr/bin/python3',
    '/Applications/Xcode.app/Contents/Developer/usr/bin/python3',
  ];
  if (developerPython.some((path) => existsSync(path))) return;
  throw new DoctorError(
    `not running ${executable}: it is Apple's stub, and the Command Line Tools that put a Python behind it are not installed (running it would open an installer dialog); install them with \`xcode-select --install\`, or name another interpreter with --python`,
  );
}

/** --python as given (a path, or a command name looked up on PATH), else what `pip` on PATH runs. */
export function chooseTarget(
  options: GatherOptions,
  commands: Record<string, CommandResolution>,
  plat: string,
): Facts['target'] {
  if (options.python !== undefined) {
    const requested = options.python;
    if (requested === '') throw new DoctorError('--python needs a path to a Python interpreter');
    const looksLikePath = requested.includes('/') || requested.includes('\\');
    const executable = looksLikePath
      ? interpreterIn(resolve(options.cwd, requested), plat)
      : (findOnPath(requested, options.env, plat, options.cwd) ?? requested);
    if (looksLikePath || isAbsolute(executable)) assertRunnable(executable, requested);
    else throw new DoctorError(`cannot inspect ${requested}: not found on PATH`);
    return { requested, executable, how: '--python' };
  }
  for (const name of ['pip', 'pip3', 'python3', 'python'] as const) {
    const command = commands[name];
    if (!command?.path) continue;
    if (!command.interpreter || command.interpreterExists === false) {
      const runs = command.interpreter ? `runs ${command.interpreter}, which does not exist` : command.detail;
      throw new DoctorError(
        `\`${name}\` on PATH (${command.path}) ${runs ?? 'cannot be followed to an interpreter'}; use --python PATH`,
      );
    }
    const how = name.startsWith('pip')
      ? `the interpreter \`${name}\` on PATH runs (${command.path})`
      : `\`${name}\` on PATH`;
    const flags = command.interpreterFlags ?? [];
    return { requested: name, executable: command.interpreter, how, ...(flags.length > 0 ? { flags } : {}) };
  }
  throw new DoctorError('no pip, pip3, python3 or python on PATH; name an interpreter with --python PATH');
}

/** A virtual environment's or installation's folder stands for the python inside it. */
function interpreterIn(path: string, plat: string): string {
  if (!isDirectory(path)) return path;
  const candidates = plat === 'win32' ? ['Scripts\\python.exe', 'python.exe'] : ['bin/python3', 'bin/python'];
  for (const candidate of candidates) {
    const inside = join(path, candidate);
    if (existsSync(inside)) return inside;
  }
  return path;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function assertRunnable(executable: string, requested: string): void {
  if (!existsSync(executable)) throw new DoctorError(`cannot inspect ${requested}: no such file`);
  if (isDirectory(executable)) {
    throw new DoctorError(`cannot inspect ${requested}: it is a directory with no bin/python in it`);
  }
}
