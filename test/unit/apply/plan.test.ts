// The planner decides from a view of the disk: which fixes it may apply, and the exact steps.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type FileStat, type FileView, type PlanHost, planFix } from '../../../src/apply/plan.js';
import type { Fix, FixAction } from '../../../src/core/types.js';

/** An in-memory disk: files (text) and folders, all owned by uid 1000. */
function view(files: Record<string, string>, dirs: string[] = []): FileView {
  const stat = (isDirectory: boolean): FileStat => ({
    isDirectory,
    isSymlink: false,
    mode: 0o644,
    uid: 1000,
    gid: 1000,
  });
  const allDirs = new Set(['/', '/home', ...dirs]);
  for (const p of Object.keys(files)) {
    for (let d = p.slice(0, p.lastIndexOf('/')); d; d = d.slice(0, d.lastIndexOf('/'))) allDirs.add(d);
  }
  return {
    read: (p) => (p in files ? Buffer.from(files[p] as string) : null),
    stat: (p) => (p in files ? stat(false) : allDirs.has(p) ? stat(true) : null),
    realPath: (p) => (p in files || allDirs.has(p) ? p : null),
    list: (d) =>
      [...Object.keys(files), ...allDirs]
        .filter((p) => p.startsWith(`${d}/`) && !p.slice(d.length + 1).includes('/'))
        .map((p) => p.slice(d.length + 1)),
  };
}

function host(fs: FileView, o: Partial<PlanHost> = {}): PlanHost {
  return {
    platform: 'linux',
    env: {},
    home: '/home/alice',
    projectDir: '/home/alice/site',
    euid: 1000,
    today: '2026-11-26',
    allowOutside: false,
    fs,
    ...o,
  };
}

function fix(action: FixAction, o: Partial<Fix> = {}): Fix {
  return { id: 'f', title: 'f', kind: 'confirm', commands: [], shell: 'bash', for: ['p'], action, ...o };
}

test('manual fixes and fixes without an action are never planned', () => {
  const fs = view({});
  const manual = planFix(
    fix(
      { type: 'add-to-path', directory: '/x', shell: 'bash', profile: '~/.bashrc' },
      { kind: 'manual', risk: 'r' },
    ),
    host(fs),
  );
  assert.equal(manual.status, 'not-applicable');
  assert.equal(
    planFix({ ...fix({ type: 'chown', paths: [], uid: 1, gid: 1 }), action: undefined }, host(fs)).status,
    'not-applicable',
  );
});

test('chown is planned only as root, only inside the home, never to root, and lists what changes', () => {
  const fs = view({ '/home/alice/.cache/pip/a': 'x' });
  const action: FixAction = { type: 'chown', paths: ['/home/alice/.cache/pip'], uid: 1000, gid: 1000 };
  const asUser = planFix(fix(action, { kind: 'manual', risk: 'r' }), host(fs));
  assert.deepEqual(asUser, {
    status: 'not-applicable',
    reason: 'needs root: run the command yourself, or `sudo pip-doctor fix`',
  });
  // Everything already belongs to uid 1000 in this view.
  assert.equal(planFix(fix(action, { kind: 'manual' }), host(fs, { euid: 0 })).status, 'done');
  const toOther = planFix(fix({ ...action, uid: 1001 }, { kind: 'manual' }), host(fs, { euid: 0 }));
  assert.equal(toOther.status, 'ready');
  if (toOther.status === 'ready') {
    const step = toOther.plan.steps[0];
    assert.equal(step?.kind, 'chown');
    if (step?.kind === 'chown')
      assert.deepEqual(
        step.entries.map((e) => e.path),
        ['/home/alice/.cache/pip', '/home/alice/.cache/pip/a'],
      );
  }
  const outside = planFix(fix({ ...action, paths: ['/usr/lib'] }, { kind: 'manual' }), host(fs, { euid: 0 }));
  assert.equal(outside.status, 'not-applicable');
  assert.equal(planFix(fix({ ...action, uid: 0 }), host(fs, { euid: 0 })).status, 'not-applicable');
});

test('create-venv: new venv, existing venv with the package installed, a folder that is not a venv', () => {
  const action: FixAction = {
    type: 'create-venv',
    python: '/usr/bin/python3',
    directory: '/home/alice/site/.venv',
    packages: ['Black'],
  };
  const fresh = planFix(fix(action, { kind: 'safe' }), host(view({}, ['/home/alice/site'])));
  assert.equal(fresh.status, 'ready');
  if (fresh.status === 'ready') {
    assert.deepEqual(
      fresh.plan.steps.map((s) => (s.kind === 'run' ? s.display : s.kind)),
      [
        '/usr/bin/python3 -m venv /home/alice/site/.venv',
        '/home/alice/site/.venv/bin/python -m pip install Black',
      ],
    );
    assert.deepEqual(fresh.plan.notes, ['activate it in your shell with: source .venv/bin/activate']);
  }
  const installed = view({
    '/home/alice/site/.venv/pyvenv.cfg': 'home = /usr/bin',
    '/home/alice/site/.venv/lib/python3.12/site-packages/black-24.1.0.dist-info/METADATA': '',
  });
  assert.equal(planFix(fix(action), host(installed)).status, 'done');
  const notVenv = view({ '/home/alice/site/.venv/notes.txt': '' });
  const refused = planFix(fix(action), host(notVenv));
  assert.equal(refused.status, 'not-applicable');
  if (refused.status === 'not-applicable') assert.match(refused.reason, /is not a virtual environment/);
});

test('install-app runs pipx or uv tool for apps not installed yet, each undone by uninstall', () => {
  const fs = view({ '/home/alice/.local/share/pipx/venvs/ruff/pyvenv.cfg': '' }, ['/home/alice/site']);
  const pipx = planFix(
    fix({ type: 'install-app', tool: 'pipx', toolPath: '/usr/bin/pipx', packages: ['ruff', 'httpie'] }),
    host(fs),
  );
  assert.equal(pipx.status, 'ready');
  if (pipx.status === 'ready') {
    assert.deepEqual(pipx.plan.steps, [
      {
        kind: 'run',
        argv: ['/usr/bin/pipx', 'install', 'httpie'],
        display: 'pipx install httpie',
        cwd: '/home/alice/site',
        creates: null,
        undo: ['/usr/bin/pipx', 'uninstall', 'httpie'],
      },
    ]);
  }
  const uv = planFix(
    fix({ type: 'install-app', tool: 'uv', toolPath: '/bin/uv', packages: ['ruff'] }),
    host(fs),
  );
  assert.equal(
    uv.status === 'ready' && uv.plan.steps[0]?.kind === 'run' && uv.plan.steps[0].display,
    'uv tool install ruff',
  );
});

test('files that are not UTF-8 are left for the user', () => {
  const fs: FileView = {
    ...view({ '/home/alice/.bashrc': '' }),
    read: () => Buffer.from([0xff, 0xfe, 0x41]),
  };
  const result = planFix(
    fix({ type: 'add-to-path', directory: '/x', shell: 'bash', profile: '~/.bashrc' }),
    host(fs),
  );
  assert.equal(result.status, 'not-applicable');
});
