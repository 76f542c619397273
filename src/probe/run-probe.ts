// Runs probe.py with the target interpreter and returns its facts, or a one-line reason why not.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DoctorError } from '../core/errors.js';
import type { ProbeFacts } from './probe-facts.js';

export const PROBE_VERSION = 1;
const OUTPUT_LIMIT = 8 * 1024 * 1024;

export interface ProbeRun {
  executable: string;
  /** Python options the user's `pip` script passes (from its shebang), e.g. ["-s"]. */
  flags?: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  timeoutMs: number;
}

/** probe.py sits next to this module (src/, build/) or at the top of the bundle (dist/, one level above its chunks). */
export function probeScriptPath(): string {
  const candidates = ['./probe.py', '../probe.py'].map((rel) => fileURLToPath(new URL(rel, import.meta.url)));
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new DoctorError(`pip-doctor is damaged: its probe script is missing (${candidates[0]})`);
  return found;
}

export function runProbe(run: ProbeRun): Promise<ProbeFacts> {
  // The nonce only has to be unlikely to turn up in what the interpreter prints at start-up; it
  // guards against junk, not against an adversary (who would control the interpreter anyway), so
  // Math.random will do, and spares node:crypto's start-up on the way to spawning the probe.
  const nonce = Array.from({ length: 4 }, () =>
    Math.floor(Math.random() * 0x10000)
      .toString(16)
      .padStart(4, '0'),
  ).join('');
  const name = run.executable;
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => reject(new DoctorError(`cannot inspect ${name}: ${reason}`));
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(run.executable, [...(run.flags ?? []), probeScriptPath(), nonce], {
        cwd: run.cwd,
        env: run.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
      });
    } catch (error) {
      fail(describeSpawnError(error));
      return;
    }
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let size = 0;
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      child.kill('SIGKILL');
      fail(
        `it did not answer within ${Math.round(run.timeoutMs / 1000)} s (is it waiting for input, or hung?)`,
      );
    }, run.timeoutMs);
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length;
      if (size > OUTPUT_LIMIT) {
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          child.kill('SIGKILL');
          fail('it printed more than 8 MiB instead of the probe report');
        }
        return;
      }
      into.push(chunk);
    };
    child.stdout?.on('data', collect(stdout));
    child.stderr?.on('data', collect(stderr));
    child.on('error', (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fail(describeSpawnError(error));
    });
    child.on('close', (code, signal) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const out = Buffer.concat(stdout).toString('utf8');
      const facts = extractReport(out, nonce);
      if (facts) {
        resolve(facts);
        return;
      }
      const errText = lastLine(Buffer.concat(stderr).toString('utf8'));
      if (signal) fail(`it was killed by ${signal}${errText ? `: ${errText}` : ''}`);
      else if (code !== 0) fail(`it exited with status ${code}${errText ? `: ${errText}` : ''}`);
      else fail('it ran but did not print the probe report (is it really a Python interpreter?)');
    });
  });
}

/** The JSON between this run's markers; anything printed around it (sitecustomize, .pth files) is ignored. */
export function extractReport(output: string, nonce: string): ProbeFacts | null {
  const begin = `@@pip-doctor-begin-${nonce}@@`;
  const end = `@@pip-doctor-end-${nonce}@@`;
  const start = output.lastIndexOf(begin);
  if (start < 0) return null;
  const stop = output.indexOf(end, start);
  if (stop < 0) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(output.slice(start + begin.length, stop));
  } catch {
    return null;
  }
  if (!isProbeFacts(parsed)) return null;
  if (parsed.probeVersion !== PROBE_VERSION) {
    throw new DoctorError(`probe report version ${parsed.probeVersion} is not the expected ${PROBE_VERSION}`);
  }
  return parsed;
}

function isProbeFacts(value: unknown): value is ProbeFacts {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.probeVersion === 'number' && typeof v.python === 'object' && v.python !== null;
}

function describeSpawnError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied (not executable?)';
  if (code === 'ENOEXEC') return 'not an executable program';
  if (code === 'ENOTDIR') return 'a part of the path is not a directory';
  return error instanceof Error ? error.message : String(error);
}

function lastLine(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const line = lines[lines.length - 1] ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
