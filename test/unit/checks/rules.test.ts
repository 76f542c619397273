// The small rules checks are built on: pip's "is this directory on PATH" test, installation kinds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultSiteDirs, venvSystemSite } from '../../../src/checks/derive.js';
import { installKind, isCondaBase, managerOf } from '../../../src/checks/install-kind.js';
import type { Facts } from '../../../src/gather/facts.js';
import {
  parsePipVersion,
  scriptDirectoryOnPath as pipScriptDirectoryOnPath,
} from '../../../src/pip/index.js';
import { linuxFacts, loadProbe } from './fixture.js';
import { scenarioNamed } from './scenarios.js';

function scriptDirectoryOnPath(dir: string, facts: Facts): boolean {
  return pipScriptDirectoryOnPath(dir, facts, parsePipVersion(facts.probe.pip.version ?? '0') ?? [0, 0, 0]);
}

function posixWith(PATH: string | undefined, pip = '23.2.1'): Facts {
  const probe = loadProbe('pyenv312-user');
  const facts = linuxFacts({ ...probe, pip: { ...probe.pip, version: pip } });
  const env = { ...facts.host.env };
  if (PATH === undefined) delete env['PATH'];
  else env['PATH'] = PATH;
  return { ...facts, host: { ...facts.host, env } };
}

test("pip's PATH test on POSIX (23.1+): normpath, trailing slashes, no prefix matches, no ~ expansion", () => {
  const dir = '/home/alice/.local/bin';
  assert.equal(scriptDirectoryOnPath(dir, posixWith('/usr/bin:/home/alice/.local/bin/')), true);
  assert.equal(scriptDirectoryOnPath(dir, posixWith('/home/alice/./.local//bin')), true);
  assert.equal(scriptDirectoryOnPath(dir, posixWith('/home/alice/.local/bin2:/home/alice/.local')), false);
  assert.equal(scriptDirectoryOnPath(dir, posixWith('~/.local/bin')), false);
  assert.equal(scriptDirectoryOnPath(dir, posixWith('/HOME/alice/.local/bin')), false);
  assert.equal(scriptDirectoryOnPath(dir, posixWith(undefined)), false);
  assert.equal(scriptDirectoryOnPath(dir, posixWith('')), false);
});

test('before 23.1 pip compared without normpath (only the trailing separator was stripped)', () => {
  const dir = '/home/alice/.local/bin';
  assert.equal(scriptDirectoryOnPath(dir, posixWith('/home/alice/./.local/bin', '23.0.1')), false);
  assert.equal(scriptDirectoryOnPath(dir, posixWith('/home/alice/.local/bin/', '23.0.1')), true);
  assert.equal(scriptDirectoryOnPath(dir, posixWith('/home/alice/.local/bin/', '10.0.1')), false);
});

test("the interpreter's own directory counts as on PATH (a venv's bin without activation)", () => {
  assert.equal(scriptDirectoryOnPath('/root/.pyenv/versions/3.12.1/bin', posixWith('/usr/bin')), true);
});

test('on Windows the comparison ignores case and slash direction', () => {
  const s = scenarioNamed('windows/python-org-per-user');
  const facts = {
    ...s.facts,
    host: {
      ...s.facts.host,
      env: { ...s.facts.host.env, Path: 'c:/users/ALICE/appdata/local/programs/python/python312/scripts/' },
    },
  };
  assert.equal(
    scriptDirectoryOnPath('C:\\Users\\alice\\AppData\\Local\\Programs\\Python\\Python312\\Scripts', facts),
    true,
  );
  assert.equal(
    scriptDirectoryOnPath('C:\\Users\\alice\\AppData\\Roaming\\Python\\Python312\\Scripts', facts),
    false,
  );
});

test('installation kinds from the documented layouts', () => {
  const kinds = Object.fromEntries(
    [
      'macos/python-org-standard-user',
      'macos/homebrew-arm64-externally-managed',
      'macos/homebrew-x86_64-break-system-packages',
      'macos/command-line-tools',
      'macos/pyenv-and-clt-stub',
      'windows/python-org-per-user',
      'windows/python-org-all-users',
      'windows/microsoft-store',
      'windows/conda-base',
      'linux/debian-externally-managed',
      'linux/venv-user-flag',
    ].map((name) => [name, installKind(scenarioNamed(name).facts)]),
  );
  assert.deepEqual(kinds, {
    'macos/python-org-standard-user': 'python.org-macos',
    'macos/homebrew-arm64-externally-managed': 'homebrew',
    'macos/homebrew-x86_64-break-system-packages': 'homebrew',
    'macos/command-line-tools': 'macos-clt',
    'macos/pyenv-and-clt-stub': 'pyenv',
    'windows/python-org-per-user': 'windows-per-user',
    'windows/python-org-all-users': 'windows-all-users',
    'windows/microsoft-store': 'windows-store',
    'windows/conda-base': 'conda',
    'linux/debian-externally-managed': 'distro',
    'linux/venv-user-flag': 'pyenv',
  });
  assert.equal(isCondaBase(scenarioNamed('windows/conda-base').facts), true);
  assert.equal(managerOf(scenarioNamed('linux/debian-externally-managed').facts), 'Debian');
  assert.equal(managerOf(scenarioNamed('macos/homebrew-arm64-externally-managed').facts), 'Homebrew');
});

