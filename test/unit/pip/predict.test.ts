// The pip model against pip's own decision rules, on probe reports recorded from real interpreters.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConfigFileFacts, Facts, PathFacts } from '../../../src/gather/facts.js';
import { PipUsageError, predict } from '../../../src/pip/index.js';
import type { ProbeFacts } from '../../../src/probe/probe-facts.js';
import { type LinuxOverrides, linuxFacts, loadProbe, pathFact, rootDir } from '../checks/fixture.js';

const PYENV312_SITE = '/root/.pyenv/versions/3.12.1/lib/python3.12/site-packages';
const ALICE_SITE312 = '/home/alice/.local/lib/python3.12/site-packages';

function withPip(probe: ProbeFacts, version: string): ProbeFacts {
  return { ...probe, pip: { ...probe.pip, version } };
}

/** pyenv 3.12 as alice: root-owned site-packages unless `writableSite`. */
function pyenvFacts(o: LinuxOverrides & { writableSite?: boolean; pip?: string } = {}): Facts {
  const probe = o.pip ? withPip(loadProbe('pyenv312-user'), o.pip) : loadProbe('pyenv312-user');
  const site = o.writableSite ? pathFact(PYENV312_SITE) : rootDir(PYENV312_SITE);
  return linuxFacts(probe, {
    ...o,
    paths: [
      site,
      pathFact(ALICE_SITE312, { exists: false, nearestExisting: '/home/alice' }),
      ...(o.paths ?? []),
    ],
  });
}

function config(path: string, text: string, level: ConfigFileFacts['level'] = 'user'): ConfigFileFacts {
  return { level, path, exists: true, text, error: null };
}

test("pip's decide_user_install table (tests/unit/test_command_install.py)", () => {
  const cases: Array<[string, string[], boolean, boolean, string]> = [
    // [name, args, ENABLE_USER_SITE, site-packages writable, expected outcome]
    ['prefix, unwritable', ['--prefix', '/tmp/foo'], true, false, 'prefix'],
    ['target, unwritable', ['--target', '/tmp/bar'], true, false, 'target'],
    ['writable', [], true, true, 'site-packages'],
    ['unwritable', [], true, false, 'user-default'],
    ['user site off, writable', [], false, true, 'site-packages'],
    ['user site off, unwritable', [], false, false, 'error-permission'],
  ];
  for (const [name, args, enableUserSite, writableSite, expected] of cases) {
    const facts = pyenvFacts({
      writableSite,
      paths: [pathFact('/tmp/foo/lib/python3.12/site-packages'), pathFact('/tmp/bar')],
    });
    facts.probe = { ...facts.probe, site: { ...facts.probe.site, enableUserSite } };
    assert.equal(predict(facts, args).outcome, expected, name);
  }
});

test("the user-site fallback prints pip's line and lands in ~/.local", () => {
  const prediction = predict(pyenvFacts(), ['requests']);
  assert.equal(prediction.outcome, 'user-default');
  assert.equal(prediction.directory, ALICE_SITE312);
  assert.equal(prediction.scriptsDirectory, '/home/alice/.local/bin');
  assert.deepEqual(prediction.messages, [
    'Defaulting to user installation because normal site-packages is not writeable',
  ]);
  assert.equal(prediction.scriptsOnPath, true, '/home/alice/.local/bin is on the test PATH');
});

test('pip < 20 never defaults: it fails with the EnvironmentError and the --user hint', () => {
  const prediction = predict(pyenvFacts({ pip: '19.2.3' }), ['requests']);
  assert.equal(prediction.outcome, 'error-permission');
  assert.deepEqual(prediction.messages, [
    `ERROR: Could not install packages due to an EnvironmentError: [Errno 13] Permission denied: '${PYENV312_SITE}/requests'`,
    'Consider using the `--user` option or check the permissions.',
    '',
  ]);
  const old = predict(pyenvFacts({ pip: '18.1' }), ['requests']);
  assert.equal(
    old.messages[0]?.startsWith('Could not install packages'),
    true,
    'no ERROR: prefix before 19.1',
  );
});

