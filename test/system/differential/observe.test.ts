// The classifier that turns real pip's result into an outcome (used by the recorder and the test).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { observe, onSameBranch, type PipRunFacts } from './observe.js';

const env = { HOME: '/home/tester' };
const ok = (dir: string, stdout = 'Successfully installed tinypkg-0.1\n'): PipRunFacts => ({
  exitCode: 0,
  stdout,
  stderr: '',
  distInfoDirs: [dir],
  scriptDirs: [`${dir}/../../../bin`],
  env,
});
const failed = (exitCode: number, stderr: string): PipRunFacts => ({
  exitCode,
  stdout: '',
  stderr,
  distInfoDirs: [],
  scriptDirs: [],
  env,
});

test('successful installs are classified by where the .dist-info landed', () => {
  const sp = '/root/.pyenv/versions/3.11.7/lib/python3.11/site-packages';
  assert.equal(observe(ok(sp)).outcome, 'site-packages');
  assert.equal(observe(ok(sp)).directory, sp);
  const user = '/home/tester/.local/lib/python3.11/site-packages';
  assert.equal(observe(ok(user)).outcome, 'user');
  assert.equal(
    observe(ok(user, 'Defaulting to user installation because normal site-packages is not writeable\n'))
      .outcome,
    'user-default',
  );
  assert.equal(
    observe({
      ...ok('/home/work/ub/lib/python3.11/site-packages'),
      env: { ...env, PYTHONUSERBASE: '/home/work/ub' },
    }).outcome,
    'user',
  );
  assert.equal(observe(ok('/home/work/vendor')).outcome, 'target');
  assert.equal(observe(ok('/home/work/pfx/lib/python3.11/site-packages')).outcome, 'prefix');
  assert.equal(observe(ok(`/home/work/rootdir${sp}`)).outcome, 'root');
});

test("failures are classified by pip's message", () => {
  const cases: Array<[number, string, string]> = [
    [3, 'ERROR: Could not find an activated virtualenv (required).', 'error-require-virtualenv'],
    [
      1,
      'error: externally-managed-environment\n\n× This environment is externally managed',
      'error-externally-managed',
    ],
    [1, "ERROR: Can not combine '--user' and '--target'", 'error-user-target-conflict'],
    [
      1,
      "ERROR: Can not combine '--user' and '--prefix' as they imply different installation locations",
      'error-user-prefix-conflict',
    ],
    [
      1,
      "ERROR: Can not perform a '--user' install. User site-packages are not visible in this virtualenv.",
      'error-user-in-virtualenv',
    ],
    [1, '/usr/bin/python3: No module named pip', 'error-pip-missing'],
    [
      2,
      "distutils.errors.DistutilsOptionError: can't combine user with prefix, exec_prefix/home, or install_(plat)base",
      'error-user-target-conflict',
    ],
    [2, 'ERROR: Exception:\nTraceback (most recent call last):', 'unknown'],
  ];
  for (const [code, stderr, outcome] of cases)
    assert.equal(observe(failed(code, stderr)).outcome, outcome, stderr);
  const denied = observe(
    failed(
      1,
      "ERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '/home/missing'\n",
    ),
  );
  assert.equal(denied.outcome, 'error-permission');
  assert.equal(denied.errorPath, '/home/missing');
  assert.equal(denied.directory, null);
  const readOnly = observe(
    failed(
      1,
      "Could not install packages due to an EnvironmentError: [Errno 30] Read-only file system: '/x/tinypkg'",
    ),
  );
  assert.equal(readOnly.outcome, 'error-permission');
  assert.equal(readOnly.errorPath, '/x/tinypkg');
});

test('a path and the directory it failed under are on the same branch', () => {
  assert.ok(onSameBranch('/home/missing/.local/lib/python3.11/site-packages', '/home/missing'));
  assert.ok(onSameBranch('/a/site-packages', '/a/site-packages/tinypkg'));
  assert.ok(!onSameBranch('/a/site-packages', '/a/site'));
});
