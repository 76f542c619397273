// Smaller parts of the scan: the hard deadline, the registry and .condarc readers, pip settings,
// the renderers.
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createContext, parseRegQuery } from '../../../src/scan/context.js';
import { envsDirsFromCondarc } from '../../../src/scan/locators/conda.js';
import type { Locator } from '../../../src/scan/locators/index.js';
import { pathLocator } from '../../../src/scan/locators/path.js';
import { readPipSettings } from '../../../src/scan/pip-settings.js';
import { probeRefusal } from '../../../src/scan/probe.js';
import { ndjsonEnvironment, renderScanJson, renderScanTable } from '../../../src/scan/render.js';
import { toolRoots } from '../../../src/scan/roots.js';
import { scan } from '../../../src/scan/scanner.js';
import { naturalCompare } from '../../../src/scan/tracked-fs.js';
import type { ScanEnvironment, ScanResult } from '../../../src/scan/types.js';
import { tempDir } from '../../fixtures/temp.js';

const temp = tempDir('pd-scan-parts-');

/** A Linux scan context whose system folders and home are in the temp folder. */
function linuxContext(env: Record<string, string>, home = temp) {
  return createContext({ env, cwd: temp, platform: 'linux', root: temp, home });
}

test('the hard deadline: a hung locator is reported as timed out and the scan still answers', async () => {
  const hung: Locator = { name: 'hung', find: () => new Promise(() => {}) };
  const quick: Locator = { name: 'quick', find: async () => [] };
  const broken: Locator = {
    name: 'broken',
    find: async () => {
      throw new Error('unreadable registry');
    },
  };
  const windowsOnly: Locator = { name: 'windows-only', platforms: ['win32'], find: async () => [] };
  const ctx = await linuxContext({ PATH: '' });
  const started = Date.now();
  const result = await scan(ctx, { deadlineMs: 300, locators: [quick, broken, windowsOnly, hung] });
  const took = Date.now() - started;
  assert.ok(took < 2000, `returned after ${took} ms`);
  assert.equal(result.deadlineHit, true);
  const status = Object.fromEntries(result.locators.map((l) => [l.name, l.status]));
  assert.deepEqual(status, {
    quick: 'ok',
    broken: 'error',
    'windows-only': 'skipped',
    hung: 'timed-out',
    'path-commands': 'timed-out',
  });
  assert.equal(result.locators.find((l) => l.name === 'broken')?.detail, 'unreadable registry');
});

test('reg query output becomes PEP 514 entries', () => {
  const text = [
    'HKEY_CURRENT_USER\\Software\\Python\\PythonCore\\3.12',
    '    DisplayName    REG_SZ    Python 3.12 (64-bit)',
    '    SysVersion    REG_SZ    3.12',
    '    Version    REG_SZ    3.12.6',
    '',
    'HKEY_CURRENT_USER\\Software\\Python\\PythonCore\\3.12\\InstallPath',
    '    (Default)    REG_SZ    C:\\Users\\u\\AppData\\Local\\Programs\\Python\\Python312\\',
    '    ExecutablePath    REG_SZ    C:\\Users\\u\\AppData\\Local\\Programs\\Python\\Python312\\python.exe',
    '',
    'HKEY_LOCAL_MACHINE\\Software\\Python\\ContinuumAnalytics\\Anaconda39-64\\InstallPath',
    '    (Default)    REG_SZ    C:\\ProgramData\\Anaconda3',
  ].join('\r\n');
  assert.deepEqual(parseRegQuery(text), [
    {
      company: 'PythonCore',
      tag: '3.12',
      installPath: 'C:\\Users\\u\\AppData\\Local\\Programs\\Python\\Python312\\',
      executablePath: 'C:\\Users\\u\\AppData\\Local\\Programs\\Python\\Python312\\python.exe',
      version: '3.12.6',
    },
    {
      company: 'ContinuumAnalytics',
      tag: 'Anaconda39-64',
      installPath: 'C:\\ProgramData\\Anaconda3',
      executablePath: null,
      version: null,
    },
  ]);
});

test('.condarc envs_dirs: block and flow lists', () => {
  assert.deepEqual(
    envsDirsFromCondarc(
      'channels:\n  - conda-forge\nenvs_dirs:\n  - ~/envs\n  - "/data/envs"\npkgs_dirs: []\n',
    ),
    ['~/envs', '/data/envs'],
  );
  assert.deepEqual(envsDirsFromCondarc('envs_dirs: [/a, "/b"]\n'), ['/a', '/b']);
  assert.deepEqual(envsDirsFromCondarc(null), []);
});