test('a read-only mount gives Errno 30 and no hint', () => {
  const mount = { mountPoint: '/root/.pyenv', fsType: 'overlay', readOnly: true, source: 'overlay' };
  const facts = pyenvFacts({ env: { PYTHONNOUSERSITE: '1' } });
  facts.probe = { ...facts.probe, site: { ...facts.probe.site, enableUserSite: false } };
  facts.paths[PYENV312_SITE] = { ...(facts.paths[PYENV312_SITE] as PathFacts), mount };
  const prediction = predict(facts, ['demo']);
  assert.equal(prediction.outcome, 'error-permission');
  assert.deepEqual(prediction.messages, [
    `ERROR: Could not install packages due to an OSError: [Errno 30] Read-only file system: '${PYENV312_SITE}/demo'`,
    '',
  ]);
});

test('explicit --user: venv without system site-packages refuses, system-site venv allows', () => {
  const venv = linuxFacts(loadProbe('venv311'), {
    paths: [pathFact('/home/alice/proj/.venv/lib/python3.11/site-packages')],
  });
  const refused = predict(venv, ['--user', 'x']);
  assert.equal(refused.outcome, 'error-user-in-virtualenv');
  assert.deepEqual(refused.messages, [
    "ERROR: Can not perform a '--user' install. User site-packages are not visible in this virtualenv.",
  ]);
  // pip < 20 only knew the legacy virtualenv marker: a PEP 405 venv takes --user.
  const old = linuxFacts(withPip(loadProbe('venv311'), '19.3.1'), {
    paths: [pathFact('/home/alice/.local/lib/python3.11/site-packages')],
  });
  assert.equal(predict(old, ['--user', 'x']).outcome, 'user');
  const sysvenv = linuxFacts(loadProbe('sysvenv312'), { paths: [pathFact(ALICE_SITE312)] });
  assert.equal(predict(sysvenv, ['--user', 'x']).outcome, 'user');
});

test('a system-site venv whose site-packages is not writable falls back to the user site', () => {
  const probe = loadProbe('sysvenv312');
  const site = probe.sysconfig.paths.venv?.plain?.purelib as string;
  const facts = linuxFacts(probe, { paths: [rootDir(site), pathFact(ALICE_SITE312)] });
  assert.equal(predict(facts, ['x']).outcome, 'user-default');
  const venv = loadProbe('venv311');
  const venvSite = venv.sysconfig.paths.venv?.plain?.purelib as string;
  const owned = predict(linuxFacts(venv, { paths: [rootDir(venvSite)] }), ['x']);
  assert.equal(owned.outcome, 'error-permission', 'no user site in a plain venv: pip just fails');
  assert.equal(owned.messages[1], 'Check the permissions.');
});

