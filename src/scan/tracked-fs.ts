// File-system reads for the scan. Every path looked at is remembered, so the cache can be
// validated later by stat-ing exactly those paths (a file that was missing must stay missing),
// and every answer is kept for the rest of the scan (pip.conf is read once, not once per Python).
//
// Reads on local disks are made synchronously: a scan is a few hundred stats and small reads,
// and each asynchronous call costs a round trip through libuv's thread pool, which made up most
// of a cold scan. Reads on network and FUSE file systems (see local-paths.ts), and every read once
// the blocking deadline has passed, stay asynchronous, so a stalled mount cannot stop the scan's
// hard deadline from firing. Files are opened with O_NONBLOCK and read only when they are regular
// files: a FIFO named pyvenv.cfg would otherwise block forever.
import {
  access,
  accessSync,
  close,
  closeSync,
  constants,
  type Dirent,
  fstat,
  fstatSync,
  lstat,
  lstatSync,
  open,
  openSync,
  read,
  readdir,
  readdirSync,
  readSync,
  realpath,
  realpathSync,
  type Stats,
  stat,
  statSync,
  unlink,
} from 'node:fs';
import { join } from '../core/fast-path.js';
import { statState } from './path-state.js';

/** One way of reading: blocking (answers are already settled) or through the thread pool. */
interface Reader {
  /** The stats, and the state the scan cache records for the path. */
  stat(path: string): Promise<[Stats | null, string]>;
  lstat(path: string): Promise<Stats | null>;
  names(path: string): Promise<string[] | null>;
  entries(path: string): Promise<Dirent[] | null>;
  /** Up to `limit` bytes from the start of a regular file; null for anything else. */
  head(path: string, limit: number): Promise<Buffer | null>;
  realpath(path: string): Promise<string | null>;
  writable(path: string): Promise<boolean>;
}

// O_NONBLOCK: opening a FIFO must not wait for a writer (it has no meaning for regular files).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Room for the whole file up to `limit` (files that report no size, like /proc's, get up to 64 KiB). */
function bufferSize(stats: Stats, limit: number): number {
  return Math.min(limit, stats.size > 0 ? stats.size : 64 * 1024);
}

function attempt<T>(run: () => T): Promise<T | null> {
  try {
    return Promise.resolve(run());
  } catch {
    return Promise.resolve(null);
  }
}

const blocking: Reader = {
  stat(path) {
    try {
      const stats = statSync(path, { throwIfNoEntry: false }) ?? null;
      return Promise.resolve([stats, statState(stats)]);
    } catch (error) {
      return Promise.resolve([null, statState(null, (error as NodeJS.ErrnoException).code ?? 'EIO')]);
    }
  },
  lstat: (path) => attempt(() => lstatSync(path, { throwIfNoEntry: false }) ?? null),
  names: (path) => attempt(() => readdirSync(path)),
  entries: (path) => attempt(() => readdirSync(path, { withFileTypes: true })),
  head: (path, limit) =>
    attempt(() => {
      const fd = openSync(path, OPEN_FLAGS);
      try {
        const stats = fstatSync(fd);
        if (!stats.isFile()) return null;
        const buffer = Buffer.allocUnsafe(bufferSize(stats, limit));
        let filled = 0;
        for (let n = 1; n > 0 && filled < buffer.length; filled += n)
          n = readSync(fd, buffer, filled, buffer.length - filled, filled);
        return buffer.subarray(0, filled);
      } finally {
        closeSync(fd);
      }
    }),
  realpath: (path) => attempt(() => realpathSync.native(path)),
  writable: (path) =>
    attempt(() => {
      accessSync(path, constants.W_OK);
      return true;
    }).then((ok) => ok === true),
};

function call<T>(
  run: (done: (error: NodeJS.ErrnoException | null, value?: T) => void) => void,
): Promise<T | null> {
  return new Promise((resolve) => run((error, value) => resolve(error ? null : (value as T))));
}

const threaded: Reader = {
  stat: (path) =>
    new Promise((resolve) =>
      stat(path, (error, stats) => resolve([error ? null : stats, statState(stats, error?.code)])),
    ),
  lstat: (path) => call<Stats>((done) => lstat(path, done)),
  names: (path) => call<string[]>((done) => readdir(path, done)),
  entries: (path) => call<Dirent[]>((done) => readdir(path, { withFileTypes: true }, done)),
  async head(path, limit) {
    const fd = await call<number>((done) => open(path, OPEN_FLAGS, done));
    if (fd === null) return null;
    try {
      const stats = await call<Stats>((done) => fstat(fd, done));
      if (!stats?.isFile()) return null;
      const buffer = Buffer.allocUnsafe(bufferSize(stats, limit));
      let filled = 0;
      for (let n: number | null = 1; n && filled < buffer.length; filled += n) {
        n = await call<number>((done) => read(fd, buffer, filled, buffer.length - filled, filled, done));
        if (n === null) return null;
      }
      return buffer.subarray(0, filled);
    } finally {
      await call<void>((done) => close(fd, done));
    }
  },
  realpath: (path) => call<string>((done) => realpath.native(path, done)),
  writable: (path) => new Promise((resolve) => access(path, constants.W_OK, (error) => resolve(!error))),
};

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