test('a uv-managed Python is attributed to uv, not to the OS', () => {
  const s = scenarioNamed('linux/debian-externally-managed');
  const prefix = '/home/alice/.local/share/uv/python/cpython-3.12.4-linux-x86_64-gnu';
  const probe = {
    ...s.facts.probe,
    prefixes: {
      ...s.facts.probe.prefixes,
      prefix,
      basePrefix: prefix,
      execPrefix: prefix,
      baseExecPrefix: prefix,
    },
  };
  assert.equal(managerOf({ ...s.facts, probe }), 'uv');
});

test('site-packages pip tests: distutils on 3.9 and older, the preferred sysconfig scheme after', () => {
  assert.deepEqual(defaultSiteDirs(scenarioNamed('macos/command-line-tools').facts), [
    '/Library/Python/3.9/site-packages',
  ]);
  assert.deepEqual(defaultSiteDirs(scenarioNamed('linux/debian-externally-managed').facts), [
    '/usr/local/lib/python3.11/dist-packages',
  ]);
});

test('include-system-site-packages is read case-insensitively, as CPython does', () => {
  assert.deepEqual(venvSystemSite(scenarioNamed('linux/system-site-venv-owned-by-root').facts), {
    value: 'true',
    line: 'include-system-site-packages = true',
  });
});

test('the paths the checks need stat facts for', async () => {
  const { checkPathsToInspect } = await import('../../../src/checks/index.js');
  const linux = checkPathsToInspect(scenarioNamed('linux/pyenv-shared-user-default').facts);
  for (const p of [
    '/home/alice/.local',
    USER_SITE,
    '/home/alice/.local/bin',
    '/home/alice/.cache/pip',
    '/home/alice/proj/.venv/pyvenv.cfg',
    '/home/alice/proj/.venv/bin/python',
  ]) {
    assert.ok(linux.includes(p), p);
  }
  const mac = checkPathsToInspect(scenarioNamed('macos/command-line-tools').facts);
  assert.ok(mac.includes('/Library/Developer/CommandLineTools/usr/bin/python3'));
  assert.ok(mac.includes('/Users/alice/Library/Caches/pip'));
  const win = checkPathsToInspect(scenarioNamed('windows/conda-base').facts);
  assert.ok(win.includes('C:\\Users\\alice\\miniconda3\\conda-meta'));
  assert.ok(win.includes('C:\\Users\\alice\\code\\site\\.venv\\Scripts\\python.exe'));
  assert.ok(win.includes('C:\\Users\\alice\\AppData\\Local\\pip\\Cache'));
});

const USER_SITE = '/home/alice/.local/lib/python3.12/site-packages';

test("under sudo, root-owned folders in the invoking user's home are handed back to that user", async () => {
  const { userFoldersOwnedByRoot } = await import(
    '../../../src/checks/permissions/user-folders-owned-by-root.js'
  );
  const { predict } = await import('../../../src/pip/index.js');
  const { pathFact } = await import('./fixture.js');
  const rootOwned = pathFact('/home/alice/.local', { uid: 0, gid: 0, owner: 'root', group: 'root' });
  const facts = linuxFacts(loadProbe('debian-root-sudo'), {
    host: { uid: 0, gid: 0, euid: 0, egid: 0, groups: [0], userName: 'root', accountHome: '/root' },
    env: { SUDO_USER: 'alice', SUDO_UID: '1000', SUDO_GID: '1000' },
    paths: [rootOwned],
  });
  const context = { facts, prediction: predict(facts, ['--break-system-packages', 'x']), installArgs: [] };
  const [diagnosis] = userFoldersOwnedByRoot.run(context);
  assert.equal(diagnosis?.finding.id, 'user-folders-owned-by-root');
  assert.deepEqual(diagnosis?.fixes[0]?.commands, ['chown -R alice: /home/alice/.local']);
  assert.deepEqual(diagnosis?.fixes[0]?.action, {
    type: 'chown',
    paths: ['/home/alice/.local'],
    uid: 1000,
    gid: 1000,
  });
  const plainRoot = { ...facts, host: { ...facts.host, env: { ...facts.host.env, SUDO_UID: '' } } };
  assert.deepEqual(
    userFoldersOwnedByRoot.run({ ...context, facts: plainRoot }),
    [],
    'root without sudo: its own home',
  );
});
