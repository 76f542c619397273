// `pip-doctor scan` on this machine: it finds every interpreter here (all pyenv versions, Debian's
// python3, venvs made in the test), and its static verdicts agree with the probed ones, as root
// and as an unprivileged user.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { before, test } from 'node:test';
import type { ScanEnvironment, ScanResult } from '../../src/scan/types.js';
import { tempDir } from '../fixtures/temp.js';

const CLI = resolve('dist/cli.cjs');
const PYENV = '/root/.pyenv/versions';
const DEBIAN = '/usr/bin/python3';
const isRoot = process.getuid?.() === 0;
const havePyenv = existsSync(PYENV);

let work = '';
let project = '';
before(() => {
  work = tempDir('pd-scan-sys-');
  chmodSync(work, 0o755);
  project = join(work, 'proj');
  mkdirSync(project);
  if (!havePyenv) return;
  // Venvs without ensurepip (slow); pip is copied in where a venv should have its own.
  execFileSync(`${PYENV}/3.12.1/bin/python`, ['-m', 'venv', '--without-pip', join(project, '.venv')]);
  copyPip(
    `${PYENV}/3.12.1/lib/python3.12/site-packages`,
    join(project, '.venv/lib/python3.12/site-packages'),
  );
  execFileSync(`${PYENV}/3.11.7/bin/python`, [
    '-m',
    'venv',
    '--without-pip',
    '--system-site-packages',
    join(project, 'sysvenv'),
  ]);
  execFileSync(`${PYENV}/3.13.0/bin/python`, ['-m', 'venv', '--without-pip', join(project, 'nopip')]);
});

function copyPip(fromSite: string, toSite: string): void {
  for (const name of readdirSync(fromSite)) {
    if (name === 'pip' || /^pip-.*\.dist-info$/.test(name))
      cpSync(join(fromSite, name), join(toSite, name), { recursive: true });
  }
}

