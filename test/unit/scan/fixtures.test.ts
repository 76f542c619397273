// Every locator against fixture trees laid out like macOS, Windows and Linux machines:
// what is found, how it is classified, listed once, and the static verdict.
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createContext, type RegistryEntry } from '../../../src/scan/context.js';
import { scan } from '../../../src/scan/scanner.js';
import type { ScanEnvironment, ScanResult } from '../../../src/scan/types.js';
import { buildTree, TREES } from './tree.js';

const built: string[] = [];
after(() => {
  for (const root of built) rmSync(root, { recursive: true, force: true });
});

async function scanTree(
  name: string,
  platform: string,
  env: (root: string) => Record<string, string>,
  cwd: string,
  registry: RegistryEntry[] = [],
): Promise<{ root: string; result: ScanResult; find: (suffix: string) => ScanEnvironment }> {
  const root = buildTree(name);
  built.push(root);
  const vars = env(root);
  const ctx = await createContext({
    env: vars,
    cwd: join(root, cwd),
    platform,
    root,
    home: vars.HOME ?? vars.USERPROFILE ?? join(root, 'home'),
    registry: registry.map(
      (entry) => JSON.parse(JSON.stringify(entry).replaceAll('{root}', root)) as RegistryEntry,
    ),
  });
  const result = await scan(ctx, { deadlineMs: 10_000 });
  const find = (suffix: string) => {
    const env = result.environments.find((e) => e.executable === join(root, suffix));
    assert.ok(env, `${suffix} not found; found:\n${result.environments.map((e) => e.executable).join('\n')}`);
    return env;
  };
  return { root, result, find };
}

function assertListedOnce(result: ScanResult): void {
  const keys = result.environments.map((e) => e.prefix);
  assert.deepEqual(keys, [...new Set(keys)], 'each environment listed once');
}

test('macOS: every kind is found and classified, nothing listed twice', async () => {
  const { result, find } = await scanTree(
    'macos',
    'darwin',
    (root) => ({
      HOME: join(root, 'Users/u'),
      PATH: [join(root, 'opt/homebrew/bin'), join(root, 'usr/local/bin'), join(root, 'usr/bin')].join(':'),
    }),
    'Users/u/proj',
  );
  assertListedOnce(result);
  const expect: [string, string, string | null][] = [
    ['Library/Frameworks/Python.framework/Versions/3.12/bin/python3.12', 'python.org', '3.12.4'],
    ['usr/bin/python3', 'macos-clt', null],
    ['opt/homebrew/bin/python3', 'homebrew', '3.13.1'],
    ['Users/u/.pyenv/versions/3.11.9/bin/python3', 'pyenv', '3.11.9'],
    ['Users/u/.pyenv/versions/3.11.9/envs/tools/bin/python3', 'pyenv-virtualenv', '3.11.9'],
    ['Users/u/miniforge3/bin/python3', 'conda', '3.12.7'],
    ['Users/u/miniforge3/envs/ds/bin/python3', 'conda', '3.11.10'],
    ['Users/u/.local/share/uv/python/cpython-3.12.8-macos-aarch64-none/bin/python3', 'uv', '3.12.8'],
    ['Users/u/.local/share/uv/tools/ruff/bin/python3', 'uv-tool', '3.12.8'],
    ['Users/u/.local/pipx/venvs/black/bin/python', 'pipx', '3.13.1'],
    ['Users/u/Library/Caches/pypoetry/virtualenvs/app-AbCdEf12-py3.12/bin/python', 'poetry', '3.12.4'],
    [
      'Users/u/Library/Application Support/hatch/env/virtual/proj/Hx1y2z3w/proj/bin/python',
      'hatch',
      '3.12.4',
    ],
    ['Users/u/Library/Application Support/pdm/venvs/web-Q1w2E3r4-3.12/bin/python', 'pdm', '3.12.4'],
    ['Users/u/.local/share/virtualenvs/site-k3Jd9sLm/bin/python', 'pipenv', '3.12.4'],
    ['Users/u/.virtualenvs/work/bin/python', 'virtualenvwrapper', '3.12.4'],
    ['Users/u/.asdf/installs/python/3.10.14/bin/python3', 'asdf', '3.10.14'],
    ['Users/u/.local/share/mise/installs/python/3.13.1/bin/python3', 'mise', '3.13.1'],
    ['Users/u/.rye/py/cpython@3.12.3/bin/python3', 'rye', '3.12.3'],
    ['Users/u/proj/.venv/bin/python', 'poetry', '3.12.4'],
    ['Users/u/proj/uvenv/bin/python', 'uv-venv', '3.12.8'],
  ];
  for (const [path, kind, version] of expect) {
    const env = find(path);
    assert.equal(env.kind, kind, path);
    assert.equal(env.version, version, path);
  }
  assert.equal(
    result.environments.length,
    expect.length,
    result.environments.map((e) => e.executable).join('\n'),
  );
  // The /usr/local/bin link is an alias of the framework Python, not a second entry.
  assert.ok(
    find('Library/Frameworks/Python.framework/Versions/3.12/bin/python3.12').aliases.some((a) =>
      a.endsWith('usr/local/bin/python3'),
    ),
  );
  // pyenv-virtualenv's versions/<name> link leads to the same env.
  assert.ok(
    find('Users/u/.pyenv/versions/3.11.9/envs/tools/bin/python3').aliases.some((a) =>
      a.includes('versions/tools/'),
    ),
  );
  assert.equal(find('Users/u/miniforge3/bin/python3').manager, 'miniforge');
});

