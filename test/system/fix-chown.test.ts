// chown as root for the user whose home root left folders in: applied (symlinks not followed),
// applied again (no change), undone (every owner back), dry-run (no change).
import assert from 'node:assert/strict';
import { lstatSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runFix } from '../../src/commands/fix.js';
import type { Fix } from '../../src/core/types.js';
import { captureIO, finding, report, snapshot } from '../fixtures/apply/tree.js';
import { tempDir } from '../fixtures/temp.js';

test('chown gives folders in the home back to the user, and undo gives them back to root', async (t) => {
  if (typeof process.geteuid !== 'function' || process.geteuid() !== 0) {
    t.skip('needs root (chown is only applied when pip-doctor runs as root)');
    return;
  }
  const root = tempDir('pip-doctor-chown-');
  const home = join(root, 'home');
  mkdirSync(join(home, '.cache/pip/http'), { recursive: true });
  mkdirSync(join(home, '.local/lib'), { recursive: true });
  mkdirSync(join(home, 'project'));
  writeFileSync(join(home, '.cache/pip/http/blob'), 'x');
  writeFileSync(join(root, 'outside'), 'not yours');
  symlinkSync(join(root, 'outside'), join(home, '.cache/pip/link'));
  const env = { HOME: home, XDG_STATE_HOME: join(root, 'state'), PATH: '/usr/bin:/bin' };
  const fix: Fix = {
    id: 'chown-user-folders',
    title: 'give nobody back these folders',
    kind: 'manual',
    commands: ['sudo chown -R nobody: ~/.cache/pip ~/.local'],
    shell: 'bash',
    for: ['user-folders-owned-by-root'],
    risk: 'runs as root',
    action: {
      type: 'chown',
      paths: [join(home, '.cache/pip'), join(home, '.local')],
      uid: 65534,
      gid: 65534,
    },
  };
  const run = async (args: string[]) => {
    const io = captureIO(env, join(home, 'project'));
    const code = await runFix(args, io.io, {
      diagnose: async () =>
        lstatSync(join(home, '.local')).uid === 65534
          ? report([], [])
          : report([finding('user-folders-owned-by-root')], [fix]),
      now: () => new Date('2026-11-26T10:00:00Z'),
    });
    return { code, out: io.stdout() + io.stderr() };
  };
  const before = snapshot(root);
  const dry = await run(['--dry-run']);
  assert.match(dry.out, /change the owner of 6 files and folders \(from .*\.cache\/pip\) to 65534:65534/);
  assert.deepEqual(snapshot(root), before);

  const applied = await run(['--yes']);
  assert.equal(applied.code, 0, applied.out);
  for (const p of ['.cache/pip', '.cache/pip/http/blob', '.cache/pip/link', '.local/lib']) {
    assert.equal(lstatSync(join(home, p)).uid, 65534, p);
  }
  assert.equal(lstatSync(join(root, 'outside')).uid, 0, 'the symlink was not followed');
  assert.equal(lstatSync(home).uid, 0, 'the home itself was not touched');
  const after = snapshot(root);
  await run(['--yes']);
  assert.deepEqual(snapshot(root), after, 'applying twice changes nothing');

  const undo = await run(['--undo']);
  assert.equal(undo.code, 0, undo.out);
  const noState = (s: Record<string, string>) =>
    Object.fromEntries(Object.entries(s).filter(([k]) => !k.startsWith('state')));
  assert.deepEqual(noState(snapshot(root)), noState(before));
  rmSync(root, { recursive: true, force: true });
});
