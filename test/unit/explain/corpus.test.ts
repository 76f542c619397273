// The corpus: pip's real output recorded on this machine (record.mjs), and wordings transcribed
// from pip's source for versions no local interpreter has. Each must give the right kinds and facts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { explainText } from '../../../src/explain/index.js';
import { explainExitCode } from '../../../src/explain/render.js';
import type { ExplainMessage } from '../../../src/explain/types.js';

const DIR = join(process.cwd(), 'test/fixtures/pip-output');

interface Recorded {
  file: string;
  scenario: string;
  python: string;
  pipVersion: string;
  exitCode: number;
}

function atLeast(version: string, major: number, minor = 0): boolean {
  const [a = 0, b = 0] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

/** What each recorded scenario must produce, per pip version. */
function expected(entry: Recorded): string[] {
  const v = entry.pipVersion;
  switch (entry.scenario) {
    case 'user-fallback':
      return atLeast(v, 20) ? ['user-install-fallback', 'script-not-on-path'] : ['permission-denied'];
    case 'errno13-pip-user-0':
    case 'errno13-verbose':
      return ['permission-denied'];
    case 'errno30-read-only':
      return ['read-only-filesystem'];
    case 'read-only-default':
      if (!atLeast(v, 20)) return ['read-only-filesystem'];
      // Even root falls back to the user site (~/.local/bin is then not on PATH).
      return atLeast(v, 21, 1)
        ? ['user-install-fallback', 'script-not-on-path', 'running-as-root']
        : ['user-install-fallback', 'script-not-on-path'];
    case 'user-in-venv':
      return atLeast(v, 20) ? ['user-in-virtualenv'] : ['script-not-on-path'];
    case 'require-virtualenv':
      return ['require-virtualenv'];
    case 'user-target':
      return ['user-target-conflict'];
    case 'user-prefix':
      return ['user-prefix-conflict'];
    case 'scripts-not-on-path':
      return ['script-not-on-path'];
    case 'tilde-in-path':
      return atLeast(v, 20) ? ['script-not-on-path', 'path-contains-tilde'] : ['script-not-on-path'];
    case 'running-as-root':
      return atLeast(v, 21, 1) ? ['running-as-root'] : [];
    case 'pip-missing':
      return ['pip-missing'];
    case 'pip-version':
      return ['pip-version'];
    case 'bad-interpreter':
    case 'bad-interpreter-sh':
      return ['bad-interpreter'];
    case 'command-not-found-bash':
    case 'command-not-found-sh':
      return ['pip-command-not-found'];
    default:
      if (entry.scenario.startsWith('pep668-')) return ['externally-managed'];
      throw new Error(`no expectation for scenario ${entry.scenario}`);
  }
}

function one(messages: ExplainMessage[], kind: string): ExplainMessage {
  const found = messages.find((m) => m.kind === kind);
  assert.ok(found, `a ${kind} message`);
  return found;
}

const manifest = JSON.parse(readFileSync(join(DIR, 'recorded/manifest.json'), 'utf8')) as Recorded[];

test('the recorded corpus covers every local pip version and every scenario', () => {
  const versions = new Set(manifest.map((e) => e.pipVersion));
  for (const v of ['18.1', '19.2.3', '22.0.4', '23.0.1', '23.2.1', '24.2'])
    assert.ok(versions.has(v), `pip ${v} recorded`);
  const scenarios = new Set(manifest.map((e) => e.scenario));
  for (const s of [
    'user-fallback',
    'errno30-read-only',
    'errno13-pip-user-0',
    'user-in-venv',
    'require-virtualenv',
    'user-target',
    'user-prefix',
    'scripts-not-on-path',
    'running-as-root',
    'pep668-root',
    'pep668-nobody',
  ]) {
    assert.ok(scenarios.has(s), `scenario ${s} recorded`);
  }
});

for (const entry of manifest) {
  test(`recorded ${entry.scenario} on Python ${entry.python} (pip ${entry.pipVersion})`, () => {
    const text = readFileSync(join(DIR, entry.file), 'utf8');
    const report = explainText(text);
    const kinds = [
      ...new Set(
        report.messages
          .map((m) => m.kind)
          .filter((k) => k !== 'pip-version' || entry.scenario === 'pip-version'),
      ),
    ];
    assert.deepEqual(kinds.sort(), expected(entry).sort(), text);
    // pip failed exactly when explain recognised an error-level problem.
    assert.equal(explainExitCode(report), entry.exitCode === 0 ? 0 : 1, `pip exited ${entry.exitCode}`);
    const m = report.messages;
    if (kinds.includes('permission-denied')) {
      const f = one(m, 'permission-denied').facts;
      assert.equal(f.errno, 13);
      assert.match(String(f.path), /site-packages\/demo/);
    }
    if (kinds.includes('read-only-filesystem')) assert.equal(one(m, 'read-only-filesystem').facts.errno, 30);
    if (kinds.includes('script-not-on-path') && entry.scenario !== 'user-in-venv') {
      const f = one(m, 'script-not-on-path').facts;
      assert.deepEqual(f.scripts, ['demo-cli', 'other-cli']);
      assert.match(String(f.directory), /\/\.local\/bin$/);
    }
    if (kinds.includes('externally-managed')) {
      const f = one(m, 'externally-managed').facts;
      assert.equal(f.distributor, 'debian');
      assert.equal(f.pipAtLeast, '23.0.1');
      assert.ok((f.distributorText as string[]).some((l) => l.includes('python3-xyz')));
    }
    if (entry.scenario === 'pip-version')
      assert.equal(one(m, 'pip-version').facts.pipVersion, entry.pipVersion);
    if (kinds.includes('pip-missing'))
      assert.equal(one(m, 'pip-missing').facts.interpreter, '/tmp/pd-rec/nopip/bin/python');
    if (kinds.includes('bad-interpreter'))
      assert.equal(one(m, 'bad-interpreter').facts.script, '/tmp/pd-rec/gone/bin/pip');
  });
}

interface Transcribed {
  name: string;
  source: string;
  text: string;
  kinds: string[];
  absent?: string[];
  facts?: Record<string, Record<string, unknown>>;
}

const transcribed = JSON.parse(readFileSync(join(DIR, 'transcribed.json'), 'utf8')) as Transcribed[];

for (const sample of transcribed) {
  test(`transcribed: ${sample.name} (${sample.source})`, () => {
    const report = explainText(sample.text);
    const kinds = new Set(report.messages.map((m) => m.kind));
    for (const kind of sample.kinds) assert.ok(kinds.has(kind), `${kind} in ${[...kinds].join(', ')}`);
    for (const kind of sample.absent ?? []) assert.ok(!kinds.has(kind), `no ${kind}`);
    if (sample.kinds.length === 0) assert.equal(report.messages.length, 0);
    for (const [kind, facts] of Object.entries(sample.facts ?? {})) {
      const message = one(report.messages, kind);
      for (const [key, value] of Object.entries(facts)) {
        const actual = message.facts[key];
        if (Array.isArray(actual) && !Array.isArray(value))
          assert.ok(actual.includes(value as string), `${key} includes ${value}`);
        else assert.deepEqual(actual, value, `${kind}.${key}`);
      }
    }
  });
}