test('PEP 668: refused outside a venv unless overridden or installing elsewhere', () => {
  const debian = () =>
    linuxFacts(loadProbe('debian-user'), {
      paths: [
        rootDir('/usr/local/lib/python3.11/dist-packages'),
        pathFact('/home/alice/.local/lib/python3.11/site-packages'),
        pathFact('/tmp/t'),
      ],
    });
  const refused = predict(debian(), ['x']);
  assert.equal(refused.outcome, 'error-externally-managed');
  assert.equal(refused.messages[0], 'error: externally-managed-environment');
  assert.equal(refused.messages[3], '╰─> To install Python packages system-wide, try apt install');
  assert.equal(refused.pipExitCode, 1);
  assert.equal(
    predict(debian(), ['--user', 'x']).outcome,
    'error-externally-managed',
    '--user does not skip it',
  );
  assert.equal(predict(debian(), ['--dry-run', 'x']).outcome, 'error-externally-managed');
  assert.equal(predict(debian(), ['--dry-run', '--report', '-', 'x']).outcome, 'user-default');
  assert.equal(predict(debian(), ['--break-system-packages', 'x']).outcome, 'user-default');
  assert.equal(predict(debian(), ['--target', '/tmp/t', 'x']).outcome, 'target');
  const env = linuxFacts(loadProbe('debian-user'), {
    env: { PIP_BREAK_SYSTEM_PACKAGES: '1' },
    paths: [pathFact('/usr/local/lib/python3.11/dist-packages')],
  });
  assert.equal(predict(env, ['x']).outcome, 'site-packages');
  const zero = linuxFacts(loadProbe('debian-user'), { env: { PIP_BREAK_SYSTEM_PACKAGES: '0' } });
  assert.equal(
    predict(zero, ['--break-system-packages', 'x']).outcome,
    'site-packages',
    'the command line wins',
  );
  // 23.0 had the check but no override.
  const first = linuxFacts(withPip(loadProbe('debian-user'), '23.0'), {});
  assert.throws(() => predict(first, ['--break-system-packages']), /no such option: --break-system-packages/);
  const old = predict(first, ['x']);
  assert.equal(old.outcome, 'error-externally-managed');
  assert.equal(
    old.messages.at(-2),
    'note: If you believe this is a mistake, please contact your Python installation or OS distribution provider.',
  );
  const before = debian();
  before.probe = withPip(before.probe, '22.3.1');
  assert.equal(predict(before, ['x']).outcome, 'user-default', 'no PEP 668 check before pip 23.0');
});

test('--user with --target or --prefix', () => {
  assert.equal(predict(pyenvFacts(), ['--user', '--target', 'v']).outcome, 'error-user-target-conflict');
  const prefix = predict(pyenvFacts(), ['--user', '--prefix', '/p', 'x']);
  assert.equal(prefix.outcome, 'error-user-prefix-conflict');
  assert.deepEqual(prefix.messages, [
    "ERROR: Can not combine '--user' and '--prefix' as they imply different installation locations",
  ]);
  const env = pyenvFacts({ env: { PIP_USER: 'yes' } });
  assert.equal(predict(env, ['--target', 'v']).outcome, 'error-user-target-conflict', 'PIP_USER counts');
  assert.equal(predict(env, ['--no-user', '--target', 'v']).outcome, 'target');
});

test('PIP_NO_USER=1 means a user install (pip stores config booleans without inverting them)', () => {
  const quirk = predict(pyenvFacts({ writableSite: true, env: { PIP_NO_USER: '1' } }), ['x']);
  assert.equal(quirk.outcome, 'user');
  assert.deepEqual(quirk.settings, [
    { option: 'no-user', value: '1', from: 'environment variable PIP_NO_USER' },
  ]);
  const explicit = predict(pyenvFacts({ env: { PIP_NO_USER: '0', PIP_USER: '' } }), ['x']);
  assert.equal(explicit.outcome, 'error-permission', 'PIP_NO_USER=0 is an explicit non-user install');
  assert.equal(explicit.messages[1], 'Consider using the `--user` option or check the permissions.');
});

test('config files: [install] in the global file beats [global] in the user file; env beats both', () => {
  const files = [
    config('/etc/xdg/pip/pip.conf', '[install]\nuser = false\n', 'global'),
    config('/home/alice/.config/pip/pip.conf', '[global]\nuser = true\n'),
  ];
  const facts = pyenvFacts({ configFiles: files });
  const prediction = predict(facts, ['x']);
  assert.equal(prediction.outcome, 'error-permission');
  assert.deepEqual(prediction.settings, [
    { option: 'user', value: 'false', from: '/etc/xdg/pip/pip.conf', line: 2 },
  ]);
  assert.equal(predict(pyenvFacts({ configFiles: files, env: { PIP_USER: 'on' } }), ['x']).outcome, 'user');
  assert.equal(
    predict(facts, ['--isolated', 'x']).outcome,
    'error-permission',
    '--isolated keeps global files',
  );
  const userOnly = pyenvFacts({
    configFiles: [config('/home/alice/.config/pip/pip.conf', '[install]\nuser = true\n')],
  });
  assert.equal(predict(userOnly, ['x']).outcome, 'user');
  assert.equal(predict(userOnly, ['--isolated', 'x']).outcome, 'user-default', '--isolated skips user files');
});

