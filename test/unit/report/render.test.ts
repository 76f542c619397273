// Renderers: colour is decoration only, a healthy report is short, JSON keeps the contract,
// Markdown is pasteable, and one function decides the exit status.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { CheckReport } from '../../../src/core/report.js';
import { OUTCOMES } from '../../../src/core/types.js';
import {
  exitCodeFor,
  renderCheckJson,
  renderCheckMarkdown,
  renderCheckText,
} from '../../../src/report/index.js';
import { FIXTURES } from '../checks/fixture.js';
import { reportFor, scenarioNamed } from '../checks/scenarios.js';

const ANSI = /\u001b\[[0-9;]*m/g;

function snapshot(name: string, actual: string): void {
  const file = fileURLToPath(new URL(`golden/report/${name}`, FIXTURES));
  if (process.env['UPDATE_GOLDEN']) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `differs from ${file}`);
}

const debian = reportFor(scenarioNamed('linux/debian-externally-managed'));
const healthy = reportFor(scenarioNamed('linux/healthy-venv'));

test('text with colour: snapshot, and the same words once the colour is stripped', () => {
  const colored = renderCheckText(debian, { color: true, verbose: false, width: 80 });
  const plain = renderCheckText(debian, { color: false, verbose: false, width: 80 });
  snapshot('debian-externally-managed.color.txt', colored);
  snapshot('debian-externally-managed.plain.txt', plain);
  assert.match(colored, ANSI);
  assert.doesNotMatch(plain, ANSI);
  assert.equal(colored.replace(ANSI, ''), plain);
});

test('the verdict comes first and says where or why', () => {
  const first = renderCheckText(debian, { color: false, verbose: false, width: 80 }).split('\n')[0];
  assert.equal(first, 'error: pip install requests would fail: this Python is externally managed (PEP 668)');
});

test('a healthy machine gets 3 lines or fewer, and no colour-only statuses', () => {
  const text = renderCheckText(healthy, { color: false, verbose: false, width: 80 });
  const lines = text.trimEnd().split('\n');
  assert.ok(lines.length <= 3, text);
  assert.match(
    lines[0] ?? '',
    /^ok: pip install requests would install into \/home\/alice\/proj\/\.venv\/lib\/python3\.11\/site-packages/,
  );
});

test('prose wraps at the width; commands never do', () => {
  const text = renderCheckText(debian, { color: false, verbose: false, width: 60 });
  for (const line of text.split('\n').slice(2)) {
    const isCommand = /^ {9}\S/.test(line) && !/^ {9}(risk|note):/.test(line);
    const hasUnbreakable = line
      .trim()
      .split(/\s+/)
      .some((w) => w.length > 40);
    if (!isCommand && !hasUnbreakable && !line.startsWith('  '))
      assert.ok(line.length <= 60, `too wide: ${line}`);
  }
  assert.ok(text.includes('         python3 -m venv .venv\n'));
});

test('verbose shows the facts, with secrets in the environment redacted', () => {
  const s = scenarioNamed('linux/healthy-venv');
  const env = {
    ...s.facts.host.env,
    GITHUB_TOKEN: 'ghp_secret',
    PIP_INDEX_URL: 'https://me:hunter2@pypi.example/simple',
  };
  const report: CheckReport = { ...healthy, facts: { ...s.facts, host: { ...s.facts.host, env } } };
  const text = renderCheckText(report, { color: false, verbose: true, width: 80 });
  assert.match(text, /facts:/);
  assert.match(text, /probe\.python\.executable: "\/home\/alice\/proj\/\.venv\/bin\/python"/);
  assert.match(text, /host\.env\.GITHUB_TOKEN: "<redacted>"/);
  assert.match(text, /https:\/\/me:<redacted>@pypi\.example\/simple/);
  assert.doesNotMatch(text, /hunter2|ghp_secret/);
});

test('JSON follows the check --json contract', () => {
  const doc = JSON.parse(renderCheckJson(debian));
  assert.equal(doc.schemaVersion, 1);
  assert.equal(typeof doc.toolVersion, 'string');
  assert.deepEqual(
    {
      executable: doc.interpreter.executable,
      version: doc.interpreter.version,
      pipVersion: doc.interpreter.pipVersion,
    },
    { executable: '/usr/bin/python3', version: '3.11.2', pipVersion: '23.0.1' },
  );
  assert.ok(OUTCOMES.includes(doc.prediction.outcome));
  assert.equal(doc.prediction.directory, '/usr/local/lib/python3.11/dist-packages');
  assert.ok(Array.isArray(doc.prediction.messages));
  const finding = doc.findings[0];
  for (const key of ['id', 'cause', 'severity', 'title', 'evidence']) assert.ok(key in finding, key);
  for (const fix of doc.fixes) for (const key of ['id', 'title', 'commands']) assert.ok(key in fix, key);
  assert.equal(doc.status, 'error');
  assert.equal(doc.exitCode, 1);
});

test('Markdown: verdict, facts table, findings and fenced commands in the shell language', () => {
  const md = renderCheckMarkdown(debian);
  snapshot('debian-externally-managed.md', md);
  assert.match(md, /^### pip-doctor: error\n\n\*\*pip install requests would fail/);
  assert.match(md, /\| Python \| `\/usr\/bin\/python3` cpython 3\.11\.2 \|/);
  assert.match(md, /```bash\n {3}python3 -m venv \.venv\n/);
  const ps = renderCheckMarkdown(reportFor(scenarioNamed('windows/microsoft-store')));
  assert.match(ps, /```powershell\n/);
});

test('exit status: 0 when clean or only warnings, 1 for an error finding or a failing pip', () => {
  assert.equal(exitCodeFor(healthy), 0);
  const warnings = reportFor(scenarioNamed('macos/python-org-standard-user'));
  assert.ok(warnings.findings.every((f) => f.severity !== 'error') && warnings.findings.length > 0);
  assert.equal(exitCodeFor(warnings), 0);
  assert.equal(exitCodeFor(reportFor(scenarioNamed('macos/pyenv-and-clt-stub'))), 1);
  // pip would fail, even when no check explains why: still an error.
  assert.equal(
    exitCodeFor({ ...healthy, prediction: { ...healthy.prediction, outcome: 'error-user-target-conflict' } }),
    1,
  );
  assert.equal(JSON.parse(renderCheckJson(warnings)).exitCode, exitCodeFor(warnings));
});
