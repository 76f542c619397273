// The built CLI keeps V8's compiled code for its bundles between runs: written once, private to
// the user, used only when trusted, and never a reason for a different answer or a failure.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../fixtures/temp.js';

const CLI = resolve('dist/cli.cjs');
const temp = tempDir('pd-compile-cache-');
// Node 22.1+ caches compiled code itself, in its own format; the loader below is Node 20's.
const nativeCache = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

function scan(compileCache: string) {
  const result = spawnSync(process.execPath, [CLI, 'scan', '--json', '--no-cache'], {
    env: { ...process.env, PIP_DOCTOR_COMPILE_CACHE: compileCache },
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stderr, '');
  const { ms: _ms, ...answer } = JSON.parse(result.stdout) as Record<string, unknown>;
  // Locator timings differ from run to run; everything else must not.
  return JSON.stringify(answer, (key, value) => (key === 'ms' ? 0 : value));
}

test('compiled code is saved once, privately, and the answer is the same with it', (t) => {
  if (nativeCache) t.diagnostic('this Node caches compiled code itself (module.enableCompileCache)');
  const dir = join(temp, 'saved');
  const first = scan(dir);
  const files = readdirSync(dir).filter((name) => !name.endsWith('.tmp'));
  assert.ok(files.length > 0, 'the first run leaves compiled code behind');
  if (process.platform !== 'win32' && !nativeCache) {
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    for (const name of files) assert.equal(statSync(join(dir, name)).mode & 0o777, 0o600, name);
  }
  const before = files.map((name) => statSync(join(dir, name)).mtimeMs);
  assert.equal(scan(dir), first, 'the same answer from cached code');
  const after = files.map((name) => statSync(join(dir, name)).mtimeMs);
  assert.deepEqual(after, before, 'a valid cache is read, not written again');
});

test('damaged or untrusted cache files are ignored and replaced, never a failure', (t) => {
  if (process.platform === 'win32' || nativeCache) {
    t.skip('the Node 20 loader on POSIX is what reads these files');
    return;
  }
  const dir = join(temp, 'damaged');
  const expected = scan(dir);
  const files = readdirSync(dir);
  for (const name of files) writeFileSync(join(dir, name), 'not V8 code at all');
  assert.equal(scan(dir), expected, 'garbage is rejected by V8 and compiled anew');
  for (const name of files) {
    assert.notEqual(statSync(join(dir, name)).size, 'not V8 code at all'.length, `${name} rewritten`);
  }
  // Writable by others: a cache file someone else could have planted is not trusted.
  for (const name of files) chmodSync(join(dir, name), 0o666);
  assert.equal(scan(dir), expected);
  for (const name of files) assert.equal(statSync(join(dir, name)).mode & 0o777, 0o600, `${name} replaced`);
});

test('PIP_DOCTOR_COMPILE_CACHE=0 keeps nothing', () => {
  const home = join(temp, 'home');
  const result = spawnSync(process.execPath, [CLI, 'scan', '--json', '--no-cache'], {
    env: { ...process.env, HOME: home, XDG_CACHE_HOME: '', PIP_DOCTOR_COMPILE_CACHE: '0' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(result.status, 0, result.stderr);
  assert.throws(() => readdirSync(join(home, '.cache', 'pip-doctor', 'compiled')), /ENOENT/);
});

test('--version and --help load no bundle, so they make no cache folder', (t) => {
  if (nativeCache) {
    t.skip("Node's own compile cache makes its folder at start-up");
    return;
  }
  const dir = join(temp, 'untouched');
  for (const args of [['--version'], ['--help']]) {
    const result = spawnSync(process.execPath, [CLI, ...args], {
      env: { ...process.env, PIP_DOCTOR_COMPILE_CACHE: dir },
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
  }
  assert.throws(() => readdirSync(dir), /ENOENT/);
});