export interface TrackedFsOptions {
  /** Paths on file systems that answer promptly (local disks); reads elsewhere do not block. */
  isLocal?: (path: string) => boolean;
  /** One blocking read slower than this (ms) means a slow disk: nothing blocks after it. */
  slowReadMs?: number;
}

export class TrackedFs {
  /** Every path whose state the scan's answer depends on. */
  readonly watched = new Set<string>();
  /** The state of each path the scan stat-ed, as it saw it (for the scan cache). */
  readonly states = new Map<string, string>();
  /** Epoch ms after which no read blocks, so timers (the scan's deadline) get their turn. */
  blockingDeadline = Number.POSITIVE_INFINITY;
  private readonly answers = new Map<string, Promise<unknown>>();
  private readonly isLocal: (path: string) => boolean;
  private readonly slowReadMs: number;
  private slow = false;

  constructor(options: TrackedFsOptions = {}) {
    this.isLocal = options.isLocal ?? (() => true);
    this.slowReadMs = options.slowReadMs ?? 250;
  }

  /** Whether reads of this path would block the thread right now (exposed for tests). */
  blocks(path: string): boolean {
    return !this.slow && Date.now() < this.blockingDeadline && this.isLocal(path);
  }

  /** The answer for (operation, path), read once per scan, blocking or not as the path allows. */
  private once<T>(op: string, path: string, run: (reader: Reader) => Promise<T>): Promise<T> {
    const key = `${op}\0${path}`;
    const known = this.answers.get(key);
    if (known) return known as Promise<T>;
    let answer: Promise<T>;
    if (this.blocks(path)) {
      const started = Date.now();
      answer = run(blocking);
      if (Date.now() - started > this.slowReadMs) this.slow = true;
    } else {
      answer = run(threaded);
    }
    this.answers.set(key, answer);
    return answer;
  }

  stat(path: string): Promise<Stats | null> {
    this.watched.add(path);
    return this.once('stat', path, async (reader) => {
      const [stats, state] = await reader.stat(path);
      this.states.set(path, state);
      return stats;
    });
  }

  async isSymlink(path: string): Promise<boolean> {
    this.watched.add(path);
    return (await this.once('lstat', path, (reader) => reader.lstat(path)))?.isSymbolicLink() ?? false;
  }

  async isFile(path: string): Promise<boolean> {
    return (await this.stat(path))?.isFile() ?? false;
  }

  async isDir(path: string): Promise<boolean> {
    return (await this.stat(path))?.isDirectory() ?? false;
  }

  // Missing files and folders are the common case, and a failed open or readdir costs an
  // exception; a (remembered) stat first is cheaper.

  /** Entry names of a directory, sorted; [] when it is missing or unreadable. */
  async list(path: string): Promise<string[]> {
    this.watched.add(path);
    return this.once('list', path, async (reader) =>
      (await this.isDir(path)) ? ((await reader.names(path)) ?? []).sort() : [],
    );
  }

  /** Sub-directories of a directory (symlinks to directories count). */
  async listDirs(path: string): Promise<string[]> {
    this.watched.add(path);
    return this.once('dirs', path, async (reader) => {
      if (!(await this.isDir(path))) return [];
      const out: string[] = [];
      for (const entry of (await reader.entries(path)) ?? []) {
        if (entry.isDirectory()) out.push(entry.name);
        else if (entry.isSymbolicLink() && (await this.isDir(join(path, entry.name)))) out.push(entry.name);
      }
      return out.sort(naturalCompare);
    });
  }

  /** A regular file's text (its first `limit` bytes); null when it is missing, unreadable or not a file. */
  async readText(path: string, limit = 256 * 1024): Promise<string | null> {
    const data = await this.head(path, limit);
    return data === null ? null : data.toString('utf8');
  }

  /** The first bytes of a regular file (to tell a binary from a script or a 0-byte alias). */
  head(path: string, bytes: number): Promise<Buffer | null> {
    this.watched.add(path);
    // Keyed by size too: a short head must not stand in for a whole file.
    return this.once(`head:${bytes}`, path, async (reader) =>
      (await this.isFile(path)) ? reader.head(path, bytes) : null,
    );
  }

  realpath(path: string): Promise<string | null> {
    return this.once('realpath', path, (reader) => reader.realpath(path));
  }

  /** access(W_OK) with the real uid, as pip tests on POSIX (no file is created). */
  writable(path: string): Promise<boolean> {
    this.watched.add(path);
    if (process.platform === 'win32') return this.once('writable', path, () => windowsWritable(path));
    return this.once('writable', path, (reader) => reader.writable(path));
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
