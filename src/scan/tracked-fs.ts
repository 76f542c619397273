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
  unlink,
} from 'node:fs';
import { join } from '../core/fast-path.js';
import { WRITE_TEST_ATTEMPTS, writeTestFileName } from '../pip/write-test.js';
import { statWithState, statWithStateLater } from './path-state.js';

/** What one read answers, settled at once (a blocking read) or later (through the thread pool). */
type Maybe<T> = T | Promise<T>;

/** Runs `next` on a value that may not be settled yet, without a promise when it is. */
function then<T, U>(value: Maybe<T>, next: (settled: T) => Maybe<U>): Maybe<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** The raw reads, by name; `head:N` reads up to N bytes. */
type Read = 'stat' | 'lstat' | 'names' | 'entries' | 'realpath' | 'writable' | `head:${number}`;

// O_NONBLOCK: opening a FIFO must not wait for a writer (it has no meaning for regular files).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Room for the whole file up to `limit` (files that report no size, like /proc's, get up to 64 KiB). */
function bufferSize(stats: Stats, limit: number): number {
  return Math.min(limit, stats.size > 0 ? stats.size : 64 * 1024);
}

/** A read on this thread: the answer, or null for anything that failed. */
function readNow(read: Read, path: string): unknown {
  try {
    switch (read) {
      case 'stat':
        return statWithState(path);
      case 'lstat':
        return lstatSync(path, { throwIfNoEntry: false }) ?? null;
      case 'names':
        return readdirSync(path);
      case 'entries':
        return readdirSync(path, { withFileTypes: true });
      case 'realpath':
        return realpathSync.native(path);
      case 'writable':
        accessSync(path, constants.W_OK);
        return true;
      default:
        return headNow(path, Number(read.slice(5)));
    }
  } catch {
    return read === 'writable' ? false : null;
  }
}

function headNow(path: string, limit: number): Buffer | null {
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
}

function call<T>(
  run: (done: (error: NodeJS.ErrnoException | null, value?: T) => void) => void,
): Promise<T | null> {
  return new Promise((resolve) => run((error, value) => resolve(error ? null : (value as T))));
}

/** The same read through the thread pool. */
function readLater(read: Read, path: string): Promise<unknown> {
  switch (read) {
    case 'stat':
      return statWithStateLater(path);
    case 'lstat':
      return call<Stats>((done) => lstat(path, done));
    case 'names':
      return call<string[]>((done) => readdir(path, done));
    case 'entries':
      return call<Dirent[]>((done) => readdir(path, { withFileTypes: true }, done));
    case 'realpath':
      return call<string>((done) => realpath.native(path, done));
    case 'writable':
      if (process.platform === 'win32') return windowsWritable(path);
      return new Promise((resolve) => access(path, constants.W_OK, (error) => resolve(!error)));
    default:
      return headLater(path, Number(read.slice(5)));
  }
}

async function headLater(path: string, limit: number): Promise<Buffer | null> {
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
}

/** pip's Windows test: create and delete a uniquely named file (access() only sees the read-only flag). */
async function windowsWritable(dir: string): Promise<boolean> {
  for (let attempt = 0; attempt < WRITE_TEST_ATTEMPTS; attempt++) {
    const file = join(dir, writeTestFileName());
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
  // Each answer by what was asked, then by path: a value when it was read blocking, a promise
  // otherwise. Settled values stay values, not promises: a cold scan asks hundreds of times.
  private readonly answers = new Map<string, Map<string, unknown>>();
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

  private answersTo(what: string): Map<string, unknown> {
    let byPath = this.answers.get(what);
    if (!byPath) {
      byPath = new Map();
      this.answers.set(what, byPath);
    }
    return byPath;
  }

  /** The answer of `work` for (what, path), worked out once per scan. */
  private once<T>(what: string, path: string, work: () => Maybe<T>): Maybe<T> {
    const known = this.answersTo(what);
    if (known.has(path)) return known.get(path) as Maybe<T>;
    const answer = work();
    known.set(path, answer);
    return answer;
  }

  /** A raw read, blocking or through the thread pool as the path allows (not remembered). */
  private fresh<T>(read: Read, path: string): Maybe<T> {
    // pip's Windows writability test creates a file: never on this thread.
    const windowsWrite = read === 'writable' && process.platform === 'win32';
    if (windowsWrite || !this.blocks(path)) return readLater(read, path) as Promise<T>;
    const started = Date.now();
    const value = readNow(read, path) as T;
    if (Date.now() - started > this.slowReadMs) this.slow = true;
    return value;
  }

  /** A raw read, once per scan. */
  private read<T>(read: Read, path: string): Maybe<T> {
    return this.once(read, path, () => this.fresh<T>(read, path));
  }

  private statNow(path: string): Maybe<Stats | null> {
    this.watched.add(path);
    // The state is recorded as the scan saw it, for the cache.
    return this.once('stat', path, () =>
      then(this.fresh<[Stats | null, string]>('stat', path), (read) => {
        this.states.set(path, read[1]);
        return read[0];
      }),
    );
  }

  stat(path: string): Promise<Stats | null> {
    return Promise.resolve(this.statNow(path));
  }

  isSymlink(path: string): Promise<boolean> {
    this.watched.add(path);
    return Promise.resolve(then(this.read<Stats | null>('lstat', path), (s) => s?.isSymbolicLink() ?? false));
  }

  isFile(path: string): Promise<boolean> {
    return Promise.resolve(then(this.statNow(path), (s) => s?.isFile() ?? false));
  }

  isDir(path: string): Promise<boolean> {
    return Promise.resolve(then(this.statNow(path), isDirectory));
  }

  // Missing files and folders are the common case, and a failed open or readdir costs an
  // exception; a (remembered) stat first is cheaper.

  /** Entry names of a directory, sorted; [] when it is missing or unreadable. */
  list(path: string): Promise<string[]> {
    return Promise.resolve(
      this.once('list', path, () =>
        then(this.statNow(path), (stats) =>
          isDirectory(stats)
            ? then(this.read<string[] | null>('names', path), (names) => (names ?? []).sort())
            : [],
        ),
      ),
    );
  }

  /** Sub-directories of a directory (symlinks to directories count). */
  listDirs(path: string): Promise<string[]> {
    return Promise.resolve(
      this.once('dirs', path, () =>
        then(this.statNow(path), (stats) =>
          isDirectory(stats)
            ? then(this.read<Dirent[] | null>('entries', path), (entries) => this.dirsOf(path, entries ?? []))
            : [],
        ),
      ),
    );
  }

  private async dirsOf(path: string, entries: Dirent[]): Promise<string[]> {
    const out: string[] = [];
    for (const entry of entries) {
      if (entry.isDirectory()) out.push(entry.name);
      else if (entry.isSymbolicLink() && (await this.isDir(join(path, entry.name)))) out.push(entry.name);
    }
    return out.sort(naturalCompare);
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
    return Promise.resolve(
      then(this.statNow(path), (stats) =>
        stats?.isFile() ? this.read<Buffer | null>(`head:${bytes}`, path) : null,
      ),
    );
  }

  realpath(path: string): Promise<string | null> {
    return Promise.resolve(this.read<string | null>('realpath', path));
  }

  /** Whether pip would find the folder writable: access(W_OK) on POSIX, its file test on Windows. */
  writable(path: string): Promise<boolean> {
    this.watched.add(path);
    return Promise.resolve(this.read<boolean>('writable', path));
  }
}

function isDirectory(stats: Stats | null): boolean {
  return stats?.isDirectory() ?? false;
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
