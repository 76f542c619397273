import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  environmentOf,
  pyenvVersions,
  resolveCommand,
  shebangInterpreter,
} from '../../../src/gather/commands.js';
import { tempDir } from '../../fixtures/temp.js';

const env = { PATH: '/usr/bin:/bin' };

test('shebang: plain, with arguments, quoted, env, and the /bin/sh exec trick pip writes for long paths', () => {
  assert.equal(
    shebangInterpreter('#!/usr/bin/python3.11\nimport x', env, 'linux', '/'),
    '/usr/bin/python3.11',
  );
  assert.equal(shebangInterpreter('#!/opt/py/bin/python -E\n', env, 'linux', '/'), '/opt/py/bin/python');
  assert.equal(
    shebangInterpreter('#!"C:\\Program Files\\Python312\\python.exe"\r\n', env, 'win32', '/'),
    'C:\\Program Files\\Python312\\python.exe',
  );
  assert.equal(shebangInterpreter('#!/usr/bin/env sh\n', env, 'linux', '/'), '/usr/bin/sh');
  const trick = `#!/bin/sh\n'''exec' "/home/me/my venv/bin/python" "$0" "$@"\n' '''\nimport re\n`;
  assert.equal(shebangInterpreter(trick, env, 'linux', '/'), '/home/me/my venv/bin/python');
});

test('a pip script resolves to the interpreter of its shebang, and a missing one is reported', () => {
  const dir = tempDir('pd-cmd-');
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'pip'), '#!/nonexistent/python3.99\nimport pip\n');
  chmodSync(join(bin, 'pip'), 0o755);
  const pip = resolveCommand('pip', { PATH: bin }, 'linux', dir);
  assert.equal(pip.path, join(bin, 'pip'));
  assert.equal(pip.interpreter, '/nonexistent/python3.99');
  assert.equal(pip.via, 'shebang');
  assert.equal(pip.interpreterExists, false);
  const none = resolveCommand('pip3', { PATH: bin }, 'linux', dir);
  assert.equal(none.path, null);
});

test('pyenv shims follow PYENV_VERSION, then .python-version up the tree, then the global version file', () => {
  const root = tempDir('pd-pyenv-');
  mkdirSync(join(root, 'shims'));
  mkdirSync(join(root, 'versions', '3.12.1', 'bin'), { recursive: true });
  mkdirSync(join(root, 'versions', '3.9.18', 'bin'), { recursive: true });
  writeFileSync(join(root, 'version'), '3.9.18\n');
  const project = join(root, 'project', 'sub');
  mkdirSync(project, { recursive: true });
  writeFileSync(join(root, 'project', '.python-version'), '3.12.1\n');
  assert.deepEqual(pyenvVersions(root, {}, project).versions, ['3.12.1']);
  assert.deepEqual(pyenvVersions(root, { PYENV_VERSION: '3.9.18:system' }, project).versions, [
    '3.9.18',
    'system',
  ]);
  assert.deepEqual(pyenvVersions(root, {}, root).versions, ['3.9.18']);

  const shim = join(root, 'shims', 'python');
  writeFileSync(
    shim,
    `#!/usr/bin/env bash\nset -e\nprogram="\${0##*/}"\nexec "${root}/libexec/pyenv" exec "$program" "$@"\n`,
  );
  chmodSync(shim, 0o755);
  const real = join(root, 'versions', '3.12.1', 'bin', 'python');
  writeFileSync(real, '\x7fELF');
  chmodSync(real, 0o755);
  const python = resolveCommand('python', { PATH: join(root, 'shims'), PYENV_ROOT: root }, 'linux', project);
  assert.equal(python.interpreter, real);
  assert.match(python.via ?? '', /pyenv-shim \(3\.12\.1/);
});

test('a venv interpreter is its own environment even though it is a symlink to the base python', () => {
  const dir = tempDir('pd-venv-');
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'pyvenv.cfg'), 'home = /usr/bin\n');
  symlinkSync('/bin/sh', join(dir, 'bin', 'python'));
  assert.equal(environmentOf(join(dir, 'bin', 'python'), 'linux'), dir);
  assert.notEqual(environmentOf('/bin/sh', 'linux'), dir);
});

test('Python options in a direct shebang are kept for the probe; env shebangs and other text are not', async () => {
  const { shebangFlags } = await import('../../../src/gather/commands.js');
  assert.deepEqual(shebangFlags('#!/usr/bin/python3 -s\nimport sys\n'), ['-s']);
  assert.deepEqual(shebangFlags('#!/usr/bin/python3 -sP\n'), ['-sP']);
  assert.deepEqual(shebangFlags('#!/usr/bin/python3\n'), []);
  assert.deepEqual(shebangFlags('#!/usr/bin/env python3 -s\n'), []);
  assert.deepEqual(shebangFlags('#!"C:\\Program Files\\Python312\\python.exe" -s\r\n'), []);
  assert.deepEqual(shebangFlags('#!/usr/bin/python3 --weird\n'), []);
});

test('Windows elevation is read from the mandatory level in `whoami /groups`', async () => {
  const { elevatedFromWhoamiGroups } = await import('../../../src/gather/host.js');
  const high = 'Mandatory Label\\High Mandatory Level       Label            S-1-16-12288\r\n';
  const medium = 'Mandatory Label\\Medium Mandatory Level     Label            S-1-16-8192\r\n';
  assert.equal(elevatedFromWhoamiGroups(high), true);
  assert.equal(elevatedFromWhoamiGroups(medium), false);
});
