// Fault injection: `fix --yes` and `fix --undo` are SIGKILLed at every write step in turn.
// After each kill no file is truncated or lost (each is exactly its old or its new content; a
// stray temp file may remain until the next run), and the next run completes the fix (or the
// undo) to the very byte.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runFix } from '../../src/commands/fix.js';
import type { CheckReport } from '../../src/core/report.js';
import type { Fix } from '../../src/core/types.js';
import { captureIO, finding, report, snapshot } from '../fixtures/apply/tree.js';
import { tempDir } from '../fixtures/temp.js';

const DRIVER = fileURLToPath(new URL('../fixtures/apply/driver.js', import.meta.url));
type Tree = Record<string, string>;

function seedHome(root: string): void {
  const real = join(root, 'home');
  // The driver puts each copy's $HOME in place of @HOME@.
  const home = '@HOME@';
  mkdirSync(join(real, 'project'), { recursive: true });
  mkdirSync(join(real, '.config/pip'), { recursive: true });
  writeFileSync(join(real, '.config/pip/pip.conf'), '[global]\nuser = true\ntimeout = 30\n', { mode: 0o600 });
  const fixes: Fix[] = [
    {
      id: 'comment-out-user',
      title: 'turn off user = true',
      kind: 'confirm',
      commands: [],
      shell: 'bash',
      for: ['config-sets-user'],
      action: {
        type: 'remove-config-key',
        file: `${home}/.config/pip/pip.conf`,
        section: 'global',
        key: 'user',
      },
    },
    {
      // A new file in new folders: the other kind of write.
      id: 'add-scripts-to-path',
      title: 'put /opt/tools/bin on PATH for fish',
      kind: 'confirm',
      commands: [],
      shell: 'fish',
      for: ['scripts-not-on-path'],
      action: {
        type: 'add-to-path',
        directory: '/opt/tools/bin',
        shell: 'fish',
        profile: '~/.config/fish/config.fish',
      },
    },
  ];
  writeFileSync(
    join(root, 'report.json'),
    JSON.stringify(report([finding('config-sets-user'), finding('scripts-not-on-path')], fixes)),
  );
}

interface Run {
  killed: boolean;
  code: number | null;
  output: string;
  snapshots: Tree[];
}

function driver(root: string, args: string[], fault?: number): Promise<Run> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'] ?? '',
    HOME: join(root, 'home'),
    XDG_STATE_HOME: join(root, 'state'),
  };
  if (fault !== undefined) env['PIP_DOCTOR_FAULT'] = String(fault);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [DRIVER, join(root, 'report.json'), ...args], {
      cwd: join(root, 'home', 'project'),
      env,
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const snapshots = output
        .split('\n')
        .filter((l) => l.startsWith('SNAPSHOT '))
        .map((l) => JSON.parse(l.slice('SNAPSHOT '.length)) as Tree);
      resolve({ killed: signal === 'SIGKILL', code, output, snapshots });
    });
  });
}

function withoutTemp(tree: Tree): Tree {
  return Object.fromEntries(Object.entries(tree).filter(([k]) => !k.endsWith('.pip-doctor-tmp')));
}

/** An unfaulted run, in this process (faults need a process of their own; these do not). */
async function inProcess(root: string, runs: string[][]): Promise<Run> {
  const env = {
    PATH: process.env['PATH'] ?? '',
    HOME: join(root, 'home'),
    XDG_STATE_HOME: join(root, 'state'),
  };
  const text = readFileSync(join(root, 'report.json'), 'utf8').replaceAll('@HOME@', env.HOME);
  const snapshots: Tree[] = [];
  let output = '';
  let code: number | null = 0;
  for (const args of runs) {
    if (args[0] === 'snapshot') {
      snapshots.push(snapshot(env.HOME));
      continue;
    }
    const io = captureIO(env, join(root, 'home', 'project'));
    code = await runFix(args, io.io, {
      diagnose: async () => JSON.parse(text) as CheckReport,
      now: () => new Date('2026-11-26T10:00:00Z'),
    });
    output += io.stdout() + io.stderr();
  }
  return { killed: false, code, output, snapshots };
}

