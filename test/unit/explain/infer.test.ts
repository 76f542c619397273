import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CAUSES } from '../../../src/core/types.js';
import { explainText } from '../../../src/explain/index.js';
import { explainExitCode, renderExplainJson, renderExplainText } from '../../../src/explain/render.js';

const PEP668 = `$ pip install requests
error: externally-managed-environment

× This environment is externally managed
╰─> To install Python packages system-wide, try apt install
    python3-xyz, where xyz is the package you are trying to
    install.

note: If you believe this is a mistake, please contact your Python installation or OS distribution provider. You can override this, at the risk of breaking your Python installation or OS, by passing --break-system-packages.
hint: See PEP 668 for the detailed specification.
`;

test('PEP 668: package-manager cause, venv first, break-system-packages last and manual', () => {
  const report = explainText(PEP668);
  const [finding] = report.findings;
  assert.equal(finding?.id, 'externally-managed');
  assert.equal(finding?.cause, 'package-manager');
  assert.equal(finding?.severity, 'error');
  assert.equal(finding?.confidence, 'high');
  assert.equal(finding?.fixes[0], 'create-venv');
  const venv = report.fixes.find((f) => f.id === 'create-venv');
  assert.ok(
    venv?.commands.some((c) => c.includes('install requests')),
    'uses the package from the command line',
  );
  const last = report.fixes.find((f) => f.id === finding?.fixes.at(-1));
  assert.equal(last?.id, 'break-system-packages');
  assert.equal(last?.kind, 'manual');
  assert.ok(
    report.fixes.find((f) => f.id === 'install-distro-package')?.commands[0]?.includes('python3-requests'),
  );
  assert.equal(explainExitCode(report), 1);
});

test('no fix ever runs pip with sudo, and anything with sudo is manual', () => {
  const logs = [
    PEP668,
    "ERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '/home/ann/.local/lib/python3.11/site-packages/x'\n",
    "WARNING: The directory '/home/ann/.cache/pip' or its parent directory is not owned or is not writable by the current user.\n",
    '/usr/bin/python3: No module named pip\n',
  ];
  for (const log of logs) {
    for (const fix of explainText(log).fixes) {
      for (const command of fix.commands) {
        assert.doesNotMatch(command, /sudo.*pip\s+install/);
        if (/\bsudo\b/.test(command)) assert.equal(fix.kind, 'manual', `${fix.id}: ${command}`);
      }
    }
  }
});

test('Errno 13 in ~/.local points at an earlier sudo pip (medium confidence)', () => {
  const report = explainText(
    "ERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '/home/ann/.local/lib/python3.11/site-packages/x'\nCheck the permissions.\n",
  );
  assert.equal(report.findings[0]?.id, 'user-folders-owned-by-root');
  assert.equal(report.findings[0]?.confidence, 'medium');
  assert.ok(
    report.fixes.some((f) => f.id === 'chown-user-folders' && f.commands[0]?.includes('/home/ann/.local')),
  );
});

test('--user in a venv without --user on the command line blames a setting', () => {
  const report = explainText(
    "$ pip install flask\nERROR: Can not perform a '--user' install. User site-packages are not visible in this virtualenv.\n",
  );
  assert.equal(report.findings[0]?.id, 'user-install-in-venv');
  assert.match(report.findings[0]?.explanation ?? '', /PIP_USER|config/);
});

test('Windows logs get PowerShell fixes', () => {
  const report = explainText(
    "  WARNING: The script flask.exe is installed in 'C:\\Users\\Ann\\AppData\\Roaming\\Python\\Python311\\Scripts' which is not on PATH.\r\n",
  );
  const fix = report.fixes.find((f) => f.id === 'add-scripts-to-path');
  assert.equal(fix?.shell, 'powershell');
  assert.match(fix?.commands[0] ?? '', /SetEnvironmentVariable/);
  assert.equal(report.findings[0]?.severity, 'warning');
  assert.equal(explainExitCode(report), 0);
});

test('the JSON follows the contract: schemaVersion, messages with kind/line/text/facts, findings with a known cause', () => {
  const json = JSON.parse(renderExplainJson(explainText(PEP668)));
  assert.equal(json.schemaVersion, 1);
  for (const m of json.messages) {
    assert.match(m.kind, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.equal(typeof m.line, 'number');
    assert.equal(typeof m.text, 'string');
    assert.equal(typeof m.facts, 'object');
  }
  assert.equal(json.messages[0].line, 2);
  for (const f of json.findings) {
    assert.ok((CAUSES as readonly string[]).includes(f.cause));
    assert.ok(['error', 'warning', 'info'].includes(f.severity));
    assert.ok(f.evidence.length > 0);
    for (const id of f.fixes)
      assert.ok(
        json.fixes.some((x: { id: string }) => x.id === id),
        `fix ${id} listed`,
      );
  }
});

test('several pip runs are told apart', () => {
  const report = explainText(
    '$ pip install a\nERROR: Could not find an activated virtualenv (required).\n$ pip install b\nERROR: Could not find an activated virtualenv (required).\n',
  );
  assert.equal(report.input.runs, 2);
  assert.deepEqual(
    report.messages.map((m) => m.run),
    [1, 2],
  );
  assert.equal(report.findings.length, 1, 'one finding, with both lines as evidence');
  assert.equal(report.findings[0]?.basis.length, 2);
});

test('text output: words for status, no colour unless asked, a hint when nothing was found', () => {
  const text = renderExplainText(explainText(PEP668), { color: false });
  assert.match(text, /^error: /m);
  assert.doesNotMatch(text, /\x1b\[/);
  assert.match(
    renderExplainText(explainText('Collecting x\n'), { color: false }),
    /2>&1 \| pip-doctor explain/,
  );
});

test('facts about the machine come from paths and prompts: user, OS, versions, root', () => {
  const report = explainText(
    "ann@box:~$ pip install flask\npip 23.2.1 from /usr/lib/python3/dist-packages/pip (python 3.11)\nERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '/usr/local/lib/python3.11/dist-packages/flask'\nConsider using the `--user` option or check the permissions.\n",
  );
  const { context } = report;
  assert.equal(context.user, 'ann');
  assert.equal(context.os, 'linux');
  assert.ok(context.osHints.includes('dist-packages'));
  assert.deepEqual(context.pipVersions, ['23.2.1']);
  assert.ok(context.pythonVersions.includes('3.11'));
  assert.equal(context.root, false);
  assert.deepEqual(context.packages, ['flask']);
  assert.equal(report.messages.find((m) => m.kind === 'permission-denied')?.facts.hint, 'consider-user');
});
