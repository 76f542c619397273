// The PATH block: per-shell syntax, the right file, added only when missing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addPathBlock, pathLine, powershellProfile, resolveProfile } from '../../../src/apply/profile.js';

const linux = { platform: 'linux', env: {}, home: '/home/alice' };

test('each shell gets its own PATH syntax', () => {
  assert.equal(
    pathLine('bash', '/home/alice/.local/bin', '/home/alice'),
    'export PATH="$HOME/.local/bin:$PATH"',
  );
  assert.equal(
    pathLine('zsh', '/opt/my $tools/bin', '/home/alice'),
    'export PATH="/opt/my \\$tools/bin:$PATH"',
  );
  assert.equal(
    pathLine('fish', '/home/alice/.local/bin', '/home/alice'),
    'contains -- /home/alice/.local/bin $PATH; or set -gx PATH /home/alice/.local/bin $PATH',
  );
  assert.equal(
    pathLine('powershell', "C:\\Users\\o'neil\\Scripts", null),
    "$env:Path = 'C:\\Users\\o''neil\\Scripts' + [IO.Path]::PathSeparator + $env:Path",
  );
});

test('profiles as the fix builders name them resolve to files', () => {
  assert.equal(resolveProfile('~/.bashrc', 'bash', linux), '/home/alice/.bashrc');
  assert.equal(
    resolveProfile('$ZDOTDIR/.zshrc', 'zsh', { ...linux, env: { ZDOTDIR: '/home/alice/.zsh' } }),
    '/home/alice/.zsh/.zshrc',
  );
  assert.equal(
    resolveProfile('~/.config/fish/config.fish', 'fish', linux),
    '/home/alice/.config/fish/config.fish',
  );
  assert.equal(resolveProfile('HKCU\\Environment\\Path', 'cmd', linux), null);
  assert.equal(
    resolveProfile('HKCU\\Environment\\Path', 'powershell', {
      platform: 'win32',
      env: {},
      home: 'C:\\Users\\alice',
    }),
    'C:\\Users\\alice\\Documents\\WindowsPowerShell\\Microsoft.PowerShell_profile.ps1',
  );
  assert.equal(
    powershellProfile({
      platform: 'win32',
      env: { PSModulePath: 'C:\\Users\\alice\\Documents\\PowerShell\\Modules;C:\\x' },
      home: 'C:\\Users\\alice',
    }),
    'C:\\Users\\alice\\Documents\\PowerShell\\Microsoft.PowerShell_profile.ps1',
  );
  assert.equal(powershellProfile(linux), '/home/alice/.config/powershell/Microsoft.PowerShell_profile.ps1');
});

test('the block is appended once, after a blank line, with a final newline', () => {
  const line = 'export PATH="$HOME/.local/bin:$PATH"';
  const once = addPathBlock('alias ll="ls -l"', line, '2026-11-26');
  assert.equal(
    once,
    'alias ll="ls -l"\n\n# >>> pip-doctor >>>\n# added by pip-doctor on 2026-11-26; `pip-doctor fix --undo` removes it\nexport PATH="$HOME/.local/bin:$PATH"\n# <<< pip-doctor <<<\n',
  );
  assert.equal(addPathBlock(once, line, '2030-01-01'), once);
  assert.ok(addPathBlock('', line, 'd').startsWith('# >>> pip-doctor >>>\n'));
});

test('a second directory goes into the existing block; CRLF files stay CRLF', () => {
  const once = addPathBlock('x\n', 'export PATH="/a:$PATH"', 'd');
  const twice = addPathBlock(once, 'export PATH="/b:$PATH"', 'd');
  assert.equal(twice, once.replace('# <<< pip-doctor <<<', 'export PATH="/b:$PATH"\n# <<< pip-doctor <<<'));
  const crlf = addPathBlock('x\r\n', '$env:Path = 1', 'd');
  assert.ok(!/[^\r]\n/.test(crlf), crlf);
});
