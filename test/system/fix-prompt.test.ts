// `pip-doctor fix` on a terminal, as a user meets it: the built CLI runs in a pseudo-terminal
// (util-linux `script`), lists the fixes, asks which to apply, and an answer of "n" changes nothing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../fixtures/temp.js';

const CLI = resolve('dist/cli.cjs');

/** Debian's own python3, externally managed (PEP 668), so `fix` has a fix to offer. */
function managedPython(): string | null {
  const python = '/usr/bin/python3';
  if (!existsSync(python)) return null;
  const lib = readdirSync('/usr/lib').filter((name) => /^python3\.\d+$/.test(name));
  return lib.some((name) => existsSync(join('/usr/lib', name, 'EXTERNALLY-MANAGED'))) ? python : null;
}

function hasScript(): boolean {
  return spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
}

test('on a terminal, fix asks which fix to apply, and "n" changes nothing', (t) => {
  const python = managedPython();
  if (!python) return t.skip('no externally managed /usr/bin/python3 here (Debian python3)');
  if (!hasScript()) return t.skip('util-linux `script` (for a pseudo-terminal) is not installed');
  const root = tempDir('pd-fix-prompt-');
  const home = join(root, 'home');
  const project = join(root, 'project');
  for (const dir of [home, project]) mkdirSync(dir, { recursive: true });
  const { CI: _ci, ...inherited } = process.env;
  const command = `${process.execPath} ${CLI} fix --python ${python} -- requests`;
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd: project,
    // CI unset: with CI set, fix only lists the fixes and never asks.
    env: { ...inherited, HOME: home, XDG_STATE_HOME: join(root, 'state'), NO_COLOR: '1' },
    input: 'n\n',
    encoding: 'utf8',
    timeout: 60_000,
  });
  const output = result.stdout;
  assert.match(output, /externally-managed/, output);
  assert.match(output, /create a virtual environment for this project/, output);
  assert.match(output, /Which fix\? \[1\]/, output);
  assert.match(output, /Nothing was changed\./, output);
  assert.equal(result.status, 1, 'the problem remains: exit status 1');
  assert.deepEqual(readdirSync(project), [], 'no venv or any other file in the project');
  assert.equal(existsSync(join(root, 'state')), false, 'no record of an applied fix');
});