test('PIP_CONFIG_FILE: skips user files when it exists; os.devnull skips every file', () => {
  const files = [
    config('/home/alice/.config/pip/pip.conf', '[global]\nuser = true\n'),
    config('/srv/pip.conf', '[global]\nno-user = false\n', 'env'),
  ];
  const env = { PIP_CONFIG_FILE: '/srv/pip.conf' };
  assert.equal(predict(pyenvFacts({ configFiles: files, env }), ['x']).outcome, 'error-permission');
  const devnull = pyenvFacts({
    configFiles: [config('/etc/pip.conf', '[global]\nuser = 1\n', 'global')],
    env: { PIP_CONFIG_FILE: '/dev/null' },
  });
  assert.equal(predict(devnull, ['x']).outcome, 'user-default');
});

test('bad configuration stops pip: invalid booleans and unparsable files', () => {
  assert.throws(
    () => predict(pyenvFacts({ env: { PIP_USER: 'maybe' } }), ['x']),
    (error: unknown) =>
      error instanceof PipUsageError &&
      error.pipMessage ===
        'maybe is not a valid value for user option, please specify a boolean value like yes/no, true/false or 1/0 instead.',
  );
  const broken = pyenvFacts({ configFiles: [config('/home/alice/.config/pip/pip.conf', 'user = true\n')] });
  assert.throws(
    () => predict(broken, ['x']),
    /Configuration file could not be loaded: File contains no section headers/,
  );
  const duplicate = pyenvFacts({
    configFiles: [config('/etc/pip.conf', '[global]\nuser=1\nuser=0\n', 'global')],
  });
  assert.throws(() => predict(duplicate, ['x']), /option 'user' in section 'global' already exists/);
});

test('require-virtualenv: exit 3 outside a venv, before anything else', () => {
  const refused = predict(pyenvFacts({ env: { PIP_REQUIRE_VIRTUALENV: 'true' } }), [
    '--user',
    '--target',
    't',
  ]);
  assert.equal(refused.outcome, 'error-require-virtualenv');
  assert.equal(refused.pipExitCode, 3);
  assert.deepEqual(refused.messages, ['ERROR: Could not find an activated virtualenv (required).']);
  assert.deepEqual(predict(pyenvFacts({ pip: '18.1' }), ['--require-venv']).messages, [
    'Could not find an activated virtualenv (required).',
  ]);
  const venv = linuxFacts(loadProbe('venv311'), { env: { PIP_REQUIRE_VIRTUALENV: '1' } });
  assert.equal(predict(venv, ['x']).outcome, 'site-packages');
});

test('--root re-roots the scheme, and a relative root that does not exist makes pip default to the user site', () => {
  const facts = pyenvFacts({ writableSite: true, host: { uid: 0, euid: 0, cwd: '/tmp/w' } });
  facts.paths[`/srv/r${PYENV312_SITE}`] = pathFact(`/srv/r${PYENV312_SITE}`);
  const rooted = predict(facts, ['--root', '/srv/r']);
  assert.equal(rooted.outcome, 'root');
  assert.equal(rooted.directory, `/srv/r${PYENV312_SITE}`);
  assert.match(rooted.messages[0] ?? '', /^WARNING: Running pip as the 'root' user/);
  const relative = `rel${PYENV312_SITE}`;
  facts.paths[relative] = pathFact(relative, { exists: false, nearestExisting: '', writable: false });
  facts.paths[`rel${ALICE_SITE312}`] = pathFact(`rel${ALICE_SITE312}`, {
    exists: false,
    nearestExisting: '',
    writable: false,
  });
  facts.paths[`/tmp/w/rel${ALICE_SITE312}`] = pathFact(`/tmp/w/rel${ALICE_SITE312}`, {
    exists: false,
    nearestExisting: '/tmp/w',
  });
  const defaulted = predict(facts, ['--root', 'rel']);
  assert.equal(defaulted.outcome, 'user-default');
  assert.equal(defaulted.directory, `/tmp/w/rel${ALICE_SITE312}`);
});

