// Every change `fix` makes to the disk passes through this module, one named step at a time, so
// the fault-injection test can kill the process at each of them (PIP_DOCTOR_FAULT).
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  fsyncSync,
  lchownSync,
  mkdirSync,
  openSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

let stepCount = 0;

/**
 * Test hook: PIP_DOCTOR_FAULT=N kills the process (SIGKILL, no clean-up) at the Nth write step,
 * PIP_DOCTOR_FAULT=NAME at the first step of that name, NAME:N at its Nth.
 */
export function faultPoint(name: string): void {
  stepCount++;
  const wanted = process.env['PIP_DOCTOR_FAULT'];
  if (!wanted) return;
  const [want, nth] = wanted.split(':');
  if (want === String(stepCount) || (want === name && (nth === undefined || nth === String(countOf(name))))) {
    process.kill(process.pid, 'SIGKILL');
  }
}

const perName = new Map<string, number>();
function countOf(name: string): number {
  const n = (perName.get(name) ?? 0) + 1;
  perName.set(name, n);
  return n;
}

/** The temp file an atomic write uses: next to the target, so the rename stays on one file system. */
export function tempPathFor(path: string): string {
  return `${path}.pip-doctor-tmp`;
}

export interface WriteOptions {
  /** Permission bits to give the file (default 0o644 for a new file). */
  mode?: number | null;
  /** Owner to keep (only applied when running as root). */
  uid?: number | null;
  gid?: number | null;
}

/** temp file + fsync + rename: readers see the old bytes or the new ones, never a mix or a truncation. */
export function writeFileAtomic(path: string, data: string | Buffer, options: WriteOptions = {}): void {
  const temp = tempPathFor(path);
  faultPoint('temp-write');
  const fd = openSync(temp, 'w', options.mode ?? 0o644);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    // (No fault point between write and fsync: to a killed process they look the same.)
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  // openSync's mode is filtered by the umask; the copy must keep the original bits exactly.
  if (options.mode !== undefined && options.mode !== null) chmodExact(temp, options.mode);
  if (
    isRoot() &&
    options.uid !== undefined &&
    options.uid !== null &&
    options.gid !== null &&
    options.gid !== undefined
  ) {
    lchownSync(temp, options.uid, options.gid);
  }
  faultPoint('rename');
  renameSync(temp, path);
  syncDirectory(dirname(path));
}

function chmodExact(path: string, mode: number): void {
  // chmod is not subject to the umask.
  chmodSync(path, mode & 0o7777);
}

function syncDirectory(dir: string): void {
  // A directory fsync makes the rename durable; not supported on Windows.
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems refuse it; the rename itself is still atomic.
  }
}

export function removeFile(path: string): void {
  faultPoint('remove-file');
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Removes a folder tree pip-doctor itself created (a virtual environment it made). */
export function removeTree(path: string): void {
  faultPoint('remove-tree');
  rmSync(path, { recursive: true, force: true });
}

/** Creates folders one level at a time (outermost first), each a step. */
export function makeDirectory(path: string): void {
  faultPoint('mkdir');
  mkdirSync(path, { recursive: true });
}

/** Removes a folder only when it is empty (one pip-doctor created for a profile file). */
export function removeEmptyDirectory(path: string): void {
  faultPoint('rmdir');
  try {
    rmdirSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
  }
}

/** Moves a record between pip-doctor's own folders (same file system: atomic). */
export function moveFile(from: string, to: string): void {
  faultPoint('move');
  renameSync(from, to);
  syncDirectory(dirname(to));
}

export function changeOwner(path: string, uid: number, gid: number): void {
  faultPoint('chown');
  lchownSync(path, uid, gid);
}

export interface CommandResult {
  status: number | null;
  output: string;
}

/** Runs a program (never through a shell) and returns its combined output. */
export function runProgram(argv: string[], cwd: string, env: NodeJS.ProcessEnv): CommandResult {
  faultPoint('run');
  const [program, ...args] = argv;
  if (program === undefined) throw new Error('empty command');
  const result = spawnSync(program, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `${result.error.message}\n` : ''}`;
  return { status: result.error ? null : result.status, output };
}

export function modeOf(path: string): number | null {
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return null;
  }
}

function isRoot(): boolean {
  return typeof process.geteuid === 'function' && process.geteuid() === 0;
}
