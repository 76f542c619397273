// Commands must paste as is: quoting per shell, and (for POSIX shells we have here) run for real.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { addToPathFix, profileFor } from '../../../src/fixes/path.js';
import { commandLine, quote } from '../../../src/fixes/shell.js';
import { activateLine } from '../../../src/fixes/venv.js';
import type { Facts, Shell } from '../../../src/gather/facts.js';
import { tempDir } from '../../fixtures/temp.js';
import { linuxFacts, loadProbe } from '../checks/fixture.js';

function factsFor(shell: Shell, env: Record<string, string> = {}, platform = 'linux'): Facts {
  const facts = linuxFacts(loadProbe('pyenv312-user'), { host: { shell, platform }, env });
  return facts;
}

test('quote leaves plain words alone and protects everything else, per shell', () => {
  assert.equal(quote('/usr/bin/python3', 'bash'), '/usr/bin/python3');
  assert.equal(quote('/opt/my python/bin', 'bash'), "'/opt/my python/bin'");
  assert.equal(quote("it's", 'zsh'), "'it'\\''s'");
  assert.equal(quote("it's", 'fish'), "'it\\'s'");
  assert.equal(quote('a\\b c', 'fish'), "'a\\\\b c'");
  assert.equal(
    quote('C:\\Program Files\\Python312\\python.exe', 'powershell'),
    "'C:\\Program Files\\Python312\\python.exe'",
  );
  assert.equal(quote("C:\\Users\\o'brien", 'powershell'), "'C:\\Users\\o''brien'");
  assert.equal(quote('C:\\Program Files\\x', 'cmd'), '"C:\\Program Files\\x"');
  assert.equal(quote('', 'bash'), "''");
});

test('PowerShell needs & to run a quoted program path', () => {
  assert.equal(
    commandLine('powershell', 'C:\\Program Files\\Python312\\python.exe', '-m', 'venv', '.venv'),
    "& 'C:\\Program Files\\Python312\\python.exe' -m venv .venv",
  );
  assert.equal(
    commandLine('cmd', 'C:\\Program Files\\Python312\\python.exe', '-m', 'pip'),
    '"C:\\Program Files\\Python312\\python.exe" -m pip',
  );
});

test('activation line per shell', () => {
  assert.equal(activateLine('.venv', 'bash'), 'source .venv/bin/activate');
  assert.equal(activateLine('.venv', 'sh'), '. .venv/bin/activate');
  assert.equal(activateLine('.venv', 'fish'), 'source .venv/bin/activate.fish');
  assert.equal(activateLine('.venv', 'powershell'), '.venv\\Scripts\\Activate.ps1');
  assert.equal(activateLine('.venv', 'cmd'), '.venv\\Scripts\\activate.bat');
});

test('the PATH profile follows the shell and the platform', () => {
  assert.equal(profileFor(factsFor('bash'), 'bash'), '~/.bashrc');
  assert.equal(profileFor(factsFor('bash', {}, 'darwin'), 'bash'), '~/.bash_profile');
  assert.equal(profileFor(factsFor('zsh'), 'zsh'), '~/.zshrc');
  assert.equal(profileFor(factsFor('zsh', { ZDOTDIR: '/home/alice/.config/zsh' }), 'zsh'), '$ZDOTDIR/.zshrc');
  assert.equal(profileFor(factsFor('sh'), 'sh'), '~/.profile');
});

test('add-to-path lines for fish, PowerShell and cmd', () => {
  assert.deepEqual(addToPathFix(factsFor('fish'), '/home/alice/.local/bin', 'f').commands, [
    'fish_add_path /home/alice/.local/bin',
  ]);
  const ps = addToPathFix(factsFor('powershell', {}, 'win32'), "C:\\Users\\o'brien\\Scripts", 'f').commands;
  assert.deepEqual(ps, [
    "[Environment]::SetEnvironmentVariable('Path', 'C:\\Users\\o''brien\\Scripts' + ';' + [Environment]::GetEnvironmentVariable('Path', 'User'), 'User')",
    "$env:Path = 'C:\\Users\\o''brien\\Scripts' + ';' + $env:Path",
  ]);
  const cmd = addToPathFix(factsFor('cmd', {}, 'win32'), 'C:\\Py\\Scripts', 'f').commands;
  assert.match(cmd[0] ?? '', /^powershell -NoProfile -Command "\[Environment\]::SetEnvironmentVariable/);
  assert.equal(cmd[1], 'set "PATH=C:\\Py\\Scripts;%PATH%"');
});

// The POSIX lines really work: run them in bash and dash with a throwaway HOME, awkward paths included.
for (const [shell, program] of [
  ['bash', 'bash'],
  ['sh', 'dash'],
] as const) {
  test(`add-to-path lines run in ${program} and put the directory first on PATH`, (t) => {
    const found = spawnSync(program, ['-c', 'true']);
    if (found.error) {
      t.skip(`${program} is not installed`);
      return;
    }
    const home = tempDir('pd-home-');
    try {
      for (const dir of [join(home, '.local', 'bin'), "/opt/it's a $dir/`bin`", '/opt/quote"d\\bin']) {
        const facts = factsFor(shell, { HOME: home });
        const fix = addToPathFix(facts, dir, 'f');
        const profile = join(home, shell === 'bash' ? '.bashrc' : '.profile');
        rmSync(profile, { force: true });
        const run = (script: string) =>
          // stdin from /dev/null: on a socket (libuv's pipes) bash thinks it runs under rshd and reads ~/.bashrc.
          spawnSync(program, ['-c', script], {
            env: { HOME: home, PATH: '/usr/bin:/bin' },
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'pipe'],
          });
        // Line 1 writes the profile; line 2 applies it to the running shell.
        const now = run(`${fix.commands.join('\n')}\nprintf '%s' "$PATH"`);
        assert.equal(now.status, 0, now.stderr);
        assert.equal(now.stdout, `${dir}:/usr/bin:/bin`);
        const later = run(`. ${profile}\nprintf '%s' "$PATH"`);
        assert.equal(later.stdout, `${dir}:/usr/bin:/bin`, readFileSync(profile, 'utf8'));
      }
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
}
