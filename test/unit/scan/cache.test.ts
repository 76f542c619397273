// The scan cache answers a second scan without scanning, and is invalidated by exactly the changes
// that alter the answer: a pyenv version switch, a base Python upgraded in place, a marker appearing.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fingerprint, readCache, writeCache } from '../../../src/scan/cache.js';
import { createContext } from '../../../src/scan/context.js';
import { scan } from '../../../src/scan/scanner.js';
import { tempDir } from '../../fixtures/temp.js';

function file(path: string, text: string, mode = 0o644): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text, { mode });
}

/**
 * Two pyenv versions, pyenv's shims on PATH, and a venv made from 3.12. With `remote`, the pyenv
 * tree counts as a network file system: its paths are read and checked through the thread pool.
 */
function machine(remote = false) {
  const root = tempDir('pd-cache-');
  const pyenv = join(root, 'pyenv');
  for (const v of ['3.11.9', '3.12.1']) {
    const xy = v.split('.').slice(0, 2).join('.');
    file(join(pyenv, 'versions', v, 'bin', `python${xy}`), '\x7fELF old build', 0o755);
    symlinkSync(`python${xy}`, join(pyenv, 'versions', v, 'bin', 'python3'));
    symlinkSync(`python${xy}`, join(pyenv, 'versions', v, 'bin', 'python'));
    file(join(pyenv, 'versions', v, 'bin', 'pip'), `#!${pyenv}/versions/${v}/bin/python${xy}\n`, 0o755);
    mkdirSync(join(pyenv, 'versions', v, 'lib', `python${xy}`, 'site-packages', 'pip-24.0.dist-info'), {
      recursive: true,
    });
    mkdirSync(join(pyenv, 'versions', v, 'lib', `python${xy}`, 'site-packages', 'pip'), { recursive: true });
  }
  const shim = `#!/usr/bin/env bash\nset -e\nexec "${pyenv}/libexec/pyenv" exec "$program" "$@"\n`;
  for (const name of ['python', 'python3', 'pip']) file(join(pyenv, 'shims', name), shim, 0o755);
  file(join(pyenv, 'version'), '3.11.9\n');
  const venv = join(root, 'home', 'proj', '.venv');
  file(
    join(venv, 'pyvenv.cfg'),
    `home = ${pyenv}/versions/3.12.1/bin\ninclude-system-site-packages = false\nversion = 3.12.1\n`,
  );
  mkdirSync(join(venv, 'bin'), { recursive: true });
  symlinkSync(join(pyenv, 'versions', '3.12.1', 'bin', 'python3.12'), join(venv, 'bin', 'python3'));
  mkdirSync(join(venv, 'lib', 'python3.12', 'site-packages', 'pip-24.0.dist-info'), { recursive: true });
  mkdirSync(join(venv, 'lib', 'python3.12', 'site-packages', 'pip'), { recursive: true });
  const env = { HOME: join(root, 'home'), PYENV_ROOT: pyenv, PATH: join(pyenv, 'shims') };
  const cwd = join(root, 'home', 'proj');
  const cacheFile = join(root, 'cache', 'scan-v1.json');
  const print = fingerprint(env, cwd, 'linux');
  const watch = { isLocal: (path: string) => !(remote && path.startsWith(pyenv)), timeoutMs: 5000 };
  /** A scan written to the cache; `meanwhile` runs between the scan and the write. */
  const fresh = async (meanwhile?: () => void) => {
    const ctx = await createContext({ env, cwd, platform: 'linux', root, isLocal: watch.isLocal });
    const result = await scan(ctx, { deadlineMs: 10_000 });
    meanwhile?.();
    assert.equal(
      await writeCache(cacheFile, 'test', print, ctx.fs.watched, result, watch, ctx.fs.states),
      true,
    );
    return result;
  };
  const cached = () => readCache(cacheFile, 'test', print, watch);
  return { root, pyenv, venv, env, cwd, fresh, cached };
}

test('a second scan is answered from the cache while nothing changed', async () => {
  const m = machine();
  const first = await m.fresh();
  const hit = await m.cached();
  assert.ok('result' in hit, 'miss' in hit ? hit.miss : '');
  assert.deepEqual(hit.result.environments, first.environments);
  assert.ok(hit.checked > 10, 'the cache checks the paths the answer depended on');
  assert.equal(first.path.python, join(m.pyenv, 'versions', '3.11.9', 'bin', 'python'));
});

test('switching the pyenv version invalidates the cache and the new scan follows it', async () => {
  const m = machine();
  await m.fresh();
  writeFileSync(join(m.pyenv, 'version'), '3.12.1\n');
  const lookup = await m.cached();
  assert.ok('miss' in lookup, 'the cache must not survive `pyenv global 3.12.1`');
  const second = await m.fresh();
  assert.equal(second.path.python, join(m.pyenv, 'versions', '3.12.1', 'bin', 'python'));
  const env312 = second.environments.find(
    (e) => e.executable === join(m.pyenv, 'versions', '3.12.1', 'bin', 'python3'),
  );
  assert.deepEqual(env312?.onPath, ['pip', 'python', 'python3']);
});

