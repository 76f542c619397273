// The scan's file reads: blocking on local disks (fast), through the thread pool on network file
// systems and after the blocking deadline (so the scan's deadline can fire), each answer read once,
// and never stuck on a FIFO or device where a file was expected.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createContext } from '../../../src/scan/context.js';
import { localPathTest } from '../../../src/scan/local-paths.js';
import type { Locator } from '../../../src/scan/locators/index.js';
import { scan } from '../../../src/scan/scanner.js';
import { TrackedFs } from '../../../src/scan/tracked-fs.js';
import { tempDir } from '../../fixtures/temp.js';

const temp = tempDir('pd-tracked-fs-');

/** Whether the promise has settled after a few microtask turns (a blocking read has; a pooled one has not). */
async function settledAtOnce(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => {
    settled = true;
  });
  for (let i = 0; i < 50; i++) await Promise.resolve();
  return settled;
}

const MOUNTINFO = [
  '22 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw',
  '23 22 0:5 / /proc rw - proc proc rw',
  '40 22 0:40 / /home/shared rw - nfs4 server:/export rw',
  '41 40 0:41 / /home/shared/scratch rw - tmpfs tmpfs rw',
  '42 22 0:42 / /mnt/c rw - 9p drvfs rw',
  '43 22 0:43 / /media/box rw - fuse.sshfs user@box: rw',
  '44 22 0:44 / /opt/odd rw - someweirdfs x rw',
].join('\n');

test('local file systems are told from network, FUSE and unknown ones by the mount table', () => {
  const isLocal = localPathTest('linux', MOUNTINFO);
  assert.equal(isLocal('/usr/bin/python3'), true);
  assert.equal(isLocal('/proc/self/status'), true);
  assert.equal(isLocal('/home/shared/u/.pyenv'), false, 'nfs4');
  assert.equal(isLocal('/home/shared'), false, 'the mount point itself');
  assert.equal(isLocal('/home/sharedother'), true, 'a name that only starts like the mount point');
  assert.equal(isLocal('/home/shared/scratch/venv'), true, 'a local mount inside a network one');
  assert.equal(isLocal('/mnt/c/Users/u/AppData'), false, "WSL's 9p view of a Windows drive");
  assert.equal(isLocal('/media/box/envs'), false, 'sshfs');
  assert.equal(isLocal('/opt/odd/python'), false, 'an unknown type counts as remote');
  assert.equal(localPathTest('linux', null)('/usr/bin'), false, 'no mount table: nothing blocks');
  const mac = localPathTest('darwin');
  assert.equal(mac('/opt/homebrew/bin/python3'), true);
  assert.equal(mac('/Volumes/share/envs/x'), false);
  assert.equal(mac('/net/server/tools'), false);
});

test('a path is judged by where it leads: a symlink onto a network share is not local', () => {
  const root = join(temp, 'links');
  mkdirSync(join(root, 'home', 'u'), { recursive: true });
  mkdirSync(join(root, 'share', 'envs', 'web', 'bin'), { recursive: true });
  symlinkSync(join(root, 'share', 'envs'), join(root, 'home', 'u', 'envs'));
  symlinkSync('../../share', join(root, 'home', 'u', 'relative'));
  symlinkSync('envs', join(root, 'home', 'u', 'again'));
  symlinkSync('loop', join(root, 'home', 'u', 'loop'));
  const info = [
    '22 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw',
    `40 22 0:40 / ${join(root, 'share')} rw - nfs4 server:/export rw`,
  ].join('\n');
  const isLocal = localPathTest('linux', info);
  assert.equal(isLocal(join(root, 'home', 'u', 'envs', 'web', 'pyvenv.cfg')), false, 'absolute link');
  assert.equal(isLocal(join(root, 'home', 'u', 'relative', 'envs')), false, 'relative link with ..');
  assert.equal(isLocal(join(root, 'home', 'u', 'again', 'web')), false, 'a link to a link');
  assert.equal(isLocal(join(root, 'home', 'u', 'loop', 'x')), false, 'a loop is not followed for ever');
  assert.equal(isLocal(join(root, 'home', 'u', '.pyenv', 'version')), true, 'a missing path');
  assert.equal(isLocal(join(root, 'home', 'u')), true);
});