test('pip settings: [install] beats [global], the environment beats files, no-user is stored uninverted', async () => {
  const home = join(temp, 'settings-home');
  mkdirSync(join(home, '.config', 'pip'), { recursive: true });
  writeFileSync(
    join(home, '.config', 'pip', 'pip.conf'),
    '[global]\nuser = false\n[install]\nuser = true\nbreak_system_packages = yes\n',
  );
  const ctx = await linuxContext({ HOME: home }, home);
  const files = await readPipSettings(ctx, join(temp, 'prefix'), '24.2');
  assert.equal(files.user, true);
  assert.equal(files.breakSystemPackages, true);
  const envCtx = await linuxContext({ HOME: home, PIP_USER: '0', PIP_REQUIRE_VIRTUALENV: 'true' }, home);
  const fromEnv = await readPipSettings(envCtx, join(temp, 'prefix'), '24.2');
  assert.equal(fromEnv.user, false);
  assert.equal(fromEnv.requireVirtualenv, true);
  const quirk = await linuxContext({ HOME: temp, PIP_NO_USER: '1' });
  assert.equal((await readPipSettings(quirk, join(temp, 'prefix'), '24.2')).user, true);
  const isolated = await linuxContext({ HOME: home, PIP_CONFIG_FILE: '/dev/null' }, home);
  assert.equal((await readPipSettings(isolated, join(temp, 'prefix'), null)).user, null);
});

const sample: ScanEnvironment = {
  executable: '/home/u/.pyenv/versions/3.12.1/bin/python3',
  kind: 'pyenv',
  version: '3.12.1',
  prediction: {
    outcome: 'site-packages',
    directory: '/home/u/.pyenv/versions/3.12.1/lib/python3.12/site-packages',
  },
  problems: [],
  verdictSource: 'static',
  prefix: '/home/u/.pyenv/versions/3.12.1',
  manager: null,
  pipVersion: '23.2.1',
  aliases: [],
  onPath: ['pip', 'python'],
  foundBy: 'pyenv',
  reason: 'site-packages is writable',
};
const debian: ScanEnvironment = {
  ...sample,
  executable: '/usr/bin/python3',
  kind: 'system',
  version: '3.11.2',
  prediction: { outcome: 'error-externally-managed', directory: '/usr/local/lib/python3.11/dist-packages' },
  problems: ['externally-managed'],
  prefix: '/usr',
  onPath: [],
};
const result: ScanResult = {
  schemaVersion: 1,
  environments: [sample, debian],
  path: { pip: sample.executable, pip3: null, python: sample.executable, python3: '/usr/bin/python3' },
  locators: [{ name: 'pyenv', status: 'ok', ms: 3, found: 1 }],
  ms: 42,
  cached: false,
  deadlineHit: false,
};

test('pip settings per environment of one scan: each pip version reads them its own way, each site file is its own', async () => {
  const home = join(temp, 'settings-versions');
  mkdirSync(join(home, '.config', 'pip'), { recursive: true });
  writeFileSync(join(home, '.config', 'pip', 'pip.conf'), '[install]\nbreak-system-packages = yes\n');
  const withSite = join(temp, 'prefix-with-site');
  mkdirSync(withSite, { recursive: true });
  writeFileSync(join(withSite, 'pip.conf'), '[install]\nuser = yes\n');
  const ctx = await linuxContext({ HOME: home, pip_target: '/lower' }, home);
  const prefix = join(temp, 'prefix');
  // --break-system-packages arrived in pip 23.0.1: older pips do not know the key and skip it.
  assert.equal((await readPipSettings(ctx, prefix, '23.1')).breakSystemPackages, true);
  assert.equal((await readPipSettings(ctx, prefix, '22.3')).breakSystemPackages, false);
  assert.equal((await readPipSettings(ctx, prefix, '23.2')).breakSystemPackages, true);
  // pip < 10 took PIP_* names in any case.
  assert.equal((await readPipSettings(ctx, prefix, '9.0.3')).target, '/lower');
  assert.equal((await readPipSettings(ctx, prefix, '23.1')).target, null);
  const site = await readPipSettings(ctx, withSite, '23.1');
  assert.equal(site.user, true);
  assert.ok(
    site.sources.some((line) => line.includes(join(withSite, 'pip.conf'))),
    site.sources.join('; '),
  );
  assert.equal((await readPipSettings(ctx, prefix, '23.1')).user, null);
});

