// File-system reads for the scan. Every path looked at is remembered, so the cache can be
// validated later by stat-ing exactly those paths (a file that was missing must stay missing).
// Callback APIs, wrapped by hand: fs/promises loads FileHandle and stream machinery on first use,
// which costs more than the whole scan on a warm disk.
import {
  access,
  close,
  constants,
  type Dirent,
  lstat,
  open,
  read,
  readdir,
  readFile,
  realpath,
  type Stats,
  stat,
  unlink,
} from 'node:fs';
import { join } from 'node:path';

/** pip's Windows test: create and delete a uniquely named file (access() only sees the read-only flag). */
async function windowsWritable(dir: string): Promise<boolean> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const name = `accesstest_deleteme_fishfingers_custard_${Math.random().toString(36).slice(2, 8)}`;
    const file = join(dir, name);
    const result = await new Promise<'ok' | 'exists' | 'denied'>((resolve) =>
      open(file, 'wx', (error, fd) => {
        if (error) resolve(error.code === 'EEXIST' ? 'exists' : 'denied');
        else close(fd, () => unlink(file, () => resolve('ok')));
      }),
    );
    if (result !== 'exists') return result === 'ok';
  }
  return false;
}

function call<T>(
  run: (done: (error: NodeJS.ErrnoException | null, value?: T) => void) => void,
): Promise<T | null> {
  return new Promise((resolve) => run((error, value) => resolve(error ? null : (value as T))));
}

export class TrackedFs {
  /** Every path whose state the scan's answer depends on. */
  readonly watched = new Set<string>();

  async stat(path: string): Promise<Stats | null> {
    this.watched.add(path);
    return call<Stats>((done) => stat(path, done));
  }

  async isSymlink(path: string): Promise<boolean> {
    this.watched.add(path);
    return (await call<Stats>((done) => lstat(path, done)))?.isSymbolicLink() ?? false;
  }

  async isFile(path: string): Promise<boolean> {
    return (await this.stat(path))?.isFile() ?? false;
  }

  async isDir(path: string): Promise<boolean> {
    return (await this.stat(path))?.isDirectory() ?? false;
  }

  /** Entry names of a directory, sorted; [] when it is missing or unreadable. */
  async list(path: string): Promise<string[]> {
    this.watched.add(path);
    return ((await call<string[]>((done) => readdir(path, done))) ?? []).sort();
  }

  /** Sub-directories of a directory (symlinks to directories count). */
  async listDirs(path: string): Promise<string[]> {
    this.watched.add(path);
    const entries = (await call<Dirent[]>((done) => readdir(path, { withFileTypes: true }, done))) ?? [];
    const out: string[] = [];
    for (const entry of entries) {
      if (entry.isDirectory()) out.push(entry.name);
      else if (entry.isSymbolicLink() && (await this.isDir(join(path, entry.name)))) out.push(entry.name);
    }
    return out.sort(naturalCompare);
  }

  async readText(path: string, limit = 256 * 1024): Promise<string | null> {
    this.watched.add(path);
    const data = await call<Buffer>((done) => readFile(path, done));
    return data === null ? null : data.subarray(0, limit).toString('utf8');
  }

  /** The first bytes of a file (to tell a binary from a script or a 0-byte alias). */
  async head(path: string, bytes: number): Promise<Buffer | null> {
    this.watched.add(path);
    const fd = await call<number>((done) => open(path, 'r', done));
    if (fd === null) return null;
    const buffer = Buffer.alloc(bytes);
    const bytesRead = await call<number>((done) => read(fd, buffer, 0, bytes, 0, done));
    await call<void>((done) => close(fd, done));
    return bytesRead === null ? null : buffer.subarray(0, bytesRead);
  }

  async realpath(path: string): Promise<string | null> {
    return call<string>((done) => realpath.native(path, done));
  }

  /** access(W_OK) with the real uid, as pip tests on POSIX (no file is created). */
  async writable(path: string): Promise<boolean> {
    this.watched.add(path);
    if (process.platform === 'win32') return windowsWritable(path);
    return new Promise((resolve) => access(path, constants.W_OK, (error) => resolve(!error)));
  }
}

/** Orders names with numbers by value (3.9 before 3.10) without ICU's collator, which is slow to start. */
export function naturalCompare(a: string, b: string): number {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] as string;
    const y = pb[i] as string;
    if (x === y) continue;
    if (i % 2 === 1) return Number(x) - Number(y) || (x < y ? -1 : 1);
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}