/** Every file is byte-for-byte one of its allowed states: nothing truncated, nothing lost. */
function assertOldOrNew(now: Tree, states: Tree[], at: string): void {
  const clean = withoutTemp(now);
  for (const key of new Set([...states.flatMap((s) => Object.keys(s)), ...Object.keys(clean)])) {
    const allowed = states.map((s) => s[key]);
    assert.ok(
      allowed.includes(clean[key]),
      `${at}: ${key} is ${clean[key]}, expected one of ${allowed.join(' | ')}`,
    );
  }
}

/** Runs `check(n)` for n = 1, 2, ... (a few at a time) until a run is not killed. */
async function everyStep(check: (n: number) => Promise<boolean>): Promise<number> {
  let killedUpTo = 0;
  for (let base = 1; ; base += 4) {
    const killed = await Promise.all([0, 1, 2, 3].map((i) => check(base + i)));
    const firstClean = killed.indexOf(false);
    if (firstClean >= 0) return killedUpTo + firstClean;
    killedUpTo += 4;
  }
}

test('killed at every write step of an apply and of an undo, the next run completes it', async () => {
  const seed = tempDir('pip-doctor-fault-seed-');
  seedHome(seed);
  const original = snapshot(join(seed, 'home'));
  const reference = tempDir('pip-doctor-fault-ref-');
  cpSync(seed, reference, { recursive: true });
  const clean = await driver(reference, ['--yes', '+', 'snapshot', '+', '--undo', '+', 'snapshot']);
  assert.equal(clean.killed, false, clean.output);
  const [fixed, oneUndone] = clean.snapshots as [Tree, Tree];
  assert.notDeepEqual(fixed, original);
  const states = [original, oneUndone, fixed];

  const applySteps = await everyStep(async (n) => {
    const root = tempDir('pip-doctor-fault-');
    cpSync(seed, root, { recursive: true });
    const run = await driver(root, ['--yes', '+', 'snapshot'], n);
    if (!run.killed) {
      assert.deepEqual(run.snapshots[0], fixed, `an uninterrupted run (fault ${n}):\n${run.output}`);
      rmSync(root, { recursive: true, force: true });
      return false;
    }
    assertOldOrNew(snapshot(join(root, 'home')), states, `apply killed at step ${n}`);
    const rerun = await driver(root, [
      '--yes',
      '+',
      'snapshot',
      '+',
      '--undo',
      '+',
      '--undo',
      '+',
      'snapshot',
    ]);
    assert.equal(rerun.killed, false, rerun.output);
    assert.deepEqual(rerun.snapshots[0], fixed, `re-run after a kill at step ${n}:\n${rerun.output}`);
    assert.deepEqual(rerun.snapshots[1], original, `undo after a kill at step ${n}:\n${rerun.output}`);
    rmSync(root, { recursive: true, force: true });
    return true;
  });
  assert.ok(applySteps >= 20, `only ${applySteps} apply write steps were exercised`);

  const undoSteps = await everyStep(async (n) => {
    const root = tempDir('pip-doctor-fault-');
    // Records hold absolute paths: each copy applies its own fixes, then is killed while undoing.
    cpSync(seed, root, { recursive: true });
    const run = await driver(root, ['--yes', '+', '--undo', '+', '--undo'], applySteps + n);
    if (!run.killed) {
      rmSync(root, { recursive: true, force: true });
      return false;
    }
    assertOldOrNew(snapshot(join(root, 'home')), states, `undo killed at step ${n}`);
    const rerun = await inProcess(root, [['--undo'], ['--undo'], ['--undo'], ['snapshot']]);
    assert.deepEqual(rerun.snapshots[0], original, `undo re-run after a kill at step ${n}:\n${rerun.output}`);
    rmSync(root, { recursive: true, force: true });
    return true;
  });
  assert.ok(undoSteps >= 8, `only ${undoSteps} undo write steps were exercised`);
  console.log(`fault injection: ${applySteps} apply steps, ${undoSteps} undo steps`);
  rmSync(seed, { recursive: true, force: true });
  rmSync(reference, { recursive: true, force: true });
});
