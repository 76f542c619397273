import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { dirname, join } from '../../../src/core/fast-path.js';

// Every sequence of up to three parts from pieces that exercise node:path's rules.
const PIECES = [
  '',
  '.',
  '..',
  '/',
  '//',
  'a',
  '.venv',
  '..x',
  'x..',
  'a/',
  '/a',
  'a/b',
  'a//b',
  './a',
  'a/.',
  '../a',
  'b/..',
  '.a/',
];

function* sequences(max: number): Generator<string[]> {
  if (max === 0) return;
  for (const piece of PIECES) {
    yield [piece];
    for (const rest of sequences(max - 1)) yield [piece, ...rest];
  }
}

test('join gives what node:path gives, for every combination of awkward parts', () => {
  let compared = 0;
  for (const parts of sequences(3)) {
    assert.equal(join(...parts), path.join(...parts), JSON.stringify(parts));
    compared++;
  }
  assert.ok(compared > 5000);
  assert.equal(join(), path.join());
});

test('dirname gives what node:path gives', () => {
  for (const parts of sequences(3)) {
    const p = parts.join('');
    assert.equal(dirname(p), path.dirname(p), JSON.stringify(p));
  }
  for (const p of ['/', '/a', 'a', '/a/b/c', '/root/.pyenv/versions/3.12.1/bin/python3', '.', '..'])
    assert.equal(dirname(p), path.dirname(p), p);
});

test('join and dirname reject what node:path rejects', () => {
  assert.throws(() => join('a', undefined as unknown as string), TypeError);
  assert.throws(() => dirname(undefined as unknown as string), TypeError);
});
