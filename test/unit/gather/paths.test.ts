import assert from 'node:assert/strict';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { mountFor, parseMountInfo } from '../../../src/gather/mounts.js';
import { inspectPath, nearestExisting } from '../../../src/gather/paths.js';
import { tempDir } from '../../fixtures/temp.js';

test('mountinfo: read-only per mount or per superblock, escaped spaces, longest mount point wins', () => {
  const mounts = parseMountInfo(
    [
      '27 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw',
      '40 27 8:1 /lib /usr/lib/python3/dist-packages ro,relatime - ext4 /dev/sda1 rw',
      '41 27 0:50 / /mnt/my\\040disk rw - xfs /dev/sdb ro',
      'garbage line',
    ].join('\n'),
  );
  assert.equal(mounts.length, 3);
  assert.equal(mountFor('/usr/lib/python3/dist-packages/x', mounts)?.readOnly, true);
  assert.equal(mountFor('/usr/lib/python3/dist-packagesX', mounts)?.mountPoint, '/');
  assert.equal(mountFor('/mnt/my disk/a', mounts)?.readOnly, true);
  assert.equal(mountFor('/home', mounts)?.readOnly, false);
});

test("nearestExisting walks up like pip's test_writable_dir, and a dangling relative path ends nowhere", () => {
  const dir = tempDir('pd-paths-');
  assert.equal(nearestExisting(join(dir, 'a', 'b', 'c'), '/'), dir);
  assert.equal(nearestExisting(dir, '/'), dir);
  assert.equal(nearestExisting('no/such/relative', dir), null);
  mkdirSync(join(dir, 'rel'));
  assert.equal(nearestExisting('rel/x/y', dir), 'rel');
});

test('inspectPath reports owner, mode and writability of the nearest existing directory', () => {
  const dir = tempDir('pd-paths-');
  chmodSync(dir, 0o750);
  const facts = inspectPath(join(dir, 'missing'), '/', 'linux', []);
  assert.equal(facts.exists, false);
  assert.equal(facts.nearestExisting, dir);
  assert.equal(facts.mode, 0o750);
  assert.equal(facts.uid, process.getuid?.());
  assert.equal(facts.writable, true);
  const self = inspectPath(dir, '/', 'linux', []);
  assert.equal(self.exists, true);
  assert.equal(self.isDirectory, true);
});

test('apt-cache policy: shipped, installed, and unknown packages', async () => {
  const { parseAptPolicy } = await import('../../../src/gather/distro-packages.js');
  const text =
    'python3-requests:\n  Installed: (none)\n  Candidate: 2.28.1+dfsg-1\n  Version table:\n     2.28.1+dfsg-1 500\n' +
    'python3-pip:\n  Installed: 23.0.1+dfsg-1\n  Candidate: 23.0.1+dfsg-1\n';
  assert.deepEqual(parseAptPolicy(text, ['requests', 'pip', 'nothere']), {
    requests: { package: 'python3-requests', candidate: '2.28.1+dfsg-1', installed: null },
    pip: { package: 'python3-pip', candidate: '23.0.1+dfsg-1', installed: '23.0.1+dfsg-1' },
    nothere: { package: 'python3-nothere', candidate: null, installed: null },
  });
});
