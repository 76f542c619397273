// `pip-doctor explain` as a user meets it (dist/cli.cjs): files, pipes, --json, exit codes, bad
// input, and the live confirmation on this machine.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../fixtures/temp.js';

const CLI = resolve('dist/cli.cjs');
const FIXTURES = resolve('test/fixtures/pip-output');
const PEP668 = join(FIXTURES, 'recorded/pep668-root/debian-python3.11.txt');

function explain(args: string[], input = '', env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [CLI, 'explain', ...args], {
    env: { ...process.env, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    input,
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function oneLineError(result: ReturnType<typeof explain>, pattern: RegExp): void {
  assert.equal(result.status, 2, result.stderr);
  assert.equal(result.stdout, '');
  assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
  assert.match(result.stderr, pattern);
}

test('a recorded PEP 668 refusal: JSON per contract, exit 1', () => {
  const result = explain([PEP668, '--json', '--no-live']);
  assert.equal(result.status, 1, result.stderr);
  const json = JSON.parse(result.stdout);
  assert.equal(json.schemaVersion, 1);
  assert.equal(json.messages[0].kind, 'externally-managed');
  assert.equal(json.messages[0].line, 1);
  assert.equal(json.findings[0].cause, 'package-manager');
  assert.ok(Array.isArray(json.fixes) && json.fixes.length > 0);
});

test('piped in, as `pip install ... 2>&1 | pip-doctor explain`; `-` means standard input', () => {
  const log = readFileSync(join(FIXTURES, 'recorded/user-fallback/python3.11.7.txt'), 'utf8');
  for (const args of [[], ['-']]) {
    const result = explain([...args, '--no-live'], log);
    assert.equal(result.status, 0, 'a fallback and a PATH warning are warnings, not errors');
    assert.match(result.stdout, /^warning: site-packages is not writable/m);
    assert.match(result.stdout, /not on PATH/);
    assert.doesNotMatch(result.stdout, /\x1b\[/, 'no colour off a terminal');
  }
  const clean = explain([], 'Collecting x\nSuccessfully installed x-1.0\n');
  assert.equal(clean.status, 0);
  assert.match(clean.stdout, /No pip message/);
});

test('bad input: missing file, a folder, binary data, too many arguments: one line, exit 2', () => {
  oneLineError(explain(['/nonexistent/pip.log']), /cannot read .*no such file/);
  oneLineError(explain([tmpdir()]), /is a folder/);
  const binary = join(tempDir('pd-explain-'), 'core');
  writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  oneLineError(explain([binary]), /binary/);
  oneLineError(explain(['a.log', 'b.log']), /one input/);
  oneLineError(explain(['--bogus']), /explain: .*--bogus/);
  assert.equal(explain(['--help']).status, 0);
});

test('live: a scripts folder from the log that exists here is checked against PATH', () => {
  const dir = tempDir('pd-explain-bin-');
  const log = `  WARNING: The script demo-cli is installed in '${dir}' which is not on PATH.\n`;
  const live = explain([], log, { PATH: '/usr/bin:/bin' });
  assert.match(live.stdout, new RegExp(`live: confirmed here: ${dir} exists and is not on PATH`));
  const onPath = explain([], log, { PATH: `${dir}:/usr/bin:/bin` });
  assert.match(onPath.stdout, /is on PATH now/);
  assert.doesNotMatch(explain(['--no-live'], log).stdout, /live:/);
});

test('live: Errno 30 on a read-only mount here is confirmed', (t) => {
  if (process.getuid?.() !== 0) return t.skip('needs root for a mount namespace');
  const probe = spawnSync('unshare', ['-m', 'true']);
  if (probe.status !== 0) return t.skip('unshare -m is not available');
  const dir = tempDir('pd-explain-ro-');
  mkdirSync(join(dir, 'mnt'));
  const log = `ERROR: Could not install packages due to an OSError: [Errno 30] Read-only file system: '${dir}/mnt/site-packages/demo'\n`;
  writeFileSync(join(dir, 'pip.log'), log);
  const script = `mount -t tmpfs -o ro tmpfs ${dir}/mnt && NO_COLOR=1 ${process.execPath} ${CLI} explain ${dir}/pip.log`;
  const result = spawnSync('unshare', ['-m', 'sh', '-c', script], { encoding: 'utf8', timeout: 30_000 });
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stdout, /live: confirmed here: .*\/mnt exists .*read-only file system/);
});

test('--python runs the live diagnosis and says whether it agrees', (t) => {
  const python = '/usr/bin/python3';
  if (spawnSync(python, ['-c', 'import sys']).status !== 0) return t.skip(`${python} is not here`);
  const result = explain([PEP668, '--json', '--python', python]);
  assert.equal(result.status, 1, result.stderr);
  const json = JSON.parse(result.stdout);
  assert.equal(json.live.python, python);
  assert.equal(json.live.notes.length, 1, 'one line saying what the live check found');
});
