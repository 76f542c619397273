// `scan --probe`: runs the real probe in each environment for an exact verdict, a few at a time,
// each with its own timeout. Never runs a stub (Apple's /usr/bin/python3 without the Command Line
// Tools, Store aliases), and never an interpreter inside an untrusted folder unless asked.
import { statSync } from 'node:fs';
import type { CheckReport } from '../core/report.js';
import { isInside } from './roots.js';
import type { ScanEnvironment } from './types.js';

export interface ProbeOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  platform: string;
  concurrency: number;
  timeoutMs: number;
  /** Also run interpreters inside the current folder or owned by another user. */
  untrusted: boolean;
  /** Runs one interpreter; injected by tests. Defaults to diagnoseInterpreter. */
  diagnose?: (python: string) => Promise<CheckReport>;
}

/** Why an environment must not be run, or null when it may be. */
export function probeRefusal(
  env: ScanEnvironment,
  options: Pick<ProbeOptions, 'cwd' | 'platform' | 'untrusted'>,
): string | null {
  if (env.kind === 'microsoft-store') return 'a Store app alias (running it can open the Store)';
  if (
    (env.kind === 'macos-clt' || env.kind === 'macos-xcode') &&
    env.problems.includes('macos-python-stub')
  ) {
    return 'a stub that opens the Command Line Tools installer';
  }
  if (options.untrusted) return null;
  if (
    isInside(env.executable, options.cwd, options.platform) ||
    (env.prefix && isInside(env.prefix, options.cwd, options.platform))
  ) {
    return 'inside the current folder (untrusted; --probe-untrusted runs it)';
  }
  if (options.platform !== 'win32') {
    const owner = ownerOf(env.executable);
    const me = process.getuid?.() ?? null;
    if (owner !== null && owner !== 0 && owner !== me) {
      return `owned by another user (uid ${owner}; --probe-untrusted runs it)`;
    }
  }
  return null;
}

function ownerOf(path: string): number | null {
  try {
    return statSync(path).uid;
  } catch {
    return null;
  }
}

/** Probes every allowed environment; calls `onDone` with each one as its probe finishes. */
export async function probeEnvironments(
  environments: ScanEnvironment[],
  options: ProbeOptions,
  onDone?: (env: ScanEnvironment) => void,
): Promise<void> {
  const diagnose = options.diagnose ?? (await defaultDiagnose(options));
  const queue = [...environments];
  const worker = async () => {
    for (let env = queue.shift(); env; env = queue.shift()) {
      const refusal = probeRefusal(env, options);
      if (refusal) env.probe = { status: 'skipped', detail: refusal };
      else await probeOne(env, diagnose);
      onDone?.(env);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
}

async function probeOne(env: ScanEnvironment, diagnose: (python: string) => Promise<CheckReport>) {
  const started = Date.now();
  const ms = () => Date.now() - started;
  try {
    const report = await diagnose(env.executable);
    env.prediction = { outcome: report.prediction.outcome, directory: report.prediction.directory };
    env.problems = report.findings.filter((f) => f.severity !== 'info').map((f) => f.id);
    env.verdictSource = 'probe';
    env.version = report.facts.probe.python.version.split(/\s/)[0] ?? env.version;
    env.pipVersion = report.facts.probe.pip.version;
    env.reason = report.prediction.reasoning[report.prediction.reasoning.length - 1] ?? env.reason;
    env.probe = { status: 'ok', ms: ms() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const timedOut = /did not answer within/.test(message);
    env.probe = { status: timedOut ? 'timed-out' : 'error', detail: message.split('\n')[0] ?? '', ms: ms() };
  }
}

async function defaultDiagnose(options: ProbeOptions): Promise<(python: string) => Promise<CheckReport>> {
  const { diagnoseInterpreter } = await import('../diagnose.js');
  return (python) =>
    diagnoseInterpreter({
      python,
      installArgs: [],
      env: options.env,
      cwd: options.cwd,
      timeoutMs: options.timeoutMs,
    });
}
