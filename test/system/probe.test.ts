// The probe on every real interpreter here, and the one-line failures for bad ones.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DoctorError } from '../../src/core/errors.js';
import { runProbe } from '../../src/probe/run-probe.js';
import { tempDir } from '../fixtures/temp.js';

const PYENV = '/root/.pyenv/versions';
const interpreters = [
  ...(existsSync(PYENV) ? readdirSync(PYENV).map((v) => join(PYENV, v, 'bin', 'python')) : []),
  '/usr/bin/python3',
].filter((p) => existsSync(p));

const run = (executable: string, timeoutMs = 10_000) =>
  runProbe({ executable, env: process.env, cwd: tmpdir(), timeoutMs });

test('the probe reports the facts of every interpreter on this machine', async (t) => {
  if (interpreters.length === 0) t.skip('no Python interpreters found on this machine');
  for (const python of interpreters) {
    const facts = await run(python);
    assert.match(facts.python.version, /^[23]\.\d+\.\d+$/, python);
    assert.deepEqual(Object.keys(facts.errors), [], `${python}: ${JSON.stringify(facts.errors)}`);
    assert.ok(facts.sysconfig.stdlib, python);
    assert.ok(facts.pip.version, `${python} has pip`);
    // distutils is imported only when this pip computes locations with it (Python <= 3.9 here).
    const [major, minor] = facts.python.versionInfo;
    if (major < 3 || minor < 10) assert.ok(facts.distutils?.cases, `${python}: distutils schemes computed`);
    else assert.equal(facts.distutils, null, `${python}: distutils not imported with a sysconfig pip`);
  }
});

function script(body: string): string {
  const dir = tempDir('pd-bad-');
  const file = join(dir, 'python');
  writeFileSync(file, body);
  chmodSync(file, 0o755);
  return file;
}

test('an interpreter that prints junk at start-up is still read correctly', async (t) => {
  const python = interpreters[0];
  if (!python) return t.skip('no Python interpreter found on this machine');
  const noisy = script(
    `#!/bin/sh\necho 'junk {"probeVersion": 99} @@pip-doctor-begin-x@@'\nprintf '\\0\\1binary'\nexec ${python} "$@"\n`,
  );
  const facts = await run(noisy);
  assert.equal(facts.probeVersion, 1);
});

test('bad interpreters give a one-line DoctorError quickly', async () => {
  const cases: Array<[string, string, RegExp]> = [
    ['missing', '/nonexistent/python', /no such file/],
    [
      'not executable',
      (() => {
        const f = script('x');
        chmodSync(f, 0o644);
        return f;
      })(),
      /permission denied/,
    ],
    ['not python', script('#!/bin/sh\necho hello\n'), /did not print the probe report/],
    ['crashes', script('#!/bin/sh\necho boom >&2\nexit 3\n'), /exited with status 3: boom/],
    ['killed', script('#!/bin/sh\nkill -9 $$\n'), /killed by SIGKILL/],
  ];
  for (const [name, file, pattern] of cases) {
    const started = Date.now();
    await assert.rejects(run(file), (error: unknown) => {
      assert.ok(error instanceof DoctorError, name);
      assert.match(error.message, pattern, name);
      assert.ok(!error.message.includes('\n'), `${name}: one line`);
      return true;
    });
    assert.ok(Date.now() - started < 5000, `${name} answered within 5 s`);
  }
});

test('a hanging interpreter is killed at the timeout', async () => {
  const started = Date.now();
  await assert.rejects(run(script('#!/bin/sh\nexec sleep 60\n'), 500), /did not answer within/);
  assert.ok(Date.now() - started < 3000);
});
