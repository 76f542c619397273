// The streams and environment a command runs with, injected so tests can capture them.
import { fstatSync, writeSync } from 'node:fs';
import { plainEnv } from '../core/plain-env.js';

/** Where a command writes: the little of a Writable that commands use. */
export interface Output {
  write(chunk: string): unknown;
  readonly isTTY?: boolean | undefined;
  readonly columns?: number | undefined;
}

export interface CliIO {
  stdout: Output;
  stderr: Output;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/**
 * Standard output or error written with plain blocking writes to the file descriptor. Creating
 * `process.stdout` builds a socket or TTY stream and costs ~6 ms of start-up, more than a cached
 * scan takes; the real stream is made only when it is needed: on a terminal (its width, colour),
 * for readline prompts, or when the descriptor is non-blocking (EAGAIN).
 */
export class FdOutput implements Output {
  private real: NodeJS.WriteStream | null = null;
  private broken = false;

  constructor(
    private readonly fd: 1 | 2,
    private readonly onBrokenPipe: () => void = () => {},
  ) {}

  write(chunk: string): boolean {
    if (this.broken) return false;
    if (this.real) return this.real.write(chunk);
    const data = Buffer.from(chunk, 'utf8');
    for (let offset = 0; offset < data.length; ) {
      try {
        offset += writeSync(this.fd, data, offset);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') return this.stream().write(data.subarray(offset));
        if (code === 'EPIPE') {
          this.broken = true;
          this.onBrokenPipe();
          return false;
        }
        throw error;
      }
    }
    return true;
  }

  get isTTY(): boolean {
    // Pipes and files are answered without loading the TTY machinery; character devices
    // (a terminal, or /dev/null) ask the real stream.
    if (!this.real && !isCharacterDevice(this.fd)) return false;
    return this.stream().isTTY === true;
  }

  get columns(): number | undefined {
    return this.isTTY ? this.stream().columns : undefined;
  }

  /** The real stream (for readline, which needs one). */
  stream(): NodeJS.WriteStream {
    if (!this.real) {
      this.real = this.fd === 1 ? process.stdout : process.stderr;
      this.real.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') throw error;
        this.broken = true;
        this.onBrokenPipe();
      });
    }
    return this.real;
  }

  /** Calls back once everything written has left the process. */
  flush(done: () => void): void {
    if (this.real && !this.broken) this.real.write('', done);
    else done();
  }
}

function isCharacterDevice(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}

/** The stream behind an output, for readline prompts; test outputs are streams themselves. */
export function writableOf(output: Output): NodeJS.WritableStream {
  // Not instanceof: the entry point and each command are separate bundles with their own classes.
  const backed = output as Partial<Pick<FdOutput, 'stream'>>;
  return typeof backed.stream === 'function'
    ? backed.stream.call(output)
    : (output as unknown as NodeJS.WritableStream);
}

export function processIO(onBrokenPipe?: () => void): CliIO & { stdout: FdOutput; stderr: FdOutput } {
  return {
    stdout: new FdOutput(1, onBrokenPipe),
    stderr: new FdOutput(2),
    get stdin() {
      return process.stdin;
    },
    env: plainEnv(process.env),
    cwd: process.cwd(),
  };
}

/** Colour decision: --no-color > NO_COLOR > FORCE_COLOR > TERM=dumb > is the stream a TTY. */
export function useColor(
  stream: { isTTY?: boolean | undefined },
  env: NodeJS.ProcessEnv,
  noColorFlag: boolean,
): boolean {
  if (noColorFlag) return false;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}