test('local reads are answered at once, network ones through the pool, each path read once', async () => {
  const dir = join(temp, 'modes');
  mkdirSync(join(dir, 'near'), { recursive: true });
  mkdirSync(join(dir, 'far'), { recursive: true });
  writeFileSync(join(dir, 'near', 'pip.conf'), '[global]\nuser = true\n');
  writeFileSync(join(dir, 'far', 'pip.conf'), '[global]\nuser = false\n');
  const fs = new TrackedFs({ isLocal: (path) => !path.includes('/far') });
  assert.equal(await settledAtOnce(fs.readText(join(dir, 'near', 'pip.conf'))), true);
  assert.equal(await settledAtOnce(fs.readText(join(dir, 'far', 'pip.conf'))), false);
  assert.equal(await fs.readText(join(dir, 'far', 'pip.conf')), '[global]\nuser = false\n');
  assert.deepEqual(await fs.list(join(dir, 'far')), ['pip.conf']);
  assert.deepEqual(await fs.listDirs(dir), ['far', 'near']);
  // Read once: a change during the scan is not seen (the scan is one snapshot; the cache sees it later).
  writeFileSync(join(dir, 'near', 'pip.conf'), 'changed');
  assert.equal(await fs.readText(join(dir, 'near', 'pip.conf')), '[global]\nuser = true\n');
  assert.ok(fs.watched.has(join(dir, 'near', 'pip.conf')) && fs.watched.has(join(dir, 'far')));
  // Past the blocking deadline nothing blocks, local or not.
  fs.blockingDeadline = Date.now() - 1;
  assert.equal(fs.blocks(join(dir, 'near')), false);
  assert.equal(await settledAtOnce(fs.stat(join(dir, 'near', 'other'))), false);
});

test('a FIFO or a device where a file is expected is not a file, and does not stop the scan', async (t) => {
  if (process.platform === 'win32') {
    t.skip('no FIFOs on Windows');
    return;
  }
  const venv = join(temp, 'fifo', 'venv');
  mkdirSync(join(venv, 'bin'), { recursive: true });
  execFileSync('mkfifo', [join(venv, 'pyvenv.cfg')]);
  execFileSync('mkfifo', [join(temp, 'fifo', 'pip.conf')]);
  for (const isLocal of [() => true, () => false]) {
    const fs = new TrackedFs({ isLocal });
    assert.equal(await fs.readText(join(venv, 'pyvenv.cfg')), null);
    assert.equal(await fs.head(join(temp, 'fifo', 'pip.conf'), 2), null);
    assert.equal(await fs.readText('/dev/zero', 16), null);
  }
});

test('a locator that keeps reading past the deadline is cut off: blocking reads give way', async () => {
  const dir = join(temp, 'endless');
  mkdirSync(dir, { recursive: true });
  // Every read is a fresh path (nothing cached) on a local disk, so each one blocks.
  let stop = false;
  const endless: Locator = {
    name: 'endless',
    async find(ctx) {
      for (let i = 0; !stop; i++) await ctx.fs.stat(join(dir, `missing-${i}`));
      return [];
    },
  };
  const ctx = await createContext({ env: { PATH: '' }, cwd: dir, platform: 'linux', root: dir, home: dir });
  const started = Date.now();
  const result = await scan(ctx, { deadlineMs: 200, locators: [endless] });
  stop = true;
  assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
  assert.equal(result.deadlineHit, true);
  assert.equal(result.locators.find((l) => l.name === 'endless')?.status, 'timed-out');
});