test('Debian --prefix keeps posix_local (local/lib/python3.11/dist-packages)', () => {
  const facts = linuxFacts(loadProbe('debian-user'), {
    paths: [pathFact('/opt/p/local/lib/python3.11/dist-packages')],
  });
  const prediction = predict(facts, ['--prefix', '/opt/p', 'x']);
  assert.equal(prediction.outcome, 'prefix');
  assert.equal(prediction.directory, '/opt/p/local/lib/python3.11/dist-packages');
  assert.equal(prediction.scriptsDirectory, '/opt/p/local/bin');
  assert.equal(
    prediction.scriptsOnPath,
    false,
    '/opt/p/local/bin is not on PATH (pip >= 21.2 just does not say so for --prefix)',
  );
});

test('distutils pips (Python <= 3.9) use the distutils scheme, with --prefix substituted', () => {
  for (const [name, dir] of [
    ['pyenv2.7-root', '/root/.pyenv/versions/2.7.18/lib/python2.7/site-packages'],
    ['pyenv3.6-root', '/root/.pyenv/versions/3.6.15/lib/python3.6/site-packages'],
    ['pyenv3.9-root', '/root/.pyenv/versions/3.9.18/lib/python3.9/site-packages'],
  ] as const) {
    const probe = loadProbe(name);
    const facts = linuxFacts(probe, {
      host: { uid: 0, euid: 0 },
      env: { HOME: '/root' },
      paths: [pathFact(dir)],
    });
    const prediction = predict(facts, ['x']);
    assert.equal(prediction.outcome, 'site-packages', name);
    assert.equal(prediction.directory, dir, name);
    assert.match(prediction.reasoning.join(' '), /\(distutils\)/, name);
    const version = probe.python.version.split('.').slice(0, 2).join('.');
    assert.equal(
      predict(facts, ['--prefix', '/opt/p']).directory,
      `/opt/p/lib/python${version}/site-packages`,
      name,
    );
  }
});

test('no pip: error-pip-missing with what `python -m pip` prints', () => {
  const probe = loadProbe('debian-user');
  const prediction = predict(linuxFacts({ ...probe, pip: { version: null, location: null, module: null } }), [
    'x',
  ]);
  assert.equal(prediction.outcome, 'error-pip-missing');
  assert.deepEqual(prediction.messages, ['/usr/bin/python3: No module named pip']);
});

test('command-line parsing follows optparse: abbreviations, =, clusters, --', () => {
  const facts = pyenvFacts({ writableSite: true, paths: [pathFact('/home/alice/proj/vendor')] });
  for (const args of [
    ['--tar', 'vendor'],
    ['--target=vendor'],
    ['-tvendor'],
    ['-Ut', 'vendor'],
    ['x', '-t', 'vendor'],
  ]) {
    const prediction = predict(facts, args);
    assert.equal(prediction.outcome, 'target', args.join(' '));
    assert.equal(prediction.directory, '/home/alice/proj/vendor', args.join(' '));
  }
  assert.equal(predict(facts, ['--', '--user']).outcome, 'site-packages', 'after -- it is a package name');
  assert.throws(() => predict(facts, ['--us']), /ambiguous option: --us/);
  assert.throws(() => predict(facts, ['--user=1']), /--user option does not take a value/);
  assert.throws(() => predict(facts, ['--target']), /--target option requires 1 argument/);
  assert.throws(() => predict(facts, ['--frobnicate']), /no such option: --frobnicate/);
});

