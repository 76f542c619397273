// pip config edits touch only the key's line(s); every other byte stays.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commentOutKey, hasKey, normalizeKey, setKey } from '../../../src/apply/ini.js';

const CONFIG =
  '# my pip config\n[global]\ntimeout = 60\nuser = true\n\n; keep me\n[install]\nUSER=true\ntarget = /x\n';

test('commenting out a key changes only its line, in its section', () => {
  assert.equal(
    commentOutKey(CONFIG, 'global', 'user'),
    '# my pip config\n[global]\ntimeout = 60\n# user = true\n\n; keep me\n[install]\nUSER=true\ntarget = /x\n',
  );
  assert.equal(
    commentOutKey(CONFIG, 'install', 'user'),
    '# my pip config\n[global]\ntimeout = 60\nuser = true\n\n; keep me\n[install]\n# USER=true\ntarget = /x\n',
  );
});

test('commenting out is idempotent and leaves text without the key alone', () => {
  const once = commentOutKey(CONFIG, 'global', 'user');
  assert.equal(commentOutKey(once, 'global', 'user'), once);
  assert.equal(commentOutKey(CONFIG, 'global', 'prefix'), CONFIG);
  assert.equal(commentOutKey(CONFIG, 'nosuch', 'user'), CONFIG);
});

test('pip spellings of a key match: case, underscores, leading dashes', () => {
  assert.equal(normalizeKey('--Break_System_Packages'), 'break-system-packages');
  const text = '[global]\nbreak_system_packages = true\n';
  assert.ok(hasKey(text, 'global', 'break-system-packages'));
  assert.equal(
    commentOutKey(text, 'global', 'break-system-packages'),
    '[global]\n# break_system_packages = true\n',
  );
});

test('CRLF line endings, a missing final newline and continuation lines are kept straight', () => {
  const crlf = '[global]\r\nuser = true\r\nindex-url = x\r\n';
  assert.equal(commentOutKey(crlf, 'global', 'user'), '[global]\r\n# user = true\r\nindex-url = x\r\n');
  assert.equal(commentOutKey('[global]\nuser = true', 'global', 'user'), '[global]\n# user = true');
  const multi = '[global]\nfind-links =\n    /a\n    /b\ntimeout = 5\n';
  assert.equal(
    commentOutKey(multi, 'global', 'find-links'),
    '[global]\n# find-links =\n#     /a\n#     /b\ntimeout = 5\n',
  );
});

test('setting a key rewrites its value in place, keeping the delimiter style', () => {
  assert.equal(setKey(CONFIG, 'install', 'user', 'false'), CONFIG.replace('USER=true', 'USER=false'));
  assert.equal(setKey(CONFIG, 'global', 'user', 'true'), CONFIG);
  assert.equal(setKey('[global]\nuser = true', 'global', 'user', 'no'), '[global]\nuser = no');
});

test('setting a missing key adds it at the end of its section, or adds the section', () => {
  assert.equal(
    setKey('[global]\ntimeout = 60\n\n[install]\nx = 1\n', 'global', 'user', 'false'),
    '[global]\ntimeout = 60\nuser = false\n\n[install]\nx = 1\n',
  );
  assert.equal(
    setKey('[global]\ntimeout = 60', 'install', 'user', 'false'),
    '[global]\ntimeout = 60\n[install]\nuser = false\n',
  );
  assert.equal(setKey('', 'global', 'user', 'false'), '[global]\nuser = false\n');
  assert.equal(setKey('[global]\r\n', 'global', 'user', 'false'), '[global]\r\nuser = false\r\n');
});
