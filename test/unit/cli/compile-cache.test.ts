// Where compiled code is kept, per platform, and how to turn it off.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileCacheDir } from '../../../src/cli/compile-cache.js';
import { cacheDir } from '../../../src/scan/cache.js';

test('compiled code sits in compiled/ of the user cache folder, wherever the scan cache is moved', () => {
  assert.equal(compileCacheDir({}, 'linux', '/home/u'), '/home/u/.cache/pip-doctor/compiled');
  assert.equal(compileCacheDir({ XDG_CACHE_HOME: '/x' }, 'linux', '/home/u'), '/x/pip-doctor/compiled');
  assert.equal(compileCacheDir({}, 'darwin', '/Users/u'), '/Users/u/Library/Caches/pip-doctor/compiled');
  // The scan cache follows PIP_DOCTOR_CACHE_DIR; compiled code does not (it is not about Pythons).
  assert.equal(cacheDir({ PIP_DOCTOR_CACHE_DIR: '/tmp/s' }, 'linux', '/home/u'), '/tmp/s');
  assert.equal(
    compileCacheDir({ PIP_DOCTOR_CACHE_DIR: '/tmp/s' }, 'linux', '/home/u'),
    '/home/u/.cache/pip-doctor/compiled',
  );
  assert.equal(compileCacheDir({ PIP_DOCTOR_COMPILE_CACHE: '/c' }, 'linux', '/home/u'), '/c');
  assert.equal(compileCacheDir({ PIP_DOCTOR_COMPILE_CACHE: '0' }, 'linux', '/home/u'), null);
  assert.equal(
    compileCacheDir({ PIP_DOCTOR_COMPILE_CACHE: '' }, 'linux', '/home/u'),
    '/home/u/.cache/pip-doctor/compiled',
    'empty is unset',
  );
});
