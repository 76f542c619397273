// The static verdict: what a plain `pip install NAME` by the current user would do, decided from
// file facts in pip's own order (pip-behavior.md §1.2, §4, §7). Pure.
import type { Outcome } from '../core/types.js';
import type { PipSettings } from './pip-settings.js';
import type { StaticFacts } from './static-facts.js';

export interface Verdict {
  outcome: Outcome | null;
  directory: string | null;
  problems: string[];
  reason: string;
}

/** Compares dotted versions numerically: -1, 0 or 1. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/).map((p) => Number.parseInt(p, 10) || 0);
  const pb = b.split(/[.+-]/).map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

export function staticVerdict(facts: StaticFacts, settings: PipSettings): Verdict {
  const problems: string[] = [];
  if (facts.venvBaseMissing) problems.push('venv-base-missing');
  const site = facts.siteDirs[0] ?? null;
  const done = (outcome: Outcome | null, directory: string | null, reason: string): Verdict => ({
    outcome,
    directory,
    problems,
    reason,
  });
  if (facts.pipVersion === null) {
    problems.push('pip-not-installed');
    return done('error-pip-missing', null, 'no pip-*.dist-info on its sys.path');
  }
  const pip = facts.pipVersion === 'bundled' ? '99' : facts.pipVersion;
  const atLeast = (v: string) => compareVersions(pip, v) >= 0;
  if (settings.requireVirtualenv && !facts.isVenv) {
    return done('error-require-virtualenv', null, 'require-virtualenv is set and this is not a virtualenv');
  }
  if (settings.user === true && settings.target !== null && atLeast('20.1')) {
    return done('error-user-target-conflict', null, 'user and target are both set');
  }
  if (settings.target !== null) return done('target', settings.target, 'target is set in pip configuration');
  const pep668Applies =
    facts.marker !== null &&
    atLeast('23.0') &&
    !facts.isVenv &&
    settings.prefix === null &&
    settings.root === null;
  if (pep668Applies) {
    if (settings.breakSystemPackages && atLeast('23.0.1')) problems.push('externally-managed-overridden');
    else {
      problems.push('externally-managed');
      return done('error-externally-managed', site, `EXTERNALLY-MANAGED marker (${facts.marker})`);
    }
  }
  if (settings.user === true) {
    if (settings.prefix !== null)
      return done('error-user-prefix-conflict', null, 'user and prefix are both set');
    if (facts.venvNoGlobal && atLeast('20.0')) {
      return done('error-user-in-virtualenv', null, 'user is set, and this venv hides the user site');
    }
    return done('user', facts.userSite, 'user is set in pip configuration');
  }
  if (settings.prefix !== null) return done('prefix', null, 'prefix is set in pip configuration');
  if (settings.root !== null) return done('root', null, 'root is set in pip configuration');
  const normal = (why: string): Verdict => {
    if (facts.siteWritable)
      return done('site-packages', site, facts.isVenv ? 'virtual environment' : 'site-packages is writable');
    problems.push('site-packages-not-writable');
    return done('error-permission', site, `${why}; site-packages is not writable`);
  };
  if (facts.isVenv && facts.venvNoGlobal) return normal('virtual environment');
  if (settings.user === false) return normal('user = false in pip configuration');
  if (!atLeast('20.0')) return normal(`pip ${facts.pipVersion} never defaults to a user install`);
  if (!facts.userSiteEnabled) return normal('user site disabled');
  if (facts.siteWritable)
    return done('site-packages', site, facts.isVenv ? 'virtual environment' : 'site-packages is writable');
  problems.push('site-packages-not-writable');
  return done(
    'user-default',
    facts.userSite,
    'site-packages is not writable, so pip defaults to the user site',
  );
}
