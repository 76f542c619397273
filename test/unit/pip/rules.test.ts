// pip's smaller rules, restated from pip's own unit tests: configparser reading, the PEP 668
// marker's language keys, and the scripts-directory-on-PATH comparison.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Facts } from '../../../src/gather/facts.js';
import { errorKeys, markerText } from '../../../src/pip/externally-managed.js';
import { IniError, parseIni } from '../../../src/pip/ini.js';
import { scriptDirectoryOnPath } from '../../../src/pip/script-path.js';
import { type PipVersion, parsePipVersion } from '../../../src/pip/version.js';
import type { ProbeFacts } from '../../../src/probe/probe-facts.js';
import { linuxFacts, loadProbe } from '../checks/fixture.js';

const v = (text: string) => parsePipVersion(text) as PipVersion;

test('configparser: continuation lines, blank lines inside values, DEFAULT, comments', () => {
  const sections = parseIni(
    '# comment\n[DEFAULT]\ntimeout = 60\n[global]\nfind-links =\n    /a\n\n    /b\n; note\nUser: TRUE\n',
    'pip.conf',
  );
  const global = sections.get('global');
  assert.equal(global?.get('find-links')?.value, '\n/a\n\n/b', 'as Python: the empty first line stays');
  assert.equal(global?.get('user')?.value, 'TRUE', 'keys are lower-cased, values kept');
  assert.equal(global?.get('user')?.line, 10);
  assert.equal(global?.get('timeout')?.value, '60', 'DEFAULT keys appear in every section');
  assert.equal(sections.has('DEFAULT'), false);
  assert.throws(() => parseIni('[a]\n[a]\n', 'f'), IniError);
  assert.throws(
    () => parseIni('[a]\njunk line\n', 'f'),
    /Source contains parsing errors: 'f'\n\t\[line {2}2\]: 'junk line\\n'/,
  );
  // Python 2 is lenient about duplicates and strips " ;" comments.
  const py2 = parseIni('[a]\nx = 1 ; one\nx = 2\n', 'f', { python2: true });
  assert.equal(py2.get('a')?.get('x')?.value, '2');
  assert.equal(parseIni('[a]\nx = 1 ; one\n', 'f', { python2: true }).get('a')?.get('x')?.value, '1');
});

test("EXTERNALLY-MANAGED: pip's language-key order (tests/unit/test_exceptions.py)", () => {
  assert.deepEqual(errorKeys('zh_Hant'), ['Error-zh_Hant', 'Error-zh', 'Error']);
  assert.deepEqual(errorKeys('de-DE'), ['Error-de-DE', 'Error-de', 'Error']);
  assert.deepEqual(errorKeys(null), ['Error']);
  const probe = (content: string, lang: string | null): ProbeFacts => {
    const base = loadProbe('debian-user');
    return {
      ...base,
      locale: { ...base.locale, messagesLanguage: lang },
      externallyManaged: { ...base.externallyManaged, content },
    };
  };
  const all =
    '[externally-managed]\nError = plain\nError-en = english\nError-zh = zh\nError-zh_Hant = hant\n';
  assert.equal(markerText(probe(all, 'zh_Hant'), false).text, 'hant');
  assert.equal(markerText(probe(all, 'zh_Hant'), true).text, 'plain', 'Windows: always Error');
  assert.equal(
    markerText(probe('[externally-managed]\nError = plain\nError-zh = zh\n', 'zh_Hant'), false).text,
    'zh',
  );
  assert.equal(
    markerText(probe('[externally-managed]\nError = plain\nError-en = en\n', 'zh_Hant'), false).text,
    'plain',
  );
  const invalid = markerText(probe('invalid', 'en_US'), false);
  assert.equal(invalid.warning, 'Failed to read /usr/lib/python3.11/EXTERNALLY-MANAGED');
  assert.match(invalid.text, /^The Python environment under \/usr is managed externally/);
  for (const content of ['', '[foo]\n', '[externally-managed]\nother = 1\n']) {
    const marker = markerText(probe(content, 'en_US'), false);
    assert.equal(marker.warning, null, JSON.stringify(content));
    assert.equal(marker.key, null);
  }
});

test("scripts on PATH: pip's comparison per version (tests/unit/test_wheel.py)", () => {
  const facts = (path: string | undefined, platform = 'linux'): Facts => {
    const f = linuxFacts(loadProbe('pyenv312-user'), { env: {} });
    f.host = { ...f.host, platform, env: path === undefined ? {} : { PATH: path } };
    return f;
  };
  const on = (dir: string, path: string | undefined, version: string, platform?: string) =>
    scriptDirectoryOnPath(dir, facts(path, platform), v(version));
  assert.equal(on('/a/b/c', '/a/./b/../b//c/', '23.1'), true, 'normpath from 23.1');
  assert.equal(on('/a/b/c', '/a/./b/../b//c/', '23.0'), false);
  assert.equal(on('/a/b', '/a/b/', '18.0'), true, 'trailing separator stripped from 18.0');
  assert.equal(on('/a/b', '/a/b/', '10.0'), false);
  assert.equal(on('/x/bin', undefined, '23.2'), false, 'unset PATH is empty');
  assert.equal(
    on('/root/.pyenv/versions/3.12.1/bin', '', '23.2'),
    true,
    "the interpreter's own folder is exempt",
  );
  assert.equal(on('C:\\A\\b\\c', 'C:\\A\\b\\c', '23.2', 'win32'), true);
  assert.equal(
    on('c:\\a\\b\\c', 'C:\\A\\b\\C;D:\\x', '23.2', 'win32'),
    true,
    'Windows compares case-insensitively',
  );
  assert.equal(on('C:/A/b/d', 'c:\\a\\b\\d', '23.2', 'win32'), true);
  assert.equal(on('/A/b', '/a/b', '23.2'), false, 'POSIX is case-sensitive');
});