test('the table: one row per environment, home shortened, PATH commands and a summary line', () => {
  const text = renderScanTable(result, { color: false, width: 120, home: '/home/u' });
  const lines = text.trimEnd().split('\n');
  assert.match(lines[0] ?? '', /^KIND\s+VERSION\s+PYTHON\s+`pip install` GOES TO\s+PROBLEMS\s+ON PATH$/);
  assert.match(
    lines[1] ?? '',
    /^pyenv\s+3\.12\.1\s+~\/\.pyenv\/versions\/3\.12\.1\/bin\/python3\s+~\/\.pyenv\/.*site-packages\s+-\s+pip python$/,
  );
  assert.match(
    lines[2] ?? '',
    /^system\s+3\.11\.2\s+\/usr\/bin\/python3\s+refused: externally managed \(PEP 668\)\s+externally-managed$/,
  );
  assert.ok(text.includes('`pip` on PATH runs ~/.pyenv/versions/3.12.1/bin/python3'));
  assert.match(lines[lines.length - 1] ?? '', /^2 Pythons in 42 ms; static verdicts/);
  assert.ok(!text.includes('\x1b['), 'no colour when asked for none');
  assert.ok(renderScanTable(result, { color: true, width: 120, home: null }).includes('\x1b[31m'));
});

test('JSON and NDJSON carry the contract fields', () => {
  const json = JSON.parse(renderScanJson(result));
  assert.equal(json.schemaVersion, 1);
  assert.deepEqual(Object.keys(json.environments[0]).slice(0, 5), [
    'executable',
    'kind',
    'version',
    'prediction',
    'problems',
  ]);
  assert.deepEqual(json.path, result.path);
  const line = JSON.parse(ndjsonEnvironment(debian));
  assert.equal(line.type, 'environment');
  assert.equal(line.prediction.outcome, 'error-externally-managed');
});

test('--probe never runs Store aliases, Apple stubs, or (unless asked) interpreters in the current folder', () => {
  const opts = { cwd: '/work/proj', platform: 'linux', untrusted: false };
  assert.match(probeRefusal({ ...sample, kind: 'microsoft-store' }, opts) ?? '', /Store/);
  assert.match(
    probeRefusal({ ...sample, kind: 'macos-clt', problems: ['macos-python-stub'] }, opts) ?? '',
    /installer/,
  );
  const local = { ...sample, executable: '/work/proj/.venv/bin/python', prefix: '/work/proj/.venv' };
  assert.match(probeRefusal(local, opts) ?? '', /current folder/);
  assert.equal(probeRefusal(local, { ...opts, untrusted: true }), null);
  assert.match(
    probeRefusal({ ...sample, kind: 'microsoft-store' }, { ...opts, untrusted: true }) ?? '',
    /Store/,
  );
});

test('folder names sort by version (3.9 before 3.10) without ICU', () => {
  assert.deepEqual(['3.10.13', '2.7.18', '3.9.18', '3.13.0', 'pypy3.10', '3.6.15'].sort(naturalCompare), [
    '2.7.18',
    '3.6.15',
    '3.9.18',
    '3.10.13',
    '3.13.0',
    'pypy3.10',
  ]);
});

test('PATH folders that are one folder (merged /usr) are read once, and both spellings are kept', async () => {
  const root = join(temp, 'merged-usr');
  mkdirSync(join(root, 'usr', 'bin'), { recursive: true });
  writeFileSync(join(root, 'usr', 'bin', 'python3'), '\x7fELF stand-in\n', { mode: 0o755 });
  writeFileSync(join(root, 'usr', 'bin', 'pip3'), '#!/usr/bin/python3\n', { mode: 0o755 });
  symlinkSync('usr/bin', join(root, 'bin'));
  const ctx = await createContext({
    env: { PATH: `${join(root, 'bin')}:${join(root, 'usr', 'bin')}` },
    cwd: temp,
    platform: 'linux',
    root,
    home: root,
  });
  const listed: string[] = [];
  const list = ctx.fs.list.bind(ctx.fs);
  ctx.fs.list = (path) => {
    listed.push(path);
    return list(path);
  };
  const found = await pathLocator.find(ctx, toolRoots(ctx));
  assert.deepEqual(
    found.map((candidate) => candidate.executable),
    [join(root, 'bin', 'python3'), join(root, 'usr', 'bin', 'python3')],
  );
  assert.deepEqual(listed, [join(root, 'usr', 'bin')]);
  // The symlink itself is watched: the cache notices if it comes to point elsewhere.
  assert.ok(ctx.fs.watched.has(join(root, 'bin')));
});
