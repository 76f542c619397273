// Fix builders: the commands each situation gets, on each platform.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { packagesFromArgs, projectName } from '../../../src/checks/derive.js';
import { distroPackageFix } from '../../../src/fixes/distro.js';
import { pythonCommand } from '../../../src/fixes/python.js';
import { sectionAt, undoSettingFix } from '../../../src/fixes/settings.js';
import { createVenvFix } from '../../../src/fixes/venv.js';
import { command, linuxFacts, loadProbe } from '../checks/fixture.js';
import { scenarioNamed } from '../checks/scenarios.js';

test('package names are read from pip install arguments, options and their values skipped', () => {
  assert.deepEqual(
    packagesFromArgs(['--user', '-t', 'vendor', 'requests[socks]>=2', '-r', 'req.txt', './local', 'Black']),
    ['requests[socks]>=2', 'Black'],
  );
  assert.equal(projectName('Requests_Toolbelt[x]>=1'), 'requests-toolbelt');
});

test('the python to call is the short name when it is the same interpreter, else the quoted path', () => {
  const probe = loadProbe('pyenv312-user');
  const onPath = linuxFacts(probe, { commands: { python3: command('python3', probe.python.executable) } });
  assert.equal(pythonCommand(onPath), 'python3');
  const spaced = linuxFacts({
    ...probe,
    python: { ...probe.python, executable: '/opt/my python/bin/python3' },
  });
  assert.equal(pythonCommand(spaced), "'/opt/my python/bin/python3'");
});

test('a venv fix for PowerShell with a Python under Program Files', () => {
  const s = scenarioNamed('windows/python-org-all-users');
  const facts = {
    ...s.facts,
    host: { ...s.facts.host, shell: 'powershell' as const },
    commands: { ...s.facts.commands, python: command('python', null) },
  };
  const fix = createVenvFix({ facts, prediction: s.prediction, installArgs: ['black'] }, 'f');
  assert.deepEqual(fix.commands, [
    "& 'C:\\Program Files\\Python312\\python.exe' -m venv .venv",
    '.venv\\Scripts\\Activate.ps1',
    'python -m pip install black',
  ]);
  assert.deepEqual(fix.action, {
    type: 'create-venv',
    python: 'C:\\Program Files\\Python312\\python.exe',
    directory: 'C:\\Users\\alice\\code\\site\\.venv',
    packages: ['black'],
  });
});

test('the distro package fix says whether Debian ships it', () => {
  const s = scenarioNamed('linux/debian-externally-managed');
  const shipped = distroPackageFix(
    { facts: s.facts, prediction: s.prediction, installArgs: ['requests'] },
    'f',
  );
  assert.equal(shipped?.title, "install Debian's package python3-requests 2.28.1+dfsg-1");
  assert.deepEqual(shipped?.commands, ['sudo apt install python3-requests']);
  const notShipped = {
    ...s.facts,
    distroPackages: {
      manager: 'apt' as const,
      packages: { httpx2: { package: 'python3-httpx2', candidate: null, installed: null } },
    },
  };
  assert.equal(
    distroPackageFix({ facts: notShipped, prediction: s.prediction, installArgs: ['httpx2'] }, 'f'),
    null,
  );
  const unknown = distroPackageFix(
    {
      facts: { ...s.facts, distroPackages: undefined } as typeof s.facts,
      prediction: s.prediction,
      installArgs: ['Flask'],
    },
    'f',
  );
  assert.deepEqual(unknown?.commands, ['apt-cache policy python3-flask', 'sudo apt install python3-flask']);
});

test('a config line is found in its INI section and commented out with a backup', () => {
  assert.equal(sectionAt('[global]\ntimeout = 60\n\n[install]\nuser = true\n', 5), 'install');
  assert.equal(sectionAt('user = true\n', 1), null);
  const s = scenarioNamed('linux/config-user-with-target');
  const setting = s.prediction.settings[0]!;
  const fix = undoSettingFix(s.facts, setting, 'f');
  assert.deepEqual(fix?.commands, ["sed -i.bak '5s/^/# /' /home/alice/.config/pip/pip.conf"]);
  assert.deepEqual(fix?.action, {
    type: 'remove-config-key',
    file: '/home/alice/.config/pip/pip.conf',
    section: 'install',
    key: 'user',
  });
  assert.equal(fix?.kind, 'confirm');
});

test('a system-wide config file needs sudo, so its fix is manual', () => {
  const s = scenarioNamed('linux/global-config-breaks-system-packages');
  const fix = undoSettingFix(s.facts, s.prediction.settings[0]!, 'f');
  assert.equal(fix?.kind, 'manual');
  assert.deepEqual(fix?.commands, ["sudo sed -i.bak '2s/^/# /' /etc/pip.conf"]);
});