test('macOS: verdicts for Homebrew, uv, python.org, the CLT stub and a venv', async () => {
  const { root, find } = await scanTree(
    'macos',
    'darwin',
    (r) => ({ HOME: join(r, 'Users/u'), PATH: join(r, 'usr/bin') }),
    'Users/u/proj',
  );
  const brew = find('opt/homebrew/bin/python3');
  assert.equal(brew.prediction.outcome, 'error-externally-managed');
  assert.equal(brew.prediction.directory, join(root, 'opt/homebrew/lib/python3.13/site-packages'));
  assert.deepEqual(brew.problems, ['externally-managed']);
  assert.equal(
    find('Users/u/.local/share/uv/python/cpython-3.12.8-macos-aarch64-none/bin/python3').prediction.outcome,
    'error-externally-managed',
  );
  const org = find('Library/Frameworks/Python.framework/Versions/3.12/bin/python3.12');
  assert.equal(org.pipVersion, '24.0');
  assert.equal(org.prediction.outcome, process.getuid?.() === 0 ? 'site-packages' : org.prediction.outcome);
  const stub = find('usr/bin/python3');
  assert.equal(stub.prediction.outcome, null, 'the stub is never guessed at');
  assert.deepEqual(stub.problems, ['macos-python-stub']);
  const venv = find('Users/u/proj/.venv/bin/python');
  assert.equal(venv.prediction.directory, join(root, 'Users/u/proj/.venv/lib/python3.12/site-packages'));
  // A venv with no pip of its own (and no system site-packages) cannot run pip.
  assert.equal(find('Users/u/proj/uvenv/bin/python').prediction.outcome, 'error-pip-missing');
});

test('macOS with Command Line Tools: /usr/bin/python3 installs into /Library/Python/3.9', async () => {
  const { root, find } = await scanTree(
    'macos-clt',
    'darwin',
    (r) => ({ HOME: join(r, 'Users/u'), PATH: '' }),
    'Users/u',
  );
  const clt = find('usr/bin/python3');
  assert.equal(clt.kind, 'macos-clt');
  assert.equal(clt.version, '3.9.6');
  assert.equal(clt.pipVersion, '21.2.4');
  if (process.getuid?.() === 0) assert.equal(clt.prediction.outcome, 'site-packages');
  assert.ok(
    [
      join(root, 'Library/Python/3.9/site-packages'),
      join(root, 'Users/u/Library/Python/3.9/lib/python/site-packages'),
    ].includes(clt.prediction.directory as string),
  );
});

