// The built `pip-doctor scan` as a user meets it: help, usage errors, NDJSON streaming, the cache.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../fixtures/temp.js';

const CLI = resolve('dist/cli.cjs');
const cache = tempDir('pd-scan-cli-');
const env = { ...process.env, NO_COLOR: '1', PIP_DOCTOR_CACHE_DIR: cache, PIP_DOCTOR_DEBUG: '1' };

function cli(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'scan', ...args], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('--help documents the options and exits 0', () => {
  const help = cli(['--help']);
  assert.equal(help.status, 0);
  for (const option of ['--json', '--ndjson', '--probe', '--probe-untrusted', '--deadline', '--no-cache']) {
    assert.ok(help.stdout.includes(option), option);
  }
});

test('bad usage is one line on stderr and exit 2', () => {
  for (const args of [
    ['--json', '--ndjson'],
    ['--bogus'],
    ['extra'],
    ['--jobs', '0'],
    ['--probe-untrusted'],
    ['--deadline', 'x'],
  ]) {
    const result = cli(args);
    assert.equal(result.status, 2, args.join(' '));
    assert.equal(result.stdout, '');
    assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
  }
});

test('a second scan comes from the cache and says so; --no-cache scans again', () => {
  const first = JSON.parse(cli(['--json']).stdout);
  const run = cli(['--json']);
  const second = JSON.parse(run.stdout);
  assert.equal(second.cached, true, run.stderr);
  assert.deepEqual(second.environments, first.environments);
  assert.equal(JSON.parse(cli(['--json', '--no-cache']).stdout).cached, false);
  const table = cli([]);
  assert.equal(table.status, 0);
  assert.match(table.stdout, /^KIND\s+VERSION\s+PYTHON/);
  assert.match(table.stdout, /\(cached\)/);
});

test('--ndjson: one line per environment as found, then a summary line', async () => {
  const child = spawn(process.execPath, [CLI, 'scan', '--ndjson', '--no-cache'], { env });
  const lines: { line: string; at: number }[] = [];
  let buffer = '';
  const started = Date.now();
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffer += chunk;
    for (let at = buffer.indexOf('\n'); at >= 0; at = buffer.indexOf('\n')) {
      lines.push({ line: buffer.slice(0, at), at: Date.now() - started });
      buffer = buffer.slice(at + 1);
    }
  });
  const status = await new Promise<number | null>((done) => child.on('close', done));
  assert.equal(status, 0);
  const parsed = lines.map((l) => JSON.parse(l.line));
  assert.ok(parsed.length >= 2);
  assert.equal(parsed[0].type, 'environment');
  const summary = parsed[parsed.length - 1];
  assert.equal(summary.type, 'summary');
  assert.equal(summary.count, parsed.length - 1);
  assert.ok(Array.isArray(summary.locators) && summary.locators.length > 10);
});
