// The static verdict follows pip's order of decisions, per pip version (pip-behavior.md §1.2, §4).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PipSettings } from '../../../src/scan/pip-settings.js';
import type { StaticFacts } from '../../../src/scan/static-facts.js';
import { compareVersions, staticVerdict } from '../../../src/scan/verdict.js';

const base: StaticFacts = {
  version: '3.11.2',
  isVenv: false,
  venvNoGlobal: false,
  venvBaseMissing: false,
  siteDirs: ['/usr/local/lib/python3.11/dist-packages'],
  siteWritable: true,
  marker: null,
  pipVersion: '23.2.1',
  pipLocation: '/usr/lib/python3/dist-packages',
  userSite: '/home/u/.local/lib/python3.11/site-packages',
  userSiteEnabled: true,
  caveat: null,
};
const none: PipSettings = {
  user: null,
  target: null,
  prefix: null,
  root: null,
  breakSystemPackages: false,
  requireVirtualenv: false,
  sources: [],
};
const verdict = (facts: Partial<StaticFacts>, settings: Partial<PipSettings> = {}) =>
  staticVerdict({ ...base, ...facts }, { ...none, ...settings });

test('writable site-packages: a normal install there', () => {
  assert.deepEqual(verdict({}).outcome, 'site-packages');
  assert.equal(verdict({}).directory, '/usr/local/lib/python3.11/dist-packages');
});

test('not writable: pip >= 20 defaults to the user site, older pips fail', () => {
  const v = verdict({ siteWritable: false });
  assert.equal(v.outcome, 'user-default');
  assert.equal(v.directory, base.userSite);
  assert.deepEqual(v.problems, ['site-packages-not-writable']);
  assert.equal(verdict({ siteWritable: false, pipVersion: '19.2.3' }).outcome, 'error-permission');
  assert.equal(verdict({ siteWritable: false, userSiteEnabled: false }).outcome, 'error-permission');
  assert.equal(verdict({ siteWritable: false }, { user: false }).outcome, 'error-permission');
});

test('EXTERNALLY-MANAGED: refused from pip 23.0; --break-system-packages only from 23.0.1', () => {
  const marker = '/usr/lib/python3.11/EXTERNALLY-MANAGED';
  assert.equal(verdict({ marker }).outcome, 'error-externally-managed');
  assert.deepEqual(verdict({ marker }).problems, ['externally-managed']);
  assert.equal(verdict({ marker, pipVersion: '22.3.1' }).outcome, 'site-packages');
  assert.equal(verdict({ marker }, { breakSystemPackages: true }).outcome, 'site-packages');
  assert.deepEqual(verdict({ marker }, { breakSystemPackages: true }).problems, [
    'externally-managed-overridden',
  ]);
  assert.equal(
    verdict({ marker, pipVersion: '23.0' }, { breakSystemPackages: true }).outcome,
    'error-externally-managed',
  );
  // Venvs are never externally managed; neither is an install with --prefix.
  assert.equal(verdict({ marker, isVenv: true, venvNoGlobal: true }).outcome, 'site-packages');
  assert.equal(verdict({ marker }, { prefix: '/opt/x' }).outcome, 'prefix');
});

test('venvs: own site-packages, permission error when not writable; system-site venvs can default to user', () => {
  const venv = {
    isVenv: true,
    venvNoGlobal: true,
    userSiteEnabled: false,
    siteDirs: ['/v/lib/python3.11/site-packages'],
  };
  assert.equal(verdict(venv).outcome, 'site-packages');
  assert.equal(verdict({ ...venv, siteWritable: false }).outcome, 'error-permission');
  assert.equal(
    verdict({ ...venv, venvNoGlobal: false, userSiteEnabled: true, siteWritable: false }).outcome,
    'user-default',
  );
  assert.equal(verdict(venv, { user: true }).outcome, 'error-user-in-virtualenv');
});

test('pip settings: require-virtualenv, user, target, conflicts', () => {
  assert.equal(verdict({}, { requireVirtualenv: true }).outcome, 'error-require-virtualenv');
  assert.equal(verdict({ isVenv: true }, { requireVirtualenv: true }).outcome, 'site-packages');
  assert.equal(verdict({}, { user: true }).outcome, 'user');
  assert.equal(verdict({}, { user: true, target: '/t' }).outcome, 'error-user-target-conflict');
  assert.equal(verdict({}, { user: true, prefix: '/p' }).outcome, 'error-user-prefix-conflict');
  assert.deepEqual(verdict({}, { target: '/t' }), {
    outcome: 'target',
    directory: '/t',
    problems: [],
    reason: 'target is set in pip configuration',
  });
});

test('no pip: error-pip-missing before anything else', () => {
  const v = verdict({ pipVersion: null, marker: '/m' });
  assert.equal(v.outcome, 'error-pip-missing');
  assert.equal(v.directory, null);
  assert.deepEqual(v.problems, ['pip-not-installed']);
});

test('compareVersions is numeric', () => {
  assert.equal(compareVersions('23.0.1', '23.0'), 1);
  assert.equal(compareVersions('9.0.3', '20.0'), -1);
  assert.equal(compareVersions('24.2', '24.2'), 0);
});