test('Windows: registry, python.org folders, Store, install manager, pyenv-win, uv, pipx, conda, project venv', async () => {
  const registry = JSON.parse(readFileSync(join(TREES, 'windows.registry.json'), 'utf8')) as RegistryEntry[];
  const { root, result, find } = await scanTree(
    'windows',
    'win32',
    (r) => ({
      USERPROFILE: join(r, 'Users/u'),
      LOCALAPPDATA: join(r, 'Users/u/AppData/Local'),
      APPDATA: join(r, 'Users/u/AppData/Roaming'),
      ProgramFiles: join(r, 'Program Files'),
      ProgramData: join(r, 'ProgramData'),
      PATH: [
        join(r, 'Users/u/AppData/Local/Python/bin'),
        join(r, 'Users/u/AppData/Local/Microsoft/WindowsApps'),
        join(r, 'Users/u/AppData/Local/Programs/Python/Python312'),
      ].join(';'),
    }),
    'Users/u/proj',
    registry,
  );
  assertListedOnce(result);
  const expect: [string, string, string | null][] = [
    ['Users/u/AppData/Local/Programs/Python/Python312/python.exe', 'python.org', '3.12.6'],
    ['Program Files/Python311/python.exe', 'python.org', null],
    ['ProgramData/anaconda3/python.exe', 'conda', '3.12.4'],
    [
      'Users/u/AppData/Local/Microsoft/WindowsApps/PythonSoftwareFoundation.Python.3.13_qbz5n2kfra8p0/python.exe',
      'microsoft-store',
      '3.13',
    ],
    ['Users/u/AppData/Local/Python/pythoncore-3.14-64/python.exe', 'python-manager', null],
    ['Users/u/.pyenv/pyenv-win/versions/3.10.11/python.exe', 'pyenv-win', '3.10.11'],
    ['Users/u/AppData/Roaming/uv/python/cpython-3.12.8-windows-x86_64-none/python.exe', 'uv', '3.12.8'],
    ['Users/u/pipx/venvs/httpie/Scripts/python.exe', 'pipx', '3.12.6'],
    ['Users/u/proj/.venv/Scripts/python.exe', 'venv', '3.12.6'],
  ];
  for (const [path, kind, version] of expect) {
    const env = find(path);
    assert.equal(env.kind, kind, path);
    assert.equal(env.version, version, path);
  }
  assert.equal(
    result.environments.length,
    expect.length,
    result.environments.map((e) => e.executable).join('\n'),
  );
  const store = find(
    'Users/u/AppData/Local/Microsoft/WindowsApps/PythonSoftwareFoundation.Python.3.13_qbz5n2kfra8p0/python.exe',
  );
  assert.equal(store.prediction.outcome, 'user-default');
  assert.equal(
    store.prediction.directory,
    join(
      root,
      'Users/u/AppData/Local/Packages/PythonSoftwareFoundation.Python.3.13_qbz5n2kfra8p0/LocalCache/local-packages/Python313/site-packages',
    ),
  );
  assert.equal(
    find('Users/u/AppData/Roaming/uv/python/cpython-3.12.8-windows-x86_64-none/python.exe').prediction
      .outcome,
    'error-externally-managed',
  );
  assert.equal(find('Users/u/proj/.venv/Scripts/python.exe').prediction.outcome, 'error-pip-missing');
  assert.equal(
    find('Users/u/AppData/Local/Programs/Python/Python312/python.exe').prediction.directory,
    join(root, 'Users/u/AppData/Local/Programs/Python/Python312/Lib/site-packages'),
  );
  // The registry's stale 3.9 entry (folder gone) is not listed.
  assert.ok(!result.environments.some((e) => e.executable.includes('Python39')));
  const status = Object.fromEntries(result.locators.map((l) => [l.name, l.status]));
  assert.equal(status['windows-registry'], 'ok');
  assert.equal(status.pyenv, 'skipped');
});

test('Linux: Fedora, a /usr/local build, conda in /opt, virtualenvwrapper, a uv project venv', async () => {
  const { root, result, find } = await scanTree(
    'linux',
    'linux',
    (r) => ({
      HOME: join(r, 'home/u'),
      WORKON_HOME: join(r, 'home/u/envs'),
      MAMBA_ROOT_PREFIX: join(r, 'home/u/micromamba'),
      PATH: join(r, 'usr/local/bin'),
    }),
    'home/u/work',
  );
  assertListedOnce(result);
  const expect: [string, string, string | null][] = [
    ['usr/bin/python3', 'system', '3.13.1'],
    ['usr/local/bin/python3', 'usr-local', '3.12.8'],
    ['opt/conda/bin/python3', 'conda', '3.11.11'],
    ['data/envs/ml/bin/python3', 'conda', '3.10.16'],
    ['home/u/envs/api/bin/python3', 'virtualenvwrapper', '3.12.8'],
    ['home/u/envs/old/bin/python3', 'virtualenvwrapper', '3.8.10'],
    ['home/u/work/.venv/bin/python3', 'uv-venv', '3.12.8'],
    ['home/u/micromamba/envs/tools/bin/python3', 'conda', '3.12.8'],
  ];
  for (const [path, kind, version] of expect) {
    const env = find(path);
    assert.equal(env.kind, kind, path);
    assert.equal(env.version, version, path);
  }
  assert.equal(
    result.environments.length,
    expect.length,
    result.environments.map((e) => e.executable).join('\n'),
  );
  assert.equal(
    find('usr/bin/python3').prediction.directory,
    join(root, 'usr/local/lib/python3.13/site-packages'),
  );
  assert.equal(find('opt/conda/bin/python3').manager, 'mamba');
  assert.equal(find('home/u/micromamba/envs/tools/bin/python3').manager, 'micromamba');
  assert.ok(find('home/u/envs/old/bin/python3').problems.includes('venv-base-missing'));
  assert.equal(
    find('home/u/envs/api/bin/python3').prediction.directory,
    join(root, 'home/u/envs/api/lib/python3.12/site-packages'),
  );
});
