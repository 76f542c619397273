// The journal: a run cut short is completed by the next, including a half-made folder.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  ApplyError,
  appliedRecords,
  applyPlan,
  hashText,
  pendingJournal,
  runJournal,
} from '../../../src/apply/apply.js';
import type { Plan } from '../../../src/apply/plan.js';
import { stateDir } from '../../../src/apply/state.js';
import { tempDir } from '../../fixtures/temp.js';

const fix = { id: 'create-venv', title: 't', kind: 'safe' as const, commands: [], shell: 'bash', for: ['p'] };

test('a folder a command creates is cleared before a resumed run makes it again', () => {
  const root = tempDir('pip-doctor-fix-');
  const state = join(root, 'state');
  const dir = join(root, '.venv');
  mkdirSync(join(dir, 'half-made'), { recursive: true });
  mkdirSync(state);
  const journal = {
    version: 1 as const,
    id: 'x',
    fixId: fix.id,
    title: 't',
    for: ['p'],
    notes: [],
    startedAt: '',
    steps: [
      {
        step: {
          kind: 'run' as const,
          argv: ['/bin/sh', '-c', `mkdir "${dir}" && touch "${dir}/pyvenv.cfg"`],
          display: 'make',
          cwd: root,
          creates: dir,
          undo: null,
        },
        backup: null,
        beforeHash: null,
        afterHash: null,
        done: false,
      },
    ],
  };
  writeFileSync(join(state, 'journal.json'), JSON.stringify(journal));
  const pending = pendingJournal(state);
  assert.ok(pending);
  runJournal(pending, { state, env: process.env, now: () => new Date() });
  assert.deepEqual(readdirSync(dir), ['pyvenv.cfg']);
  assert.equal(pendingJournal(state), null, 'the journal is gone once the record is written');
  assert.deepEqual(readdirSync(join(state, 'history')), ['x.json']);
  rmSync(root, { recursive: true, force: true });
});

test('a failing step puts back what the fix had already changed', () => {
  const root = tempDir('pip-doctor-fix-');
  const state = join(root, 'state');
  const file = join(root, 'rc');
  writeFileSync(file, 'old\n');
  const plan: Plan = {
    fix,
    notes: [],
    steps: [
      {
        kind: 'write-file',
        path: file,
        before: 'old\n',
        after: 'new\n',
        mode: 0o644,
        uid: null,
        gid: null,
        createDirs: [],
      },
      {
        kind: 'run',
        argv: ['/bin/sh', '-c', 'exit 3'],
        display: 'fail',
        cwd: root,
        creates: join(root, 'made'),
        undo: null,
      },
    ],
  };
  assert.throws(() => applyPlan(plan, { state, env: process.env, now: () => new Date() }), ApplyError);
  assert.equal(hashText(readFile(file)), hashText('old\n'));
  assert.equal(existsSync(join(root, 'made')), false);
  assert.equal(pendingJournal(state), null);
  rmSync(root, { recursive: true, force: true });
});

test('the state folder follows XDG_STATE_HOME, ~/.local/state, or LOCALAPPDATA', () => {
  assert.equal(stateDir('linux', { XDG_STATE_HOME: '/s' }, '/home/a'), '/s/pip-doctor');
  assert.equal(
    stateDir('linux', { XDG_STATE_HOME: 'relative' }, '/home/a'),
    '/home/a/.local/state/pip-doctor',
  );
  assert.equal(stateDir('darwin', {}, '/Users/a'), '/Users/a/.local/state/pip-doctor');
  assert.equal(
    stateDir('win32', { LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'C:\\Users\\a'),
    'C:\\Users\\a\\AppData\\Local\\pip-doctor',
  );
});

function readFile(path: string): string {
  return String(readFileSync(path));
}

test('records are kept in the order they were applied, even within one millisecond', () => {
  const root = tempDir('pip-doctor-fix-');
  const state = join(root, 'state');
  const now = () => new Date('2026-11-26T10:00:00Z');
  for (const text of ['one\n', 'two\n', 'three\n']) {
    const plan: Plan = {
      fix: { ...fix, id: text === 'two\n' ? 'a' : 'z' },
      notes: [],
      steps: [
        {
          kind: 'write-file',
          path: join(root, text.trim()),
          before: null,
          after: text,
          mode: null,
          uid: null,
          gid: null,
          createDirs: [],
        },
      ],
    };
    applyPlan(plan, { state, env: process.env, now });
  }
  assert.deepEqual(
    appliedRecords(state).map((r) => (r.steps[0]?.step.kind === 'write-file' ? r.steps[0].step.after : '')),
    ['one\n', 'two\n', 'three\n'],
  );
  rmSync(root, { recursive: true, force: true });
});
