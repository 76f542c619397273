// create-venv with a real interpreter: `python -m venv`, then the named package installed from a
// wheel built here (PyPI is out of reach). Applied, applied again (no change), undone, dry-run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runFix } from '../../src/commands/fix.js';
import type { Fix } from '../../src/core/types.js';
import { captureIO, finding, report, snapshot } from '../fixtures/apply/tree.js';
import { tempDir } from '../fixtures/temp.js';

function python312(): string | null {
  const root = '/root/.pyenv/versions';
  try {
    const version = readdirSync(root).find((v) => v.startsWith('3.12.'));
    return version ? join(root, version, 'bin', 'python') : null;
  } catch {
    return null;
  }
}

/** A pure-Python wheel with one module, written with the stdlib's zipfile. */
function buildWheel(python: string, dir: string): void {
  const script = `
import base64, hashlib, sys, zipfile
files = {
  "tinyapp/__init__.py": "VALUE = 42\\n",
  "tinyapp-1.0.dist-info/METADATA": "Metadata-Version: 2.1\\nName: tinyapp\\nVersion: 1.0\\n",
  "tinyapp-1.0.dist-info/WHEEL": "Wheel-Version: 1.0\\nGenerator: pip-doctor-test\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n",
}
def digest(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data.encode()).digest()).rstrip(b"=").decode()
record = "".join(f"{name},{digest(data)},{len(data.encode())}\\n" for name, data in files.items())
record += "tinyapp-1.0.dist-info/RECORD,,\\n"
with zipfile.ZipFile(sys.argv[1] + "/tinyapp-1.0-py3-none-any.whl", "w") as z:
    for name, data in files.items():
        z.writestr(name, data)
    z.writestr("tinyapp-1.0.dist-info/RECORD", record)
`;
  const result = spawnSync(python, ['-c', script, dir], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
}

test('create-venv with a package: dry-run, apply, re-check in the venv, apply again, undo', async (t) => {
  const python = python312();
  if (!python || !existsSync(python)) {
    t.skip('no /root/.pyenv/versions/3.12.* interpreter on this machine');
    return;
  }
  const root = tempDir('pip-doctor-venv-');
  const home = join(root, 'home');
  const project = join(home, 'project');
  const wheels = join(root, 'wheels');
  mkdirSync(project, { recursive: true });
  mkdirSync(wheels);
  buildWheel(python, wheels);
  const venv = join(project, '.venv');
  const env: NodeJS.ProcessEnv = {
    HOME: home,
    XDG_STATE_HOME: join(root, 'state'),
    // A plain PATH: tools elsewhere on it (rustup shims...) may write into HOME.
    PATH: '/usr/local/bin:/usr/bin:/bin',
    PIP_NO_INDEX: '1',
    PIP_FIND_LINKS: wheels,
    PIP_DISABLE_PIP_VERSION_CHECK: '1',
    PIP_NO_CACHE_DIR: '1',
  };
  const fix: Fix = {
    id: 'create-venv',
    title: 'create a virtual environment for this project and install into it',
    kind: 'safe',
    commands: [],
    shell: 'bash',
    for: ['externally-managed'],
    action: { type: 'create-venv', python, directory: venv, packages: ['tinyapp'] },
  };
  const calls: Array<string | undefined> = [];
  const run = async (args: string[]) => {
    const io = captureIO(env, project);
    const code = await runFix(args, io.io, {
      diagnose: async (options) => {
        calls.push(options.python);
        // The re-check with the venv's python finds nothing; the system python still has the problem.
        return options.python === join(venv, 'bin', 'python')
          ? report([], [])
          : report([finding('externally-managed')], [fix]);
      },
      now: () => new Date('2026-11-26T10:00:00Z'),
    });
    return { code, out: io.stdout() + io.stderr() };
  };

  const before = snapshot(root);
  const dry = await run(['--dry-run']);
  assert.match(
    dry.out,
    new RegExp(`run: ${python.replaceAll('.', '\\.')} -m venv ${venv.replaceAll('.', '\\.')}`),
  );
  assert.match(dry.out, /run: .*\.venv\/bin\/python -m pip install tinyapp/);
  assert.deepEqual(snapshot(root), before, 'dry-run wrote nothing');

  const applied = await run(['--yes']);
  assert.equal(applied.code, 0, applied.out);
  assert.match(applied.out, /activate it in your shell with: source \.venv\/bin\/activate/);
  assert.equal(calls.at(-1), join(venv, 'bin', 'python'), 're-checked with the new venv');
  const imported = spawnSync(join(venv, 'bin', 'python'), ['-c', 'import tinyapp; print(tinyapp.VALUE)'], {
    encoding: 'utf8',
  });
  assert.equal(imported.stdout.trim(), '42', imported.stderr);
  const after = snapshot(root);

  const again = await run(['--yes']);
  assert.match(again.out, /Already in place:\n {2}- create a virtual environment/);
  assert.deepEqual(snapshot(root), after, 'applying twice changes nothing');

  // The venv now exists without the package: only the install runs, and undo uninstalls it.
  const site = join(venv, 'lib', 'python3.12', 'site-packages');
  spawnSync(join(venv, 'bin', 'python'), ['-m', 'pip', 'uninstall', '-y', 'tinyapp'], { env });
  assert.doesNotMatch(readdirSync(site).join(' '), /tinyapp/);
  const install = await run(['--yes']);
  assert.equal(install.code, 0, install.out);
  assert.doesNotMatch(install.out, /-m venv/);
  assert.match(readdirSync(site).join(' '), /tinyapp-1\.0\.dist-info/);
  const uninstall = await run(['--undo']);
  assert.equal(uninstall.code, 0, uninstall.out);
  assert.doesNotMatch(readdirSync(site).join(' '), /tinyapp/);
  assert.ok(existsSync(join(venv, 'pyvenv.cfg')), 'undoing the install keeps the venv');

  // The first record: the venv pip-doctor created goes.
  const undo = await run(['--undo']);
  assert.equal(undo.code, 0, undo.out);
  assert.equal(existsSync(venv), false);
  const noState = (s: Record<string, string>) =>
    Object.fromEntries(Object.entries(s).filter(([k]) => !k.startsWith('state')));
  assert.deepEqual(noState(snapshot(root)), noState(before), 'undo removed the venv it created');
  rmSync(root, { recursive: true, force: true });
});
