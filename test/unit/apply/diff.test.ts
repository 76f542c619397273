import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unifiedDiff } from '../../../src/apply/diff.js';

test('a unified diff with context and hunk ranges', () => {
  const before = 'a\nb\nc\nd\ne\nf\ng\nh\n';
  const after = 'a\nb\nc\nd\nE\nf\ng\nh\ni\n';
  assert.equal(
    unifiedDiff(before, after, 'x', 'x'),
    '--- x\n+++ x\n@@ -2,7 +2,8 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n+i\n',
  );
  assert.equal(unifiedDiff(before, before, 'x', 'x'), '');
});

test('a new file is all additions; far-apart changes get their own hunks', () => {
  assert.equal(
    unifiedDiff('', 'one\ntwo\n', '/dev/null', 'f'),
    '--- /dev/null\n+++ f\n@@ -0,0 +1,2 @@\n+one\n+two\n',
  );
  const before = `${Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n')}\n`;
  const after = before.replace('l1\n', 'L1\n').replace('l18\n', 'L18\n');
  const hunks = unifiedDiff(before, after, 'f', 'f')
    .split('\n')
    .filter((l) => l.startsWith('@@'));
  assert.deepEqual(hunks, ['@@ -1,5 +1,5 @@', '@@ -16,5 +16,5 @@']);
});
