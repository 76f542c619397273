// The built CLI (dist/cli.cjs) as a user meets it: help, usage errors, bad interpreters, the JSON contract.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { CAUSES, OUTCOMES } from '../../src/core/types.js';
import { tempDir } from '../fixtures/temp.js';

const CLI = resolve('dist/cli.cjs');
const PYENV = '/root/.pyenv/versions';

function cli(args: string[], env: NodeJS.ProcessEnv = process.env, input?: string) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...env, NO_COLOR: '1' },
    encoding: 'utf8',
    input: input ?? '',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - started };
}

function script(body: string, mode = 0o755): string {
  const file = join(tempDir('pd-cli-'), 'python');
  writeFileSync(file, body);
  chmodSync(file, mode);
  return file;
}

function assertOneLineError(result: ReturnType<typeof cli>, pattern: RegExp): void {
  assert.equal(result.status, 2, result.stderr);
  assert.equal(result.stdout, '');
  const lines = result.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${result.stderr}`);
  assert.match(lines[0] ?? '', pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
}

test('--help teaches, --version answers, both exit 0', () => {
  const help = cli(['--help']);
  assert.equal(help.status, 0);
  for (const word of ['check', 'explain', 'fix', 'scan', '--python', '--json', 'Exit status']) {
    assert.ok(help.stdout.includes(word), `help mentions ${word}`);
  }
  assert.match(cli(['--version']).stdout, /^\d+\.\d+\.\d+/);
  assert.equal(cli(['check', '--help']).status, 0);
});

test('usage errors are one line and exit 2', () => {
  assertOneLineError(cli(['frobnicate']), /unknown command 'frobnicate'/);
  assertOneLineError(cli(['--bogus']), /check: .*--bogus/);
  assertOneLineError(cli(['check', 'requests']), /pip install arguments go after --/);
  assertOneLineError(cli(['--json', '--markdown', '--python', '/usr/bin/python3']), /choose one/);
});

test('bad interpreters: one line on stderr, exit 2, within a few seconds', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['missing', ['--python', '/nonexistent/python3'], /no such file/],
    ['not executable', ['--python', script('print(1)\n', 0o644)], /permission denied/],
    [
      'not python',
      ['--python', script('#!/bin/sh\necho "Python 3.12.0"\n')],
      /did not print the probe report/,
    ],
    [
      'crashes',
      ['--python', script('#!/bin/sh\necho "Fatal Python error: init_fs_encoding" >&2\nexit 1\n')],
      /exited with status 1: Fatal Python error/,
    ],
    [
      'hangs',
      ['--python', script('#!/bin/sh\nexec sleep 30\n'), '--timeout', '1'],
      /did not answer within 1 s/,
    ],
    ['a directory', ['--python', tmpdir()], /directory/],
  ];
  for (const [name, args, pattern] of cases) {
    const result = cli(['--json', ...args]);
    assertOneLineError(result, pattern);
    assert.ok(result.ms < 8000, `${name} took ${result.ms} ms`);
  }
});

const interpreters = [
  ...(existsSync(PYENV) ? readdirSync(PYENV).map((v) => join(PYENV, v, 'bin', 'python')) : []),
  '/usr/bin/python3',
].filter((p) => existsSync(p));

test('check --json keeps the contract on every interpreter here', (t) => {
  if (interpreters.length === 0) return t.skip('no Python interpreters on this machine');
  for (const python of interpreters) {
    const result = cli(['--python', python, '--json']);
    assert.ok(
      result.status === 0 || result.status === 1,
      `${python}: exit ${result.status}: ${result.stderr}`,
    );
    const doc = JSON.parse(result.stdout);
    assert.equal(doc.schemaVersion, 1);
    assert.equal(typeof doc.interpreter.executable, 'string');
    assert.match(doc.interpreter.version, /^\d+\.\d+\.\d+$/);
    assert.ok(OUTCOMES.includes(doc.prediction.outcome), `${python}: outcome ${doc.prediction.outcome}`);
    assert.ok(doc.prediction.directory === null || doc.prediction.directory.startsWith('/'));
    assert.ok(Array.isArray(doc.prediction.messages));
    for (const finding of doc.findings) {
      assert.match(finding.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(CAUSES.includes(finding.cause), finding.cause);
      assert.ok(['error', 'warning', 'info'].includes(finding.severity));
      assert.ok(finding.evidence.length > 0, `${finding.id} has evidence`);
    }
    for (const fix of doc.fixes) assert.ok(Array.isArray(fix.commands) && fix.id && fix.title);
    assert.equal(
      result.status,
      doc.findings.some((f: { severity: string }) => f.severity === 'error') ? 1 : 0,
    );
  }
});

test("Debian's python3 is externally managed (PEP 668) for a plain install", (t) => {
  if (!existsSync('/usr/lib/python3.11/EXTERNALLY-MANAGED')) return t.skip('no Debian PEP 668 python3 here');
  const doc = JSON.parse(cli(['--python', '/usr/bin/python3', '--json']).stdout);
  assert.equal(doc.prediction.outcome, 'error-externally-managed');
  assert.ok(doc.prediction.messages.includes('error: externally-managed-environment'));
  const withTarget = JSON.parse(
    cli(['--python', '/usr/bin/python3', '--json', '--', '--target', '/tmp/x', 'demo']).stdout,
  );
  assert.equal(withTarget.prediction.outcome, 'target');
  assert.equal(withTarget.prediction.directory, '/tmp/x');
});