test('a .python-version appearing in the current folder invalidates the cache', async () => {
  const m = machine();
  await m.fresh();
  writeFileSync(join(m.cwd, '.python-version'), '3.12.1\n');
  assert.ok('miss' in (await m.cached()));
});

test('a base Python upgraded in place invalidates the cache (its venvs change too)', async () => {
  const m = machine();
  await m.fresh();
  writeFileSync(
    join(m.pyenv, 'versions', '3.12.1', 'bin', 'python3.12'),
    '\x7fELF new build, a different size',
  );
  assert.ok('miss' in (await m.cached()));
});

test('an EXTERNALLY-MANAGED marker appearing invalidates the cache and changes the verdict', async () => {
  const m = machine();
  const first = await m.fresh();
  const exe = join(m.pyenv, 'versions', '3.11.9', 'bin', 'python3');
  assert.equal(first.environments.find((e) => e.executable === exe)?.prediction.outcome, 'site-packages');
  file(
    join(m.pyenv, 'versions', '3.11.9', 'lib', 'python3.11', 'EXTERNALLY-MANAGED'),
    '[externally-managed]\n',
  );
  assert.ok('miss' in (await m.cached()));
  const second = await m.fresh();
  assert.equal(
    second.environments.find((e) => e.executable === exe)?.prediction.outcome,
    'error-externally-managed',
  );
});

test('pip removed from a venv, or site-packages made read-only, invalidates the cache', async (t) => {
  const m = machine();
  await m.fresh();
  rmSync(join(m.venv, 'lib', 'python3.12', 'site-packages', 'pip-24.0.dist-info'), { recursive: true });
  assert.ok('miss' in (await m.cached()));
  await m.fresh();
  assert.ok('result' in (await m.cached()));
  chmodSync(join(m.venv, 'lib', 'python3.12', 'site-packages'), 0o555);
  assert.ok('miss' in (await m.cached()), 'a mode change alters ctime, which the cache checks');
  if (process.getuid?.() === 0) t.diagnostic('running as root: writability itself is not exercised here');
});

test('a changed environment variable or a damaged cache file is a miss, never an error', async () => {
  const m = machine();
  await m.fresh();
  const other = await readCache(
    join(m.root, 'cache', 'scan-v1.json'),
    'test',
    fingerprint({ ...m.env, PIP_USER: '1' }, m.cwd, 'linux'),
  );
  assert.ok('miss' in other && /PIP_USER/.test(other.miss));
  writeFileSync(join(m.root, 'cache', 'scan-v1.json'), '{"format":1,');
  assert.ok('miss' in (await m.cached()));
  assert.ok('miss' in (await readCache(join(m.root, 'nope.json'), 'test', {})));
});

test('paths on a network file system are read and checked without blocking, with the same answers', async () => {
  const local = machine();
  const remote = machine(true);
  const [a, b] = [await local.fresh(), await remote.fresh()];
  const relative = (result: typeof a, root: string) =>
    JSON.stringify(result.environments).replaceAll(root, '<root>');
  assert.equal(relative(b, remote.root), relative(a, local.root));
  assert.ok('result' in (await remote.cached()));
  writeFileSync(join(remote.pyenv, 'version'), '3.12.1\n');
  const lookup = await remote.cached();
  assert.ok('miss' in lookup && lookup.miss.includes(join(remote.pyenv, 'version')), JSON.stringify(lookup));
});

test('a file changed while the scan ran: the cache records what the scan saw, so it misses', async () => {
  const m = machine();
  await m.fresh(() => writeFileSync(join(m.pyenv, 'version'), '3.12.1\n'));
  const lookup = await m.cached();
  assert.ok('miss' in lookup, 'an answer made from 3.11.9 must not be served once 3.12.1 is selected');
});

test('the fingerprint holds the variables that change a scan, and no others', () => {
  const print = fingerprint(
    {
      PATH: '/usr/bin',
      'ProgramFiles(x86)': 'C:\\Program Files (x86)',
      PYENV_VERSION: '3.12.1',
      PIP_USER: '1',
      PYTHONUSERBASE: '/u',
      XDG_CONFIG_HOME: '/c',
      PIP_DOCTOR_DEBUG: '1',
      TERM: 'xterm',
      EDITOR: 'vi',
      PATHOLOGY: 'x',
    },
    '/work',
    'linux',
  );
  assert.deepEqual(
    Object.keys(print)
      .filter((key) => key.startsWith('env:'))
      .sort(),
    [
      'env:PATH',
      'env:PIP_USER',
      'env:PYENV_VERSION',
      'env:PYTHONUSERBASE',
      'env:ProgramFiles(x86)',
      'env:XDG_CONFIG_HOME',
    ],
  );
});