function scanJson(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
  asNobody = false,
): ScanResult {
  const command = asNobody
    ? [
        'setpriv',
        [
          '--reuid=65534',
          '--regid=65534',
          '--clear-groups',
          process.execPath,
          CLI,
          'scan',
          '--json',
          ...args,
        ],
      ]
    : [process.execPath, [CLI, 'scan', '--json', ...args]];
  const result = spawnSync(command[0] as string, command[1] as string[], {
    cwd,
    env: { ...env, NO_COLOR: '1', PIP_DOCTOR_CACHE_DIR: join(work, `cache-${asNobody ? 'nobody' : 'root'}`) },
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as ScanResult;
}

function byExecutable(result: ScanResult): Map<string, ScanEnvironment> {
  return new Map(result.environments.map((e) => [e.executable, e]));
}

test('finds every pyenv version, Debian python3 and the venvs in the current folder', (t) => {
  if (!havePyenv) return t.skip('needs the pyenv versions under /root/.pyenv');
  const result = scanJson(['--no-cache'], project);
  const found = byExecutable(result);
  for (const version of readdirSync(PYENV)) {
    const env = result.environments.find((e) => e.prefix === join(PYENV, version));
    assert.ok(env, `pyenv ${version} not found`);
    assert.equal(env.kind, 'pyenv');
    assert.equal(env.version, version);
  }
  const debian = found.get(DEBIAN);
  assert.ok(debian, 'Debian python3');
  assert.equal(debian.kind, 'system');
  const real = execFileSync(DEBIAN, ['-c', 'import platform; print(platform.python_version())'], {
    encoding: 'utf8',
  }).trim();
  assert.equal(debian.version, real);
  assert.ok(
    !result.environments.some((e) => e.executable === '/bin/python3'),
    '/bin/python3 is an alias, not a second entry',
  );
  for (const [dir, version] of [
    ['.venv', '3.12.1'],
    ['sysvenv', '3.11.7'],
    ['nopip', '3.13.0'],
  ]) {
    const env = found.get(join(project, dir as string, 'bin', 'python3'));
    assert.ok(env, `${dir} not found`);
    assert.equal(env.kind, 'venv');
    assert.equal(env.version, version);
  }
  assert.equal(found.get(join(project, 'nopip', 'bin', 'python3'))?.prediction.outcome, 'error-pip-missing');
  assert.equal(
    found.get(join(project, 'sysvenv', 'bin', 'python3'))?.pipVersion,
    '23.2.1',
    'pip seen through system site-packages',
  );
  for (const name of ['pip', 'python', 'python3'] as const)
    assert.ok(result.path[name], `${name} on PATH resolved`);
  assert.ok(result.locators.every((l) => l.status === 'ok' || l.status === 'skipped'));
});

test('static verdicts agree with probed ones for every interpreter here (root)', (t) => {
  if (!havePyenv) return t.skip('needs the pyenv versions under /root/.pyenv');
  const statics = scanJson(['--no-cache'], project);
  const probed = byExecutable(scanJson(['--probe', '--probe-untrusted', '--timeout', '30'], project));
  for (const env of statics.environments) {
    const real = probed.get(env.executable);
    assert.equal(real?.probe?.status, 'ok', `${env.executable}: ${real?.probe?.detail}`);
    assert.equal(real?.verdictSource, 'probe');
    assert.deepEqual(env.prediction, real?.prediction, `${env.executable}: static ${env.reason}`);
    assert.equal(env.version, real?.version, env.executable);
    assert.equal(env.pipVersion, real?.pipVersion, env.executable);
  }
});

test('as an unprivileged user: user-default, permission error and own venvs, static = probed = pip', (t) => {
  if (!isRoot) return t.skip('needs root to drop privileges with setpriv');
  const base = tempDir('pd-scan-nobody-');
  chmodSync(base, 0o755);
  try {
    const home = join(base, 'home');
    mkdirSync(home);
    chownSync(home, 65534, 65534);
    const debianSite = '/usr/lib/python3/dist-packages';
    // Root-owned venvs (not writable for nobody): one seeing the system site (and Debian's pip), one with its own pip.
    execFileSync(DEBIAN, ['-m', 'venv', '--without-pip', '--system-site-packages', join(base, 'shared')]);
    execFileSync(DEBIAN, ['-m', 'venv', '--without-pip', join(base, 'locked')]);
    copyPip(debianSite, join(base, 'locked/lib/python3.11/site-packages'));
    execFileSync(DEBIAN, ['-m', 'venv', '--without-pip', join(base, 'mine')]);
    copyPip(debianSite, join(base, 'mine/lib/python3.11/site-packages'));
    execFileSync('chown', ['-R', '65534:65534', join(base, 'mine')]);
    const env = { PATH: '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8' };
    const statics = byExecutable(scanJson(['--no-cache'], base, env, true));
    // Without --probe-untrusted the venvs in the current folder are not run.
    const guarded = scanJson(['--probe', '--timeout', '30'], base, env, true);
    for (const e of guarded.environments) {
      assert.equal(e.probe?.status, e.executable.startsWith(base) ? 'skipped' : 'ok', e.executable);
    }
    const probed = byExecutable(
      scanJson(['--probe', '--probe-untrusted', '--timeout', '30'], base, env, true),
    );
    const expected: [string, string, string][] = [
      [DEBIAN, 'error-externally-managed', '/usr/local/lib/python3.11/dist-packages'],
      [join(base, 'shared/bin/python3'), 'user-default', join(home, '.local/lib/python3.11/site-packages')],
      [
        join(base, 'locked/bin/python3'),
        'error-permission',
        join(base, 'locked/lib/python3.11/site-packages'),
      ],
      [join(base, 'mine/bin/python3'), 'site-packages', join(base, 'mine/lib/python3.11/site-packages')],
    ];
    for (const [exe, outcome, directory] of expected) {
      assert.deepEqual(
        statics.get(exe)?.prediction,
        { outcome, directory },
        `static ${exe}: ${statics.get(exe)?.reason}`,
      );
      assert.equal(probed.get(exe)?.probe?.status, 'ok', `${exe}: ${probed.get(exe)?.probe?.detail}`);
      assert.deepEqual(probed.get(exe)?.prediction, { outcome, directory }, `probed ${exe}`);
    }
    // And pip itself agrees: the shared venv defaults to the user site.
    const wheels = join(base, 'wheels');
    execFileSync(DEBIAN, ['-c', WHEEL_SCRIPT, wheels]);
    const pip = spawnSync(
      'setpriv',
      [
        '--reuid=65534',
        '--regid=65534',
        '--clear-groups',
        join(base, 'shared/bin/python3'),
        '-m',
        'pip',
        'install',
        '--no-index',
        '--find-links',
        wheels,
        'demo',
      ],
      {
        env: { ...env, PIP_CONFIG_FILE: '/dev/null', PIP_DISABLE_PIP_VERSION_CHECK: '1' },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    assert.equal(pip.status, 0, pip.stderr);
    assert.match(pip.stdout, /Defaulting to user installation because normal site-packages is not writeable/);
    assert.ok(existsSync(join(home, '.local/lib/python3.11/site-packages/demo/__init__.py')));
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});

const WHEEL_SCRIPT = [
  'import os, sys, zipfile',
  'd = sys.argv[1]',
  'os.makedirs(d)',
  "z = zipfile.ZipFile(os.path.join(d, 'demo-1.0-py3-none-any.whl'), 'w')",
  "z.writestr('demo/__init__.py', '')",
  "z.writestr('demo-1.0.dist-info/METADATA', 'Metadata-Version: 2.1\\nName: demo\\nVersion: 1.0\\n')",
  "z.writestr('demo-1.0.dist-info/WHEEL', 'Wheel-Version: 1.0\\nGenerator: test\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n')",
  "z.writestr('demo-1.0.dist-info/RECORD', '')",
  'z.close()',
].join('\n');
