// Fix classification: sudo, --break-system-packages and deletions are always manual and say
// what they risk; pip is never run with sudo; applicable fixes carry an action.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dangerIn, makeFix } from '../../../src/fixes/make-fix.js';
import { ALL_SCENARIOS, reportFor } from '../checks/scenarios.js';

const base = { id: 'x', title: 'x', shell: 'bash', for: ['f'] };

test('a sudo command is made manual, whatever the builder asked for', () => {
  const fix = makeFix({ ...base, kind: 'safe', commands: ['sudo apt install pipx'], risk: 'root' });
  assert.equal(fix.kind, 'manual');
});

test('--break-system-packages is made manual', () => {
  const fix = makeFix({
    ...base,
    kind: 'confirm',
    commands: ['python3 -m pip install --break-system-packages x'],
    risk: 'r',
  });
  assert.equal(fix.kind, 'manual');
});

test('deleting files and venv --clear are dangerous; ordinary commands are not', () => {
  assert.equal(dangerIn('rm -rf ~/.cache/pip'), 'deleting files');
  assert.equal(dangerIn('Remove-Item -Recurse .venv'), 'deleting files');
  assert.equal(dangerIn('python3 -m venv --clear .venv'), 'deleting a virtual environment');
  assert.equal(dangerIn('python3 -m venv .venv'), null);
  assert.equal(dangerIn('echo sudoers'), null);
});

test('a dangerous fix without a stated risk is a bug', () => {
  assert.throws(() => makeFix({ ...base, kind: 'manual', commands: ['sudo chown -R alice: /x'] }), /risk/);
});

test('pip under sudo is refused outright', () => {
  for (const line of [
    'sudo pip install requests',
    'sudo python3 -m pip install x',
    'sudo -H pip3 install x',
  ]) {
    assert.throws(() => makeFix({ ...base, kind: 'manual', commands: [line], risk: 'r' }), /sudo/, line);
  }
});

test('every fix the fixtures produce follows the rules', () => {
  let dangerous = 0;
  for (const { scenario } of ALL_SCENARIOS) {
    for (const fix of reportFor(scenario).fixes) {
      const where = `${scenario.name} ${fix.id}`;
      const danger = fix.commands.map(dangerIn).find((d) => d !== null);
      if (danger) {
        dangerous++;
        assert.equal(fix.kind, 'manual', `${where}: uses ${danger} but is ${fix.kind}`);
        assert.ok(fix.risk, `${where}: no risk stated`);
      }
      for (const c of fix.commands)
        assert.doesNotMatch(c, /\bsudo\b.*(\bpip[0-9.]*\s|-m\s+pip\b)/, `${where}: sudo pip`);
      if (fix.action?.type === 'create-venv' || fix.action?.type === 'add-to-path') {
        assert.notEqual(fix.kind, 'manual', `${where}: an applicable action on a manual fix`);
      }
    }
  }
  assert.ok(dangerous >= 3, 'the fixtures exercise dangerous fixes');
});