test('pip 9 let a permission error escape as a traceback (exit 2); 10.0.0 printed nothing', () => {
  const nine = predict(pyenvFacts({ pip: '9.0.3' }), ['requests']);
  assert.equal(nine.outcome, 'error-permission');
  assert.equal(nine.pipExitCode, 2);
  assert.equal(
    nine.messages.at(-1),
    `PermissionError: [Errno 13] Permission denied: '${PYENV312_SITE}/requests'`,
  );
  const ten = predict(pyenvFacts({ pip: '10.0.0' }), ['requests']);
  assert.deepEqual([ten.outcome, ten.messages, ten.pipExitCode], ['error-permission', [], 1]);
});

test('--root outranks --user and --prefix in the outcome (everything lands under the root)', () => {
  const facts = pyenvFacts({ writableSite: true });
  const user = predict(facts, ['--user', '--root', '/srv/r']);
  assert.equal(user.outcome, 'root');
  assert.equal(user.directory, `/srv/r${ALICE_SITE312}`);
  assert.equal(predict(facts, ['--prefix', '/p', '--root', '/srv/r']).outcome, 'root');
  assert.equal(
    predict(facts, ['--prefix', '/p', '--root', '/srv/r']).directory,
    '/srv/r/p/lib/python3.12/site-packages',
  );
});

test("--target into a folder you cannot write: the move into place escapes pip's error handling (exit 2)", () => {
  const facts = pyenvFacts({ paths: [rootDir('/srv/vendor')] });
  const prediction = predict(facts, ['--target', '/srv/vendor', 'tinypkg']);
  assert.equal(prediction.outcome, 'error-permission');
  assert.equal(prediction.pipExitCode, 2);
  assert.deepEqual(prediction.messages, [
    'ERROR: Exception:',
    'Traceback (most recent call last):',
    '  ...',
    "PermissionError: [Errno 13] Permission denied: '/srv/vendor/tinypkg'",
  ]);
});

test("sudo without -H: root's pip finds ~/.cache/pip owned by the user and runs without a cache", () => {
  const facts = linuxFacts(loadProbe('debian-root-sudo'), {
    host: { uid: 0, gid: 0, euid: 0, egid: 0, groups: [0], userName: 'root', accountHome: '/root' },
    env: { SUDO_USER: 'alice', PIP_BREAK_SYSTEM_PACKAGES: '1' },
    paths: [
      pathFact('/home/alice/.cache/pip'),
      pathFact('/usr/local/lib/python3.11/dist-packages', { uid: 0 }),
    ],
  });
  const prediction = predict(facts, ['x']);
  assert.equal(prediction.outcome, 'site-packages');
  assert.equal(
    prediction.messages[0],
    "WARNING: The directory '/home/alice/.cache/pip' or its parent directory is not owned or is not writable by the current user. The cache has been disabled. Check the permissions and owner of that directory. If executing pip with sudo, you should use sudo's -H flag.",
  );
  assert.equal(
    predict(facts, ['--no-cache-dir', 'x']).messages.length,
    1,
    'no cache, no check (only the root warning)',
  );
  const noCacheEnv = {
    ...facts,
    host: { ...facts.host, env: { ...facts.host.env, PIP_NO_CACHE_DIR: 'false' } },
  };
  assert.equal(
    predict(noCacheEnv, ['x']).messages.length,
    1,
    'PIP_NO_CACHE_DIR=false also turns the cache off',
  );
  const old = { ...facts, probe: { ...facts.probe, pip: { ...facts.probe.pip, version: '19.2.3' } } };
  assert.match(
    predict(old, ['x']).messages[0] ?? '',
    /^WARNING: The directory '\/home\/alice\/\.cache\/pip\/http' or its parent directory is not owned by the current user and the cache has been disabled/,
  );
});
