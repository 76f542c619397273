// `pip-doctor fix` end to end in temp homes, with a fake diagnosis that looks at the real files:
// every file action applied, applied again (no change), undone (byte-identical), and dry-run
// (nothing written, whole-tree comparison).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { runFix } from '../../../src/commands/fix.js';
import type { CheckReport } from '../../../src/core/report.js';
import type { Fix, FixAction } from '../../../src/core/types.js';
import { captureIO, finding, report, snapshot } from '../../fixtures/apply/tree.js';
import { tempDir } from '../../fixtures/temp.js';

interface Home {
  root: string;
  home: string;
  project: string;
  state: string;
  env: NodeJS.ProcessEnv;
}

function makeHome(files: Record<string, string | { text: string; mode: number }> = {}): Home {
  const root = tempDir('pip-doctor-fix-');
  const home = join(root, 'home');
  const project = join(home, 'project');
  const state = join(root, 'state');
  mkdirSync(project, { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    const path = join(home, rel);
    mkdirSync(join(path, '..'), { recursive: true });
    if (typeof content === 'string') writeFileSync(path, content);
    else writeFileSync(path, content.text, { mode: content.mode });
  }
  return {
    root,
    home,
    project,
    state,
    env: { HOME: home, XDG_STATE_HOME: state, PATH: process.env['PATH'] ?? '' },
  };
}

function fixOf(id: string, action: FixAction, o: Partial<Fix> = {}): Fix {
  return {
    id,
    title: `fix ${id}`,
    kind: 'confirm',
    commands: ['(printed command)'],
    shell: 'bash',
    for: ['problem'],
    action,
    ...o,
  };
}

async function fix(h: Home, args: string[], diagnose: () => CheckReport) {
  const captured = captureIO(h.env, h.project);
  const code = await runFix(args, captured.io, {
    diagnose: async () => diagnose(),
    now: () => new Date('2026-11-26T10:00:00Z'),
  });
  return { code, out: captured.stdout(), err: captured.stderr() };
}

/** The full cycle every action must pass. */
async function cycle(h: Home, diagnose: () => CheckReport, expectDiff: RegExp) {
  const before = snapshot(h.root);
  const dry = await fix(h, ['--dry-run'], diagnose);
  assert.match(dry.out, expectDiff);
  assert.deepEqual(snapshot(h.root), before, 'dry-run changed nothing, not even the state folder');

  const first = await fix(h, ['--yes'], diagnose);
  assert.equal(first.code, 0, first.out + first.err);
  const applied = snapshot(h.root);
  assert.notDeepEqual(applied, before);

  const second = await fix(h, ['--yes'], diagnose);
  assert.deepEqual(snapshot(h.root), applied, 'applying twice changes nothing the second time');
  assert.match(second.out, /Already in place|Nothing to fix/);

  const undo = await fix(h, ['--undo'], diagnose);
  assert.equal(undo.code, 0, undo.out + undo.err);
  const home = (s: Record<string, string>) =>
    Object.fromEntries(Object.entries(s).filter(([k]) => k.startsWith('home')));
  assert.deepEqual(home(snapshot(h.root)), home(before), 'undo restores every file byte-identical');
  rmSync(h.root, { recursive: true, force: true });
}

const pathFinding = finding('scripts-not-on-path', 'warning');

for (const [shell, profile, file, env, expected] of [
  ['bash', '~/.bashrc', '.bashrc', {}, 'export PATH="$HOME/.local/bin:$PATH"'],
  ['zsh', '$ZDOTDIR/.zshrc', 'zsh/.zshrc', { ZDOTDIR: 'zsh' }, 'export PATH="$HOME/.local/bin:$PATH"'],
  ['fish', '~/.config/fish/config.fish', '.config/fish/config.fish', {}, 'contains -- '],
  [
    'powershell',
    'HKCU\\Environment\\Path',
    '.config/powershell/Microsoft.PowerShell_profile.ps1',
    {},
    '$env:Path =',
  ],
] as const) {
  for (const existing of [true, false]) {
    test(`add-to-path for ${shell} (${existing ? 'profile exists' : 'new profile'}): apply, again, undo, dry-run`, async () => {
      const h = makeHome(
        existing ? { [file]: { text: '# my settings\nalias ll="ls -l"', mode: 0o600 } } : {},
      );
      if ('ZDOTDIR' in env) h.env['ZDOTDIR'] = join(h.home, env.ZDOTDIR);
      const f = fixOf(
        'add-scripts-to-path',
        {
          type: 'add-to-path',
          directory: join(h.home, '.local/bin'),
          shell,
          profile,
        },
        { shell, for: [pathFinding.id] },
      );
      const diagnose = () => report([pathFinding], [f]);
      const expectDiff = new RegExp(`\\+${expected.replace(/[$()[\]*+?.\\^|{}]/g, '\\$&')}`);
      // Before the cycle removes it: check the file really gets the block, with its mode kept.
      await cycle(h, diagnose, expectDiff);
    });
  }
}

test('add-to-path writes the marked block and keeps the file mode; the warning waits for a new shell', async () => {
  const h = makeHome({ '.bashrc': { text: 'x=1\n', mode: 0o600 } });
  const f = fixOf(
    'add-scripts-to-path',
    { type: 'add-to-path', directory: join(h.home, '.local/bin'), shell: 'bash', profile: '~/.bashrc' },
    { for: [pathFinding.id] },
  );
  const result = await fix(h, ['--yes'], () => report([pathFinding], [f]));
  assert.equal(result.code, 0);
  assert.match(result.out, /pending\s+scripts-not-on-path/);
  assert.match(result.out, /takes effect in a new shell/);
  assert.equal(
    readFileSync(join(h.home, '.bashrc'), 'utf8'),
    'x=1\n\n# >>> pip-doctor >>>\n# added by pip-doctor on 2026-11-26; `pip-doctor fix --undo` removes it\nexport PATH="$HOME/.local/bin:$PATH"\n# <<< pip-doctor <<<\n',
  );
  assert.match(snapshot(h.home)['.bashrc'] ?? '', / 600 /);
  rmSync(h.root, { recursive: true, force: true });
});

const CONFIG =
  '# pip settings\r\n[global]\r\ntimeout = 60\r\nuser = true\r\n\r\n[install]\r\nprogress-bar = off';

test('remove-config-key: re-check passes once the key is commented out; undo restores the bytes', async () => {
  const h = makeHome({ '.config/pip/pip.conf': { text: CONFIG, mode: 0o640 } });
  const file = join(h.home, '.config/pip/pip.conf');
  const f = fixOf(
    'comment-out-user',
    { type: 'remove-config-key', file, section: 'global', key: 'user' },
    { for: ['config-sets-user'] },
  );
  const diagnose = () =>
    /^user = true/m.test(readFileSync(file, 'utf8'))
      ? report([finding('config-sets-user')], [f])
      : report([], []);
  await cycle(h, diagnose, /-user = true\r?\n\s+\+# user = true/);
});

test('remove-config-key reports "fixed" after the re-check', async () => {
  const h = makeHome({ '.config/pip/pip.conf': CONFIG });
  const file = join(h.home, '.config/pip/pip.conf');
  const f = fixOf(
    'comment-out-user',
    { type: 'remove-config-key', file, section: 'global', key: 'user' },
    { for: ['config-sets-user'] },
  );
  const diagnose = () =>
    /^user = true/m.test(readFileSync(file, 'utf8'))
      ? report([finding('config-sets-user')], [f])
      : report([], []);
  const result = await fix(h, ['--yes'], diagnose);
  assert.equal(result.code, 0, result.out);
  assert.match(result.out, /fixed\s+config-sets-user/);
  assert.equal(readFileSync(file, 'utf8'), CONFIG.replace('user = true', '# user = true'));
  rmSync(h.root, { recursive: true, force: true });
});

test('set-config-key creates the file and its folder; undo removes both', async () => {
  const h = makeHome();
  const file = join(h.home, '.config/pip/pip.conf');
  const f = fixOf('set-no-user', {
    type: 'set-config-key',
    file,
    section: 'install',
    key: 'user',
    value: 'false',
  });
  const diagnose = () => {
    try {
      readFileSync(file);
      return report([], []);
    } catch {
      return report([finding('problem')], [f]);
    }
  };
  await cycle(h, diagnose, /\+\[install\]\n\s+\+user = false/);
});

test('a file outside the home and the project is not touched without --allow-outside', async () => {
  const h = makeHome();
  const outside = join(h.root, 'etc-pip.conf');
  writeFileSync(outside, '[global]\nuser = true\n');
  const f = fixOf('comment-out-user', {
    type: 'remove-config-key',
    file: outside,
    section: 'global',
    key: 'user',
  });
  const before = snapshot(h.root);
  const result = await fix(h, ['--yes'], () => report([finding('problem')], [f]));
  assert.equal(result.code, 1);
  assert.match(result.out, /outside your home and the project folder \(--allow-outside/);
  assert.deepEqual(snapshot(h.root), before);
  const allowed = await fix(h, ['--yes', '--allow-outside'], () =>
    /^user/m.test(readFileSync(outside, 'utf8')) ? report([finding('problem')], [f]) : report([], []),
  );
  assert.equal(allowed.code, 0, allowed.out + allowed.err);
  assert.equal(readFileSync(outside, 'utf8'), '[global]\n# user = true\n');
  rmSync(h.root, { recursive: true, force: true });
});

test('manual fixes are printed, never run; a symlinked profile is edited through the link', async () => {
  const h = makeHome({ 'dotfiles/bashrc': 'a=1\n' });
  const { symlinkSync } = await import('node:fs');
  symlinkSync(join(h.home, 'dotfiles/bashrc'), join(h.home, '.bashrc'));
  const manual: Fix = {
    id: 'break-system-packages',
    title: 'last resort',
    kind: 'manual',
    commands: ['python3 -m pip install --break-system-packages x'],
    shell: 'bash',
    for: ['problem'],
    risk: 'breaks things',
  };
  const path = fixOf('add-scripts-to-path', {
    type: 'add-to-path',
    directory: '/opt/bin',
    shell: 'bash',
    profile: '~/.bashrc',
  });
  const result = await fix(h, ['--yes'], () => report([finding('problem')], [path, manual]));
  assert.match(result.out, /Run these yourself[\s\S]*--break-system-packages x[\s\S]*risk: breaks things/);
  assert.match(snapshot(h.home)['.bashrc'] ?? '', /^link /);
  assert.match(readFileSync(join(h.home, 'dotfiles/bashrc'), 'utf8'), /export PATH="\/opt\/bin:\$PATH"/);
  await fix(h, ['--undo'], () => report([], []));
  assert.equal(readFileSync(join(h.home, 'dotfiles/bashrc'), 'utf8'), 'a=1\n');
  rmSync(h.root, { recursive: true, force: true });
});

test('without a terminal and without --yes, fix only lists; with CI set it never prompts', async () => {
  const h = makeHome({ '.bashrc': '' });
  const f = fixOf('add-scripts-to-path', {
    type: 'add-to-path',
    directory: '/opt/bin',
    shell: 'bash',
    profile: '~/.bashrc',
  });
  const before = snapshot(h.root);
  const listed = await fix(h, [], () => report([finding('problem')], [f]));
  assert.equal(listed.code, 1);
  assert.match(listed.out, /\*1\. \[confirm\] fix add-scripts-to-path/);
  assert.match(listed.out, /Nothing was changed: run `pip-doctor fix --yes`/);
  assert.deepEqual(snapshot(h.root), before);
  rmSync(h.root, { recursive: true, force: true });
});

test('--json is one document; --undo with nothing recorded says so; bad usage is a UsageError', async () => {
  const h = makeHome({ '.bashrc': '' });
  const f = fixOf('add-scripts-to-path', {
    type: 'add-to-path',
    directory: '/opt/bin',
    shell: 'bash',
    profile: '~/.bashrc',
  });
  const dry = await fix(h, ['--dry-run', '--json'], () => report([finding('problem')], [f]));
  const doc = JSON.parse(dry.out) as {
    schemaVersion: number;
    fixes: Array<{ status: string; steps: Array<{ diff: string }> }>;
  };
  assert.equal(doc.schemaVersion, 1);
  assert.equal(doc.fixes[0]?.status, 'ready');
  assert.match(doc.fixes[0]?.steps[0]?.diff ?? '', /\+export PATH="\/opt\/bin:\$PATH"/);
  const nothing = await fix(h, ['--undo'], () => report([], []));
  assert.match(nothing.out, /Nothing to undo/);
  await assert.rejects(
    fix(h, ['extra'], () => report([], [])),
    /unexpected argument 'extra'/,
  );
  await assert.rejects(
    fix(h, ['--undo', '--yes'], () => report([], [])),
    /--undo does not take --yes/,
  );
  rmSync(h.root, { recursive: true, force: true });
});

test('undo refuses when the file changed after the fix, and changes nothing', async () => {
  const h = makeHome({ '.bashrc': 'a=1\n' });
  const f = fixOf('add-scripts-to-path', {
    type: 'add-to-path',
    directory: '/opt/bin',
    shell: 'bash',
    profile: '~/.bashrc',
  });
  await fix(h, ['--yes'], () => report([finding('problem')], [f]));
  writeFileSync(join(h.home, '.bashrc'), 'edited by the user\n');
  const before = snapshot(h.root);
  const undo = await fix(h, ['--undo'], () => report([], []));
  assert.equal(undo.code, 1);
  assert.match(undo.err, /changed after pip-doctor edited it/);
  assert.deepEqual(snapshot(h.root), before);
  rmSync(h.root, { recursive: true, force: true });
});

/** A terminal whose keys are typed by the test. */
function terminal(h: Home, keys: string[]) {
  const captured = captureIO(h.env, h.project, true);
  const stdin = new PassThrough() as PassThrough & { isTTY: boolean; setRawMode: (on: boolean) => void };
  stdin.isTTY = true;
  stdin.setRawMode = () => {};
  captured.io.stdin = stdin;
  // Each key goes in once the question is on the screen.
  let asked = 0;
  const timer = setInterval(() => {
    const questions = (captured.stdout().match(/\? \[/g) ?? []).length;
    if (questions > asked && keys.length > 0) {
      asked = questions;
      stdin.write(keys.shift() as string);
    }
  }, 5);
  return { captured, stop: () => clearInterval(timer) };
}

test('on a terminal: pick the default, see the diff, confirm; Ctrl-C at either question changes nothing', async () => {
  const f = fixOf('add-scripts-to-path', {
    type: 'add-to-path',
    directory: '/opt/bin',
    shell: 'bash',
    profile: '~/.bashrc',
  });
  const diagnose = async () => report([finding('problem', 'warning')], [f]);
  const deps = { diagnose, now: () => new Date('2026-11-26T10:00:00Z') };
  for (const keys of [['\x03'], ['\r', '\x03'], ['\r', 'n\r']]) {
    const h = makeHome({ '.bashrc': 'a=1\n' });
    const before = snapshot(h.root);
    const t = terminal(h, [...keys]);
    const code = await runFix([], t.captured.io, deps).finally(t.stop);
    assert.equal(code, 0);
    assert.match(t.captured.stdout(), /Nothing was changed/);
    assert.deepEqual(snapshot(h.root), before, `keys ${JSON.stringify(keys)} changed nothing`);
    rmSync(h.root, { recursive: true, force: true });
  }
  const h = makeHome({ '.bashrc': 'a=1\n' });
  const t = terminal(h, ['\r', 'y\r']);
  const code = await runFix([], t.captured.io, deps).finally(t.stop);
  assert.equal(code, 0, t.captured.stdout());
  assert.match(
    t.captured.stdout(),
    /Which fix\? \[1\][\s\S]*\+export PATH="\/opt\/bin:\$PATH"[\s\S]*Apply these changes\? \[y\/N\]/,
  );
  assert.match(readFileSync(join(h.home, '.bashrc'), 'utf8'), /# >>> pip-doctor >>>/);
  // CI set: never a question, even on a terminal.
  const ci = terminal({ ...h, env: { ...h.env, CI: 'true' } }, []);
  await runFix(['--undo'], ci.captured.io, deps);
  const listed = await runFix([], ci.captured.io, deps).finally(ci.stop);
  assert.equal(listed, 0);
  assert.doesNotMatch(ci.captured.stdout(), /Which fix\?/);
  rmSync(h.root, { recursive: true, force: true });
});
