// pip install's decision, step by step in pip's own order (pip-behavior.md §8):
// require-virtualenv -> --user with --target -> PEP 668 -> user-or-not -> target checks ->
// scheme -> the install itself (permissions) -> the root warning. Pure: facts in, prediction out.
import type { Outcome, Prediction, SettingSource } from '../core/types.js';
import type { Facts, PathFacts } from '../gather/facts.js';
import { cacheDirectory, cacheUsable } from './cache-dir.js';
import { externallyManagedLines } from './externally-managed.js';
import {
  cacheNotOwnedLines,
  DEFAULTING_TO_USER,
  errorLine,
  escapedErrorLines,
  NO_VIRTUALENV,
  osErrorExitCode,
  osErrorLines,
  rootWarning,
  TARGET_NOT_A_DIRECTORY,
  USER_AND_PREFIX,
  USER_AND_TARGET,
  USER_NOT_VISIBLE,
  USER_SITE_DISABLED,
  warningLine,
} from './messages.js';
import { PipUsageError } from './options.js';
import { absolute, flavourOf, type PathFlavour, pyJoin } from './paths.js';
import { type InstallScheme, installScheme, SchemeError, type SchemeRequest } from './scheme.js';
import { scriptDirectoryOnPath } from './script-path.js';
import { type PipSettings, resolveSettings, type Setting, stringSetting, truthy } from './settings.js';
import { atLeast, type PipVersion, parsePipVersion } from './version.js';
import { runningUnderVirtualenv, virtualenvNoGlobal } from './virtualenv.js';

interface Decision {
  facts: Facts;
  version: PipVersion;
  settings: PipSettings;
  flavour: PathFlavour;
  inVirtualenv: boolean;
  reasoning: string[];
  messages: string[];
  used: SettingSource[];
}

export function predict(facts: Facts, installArgs: string[]): Prediction {
  const { probe } = facts;
  if (!probe.pip.version) {
    return {
      outcome: 'error-pip-missing',
      directory: null,
      scriptsDirectory: null,
      messages: [`${probe.python.executable}: No module named pip`],
      pipExitCode: 1,
      reasoning: [`${probe.python.executable} has no pip package on its sys.path.`],
      settings: [],
      pipVersion: null,
      scriptsOnPath: null,
    };
  }
  const version = parsePipVersion(probe.pip.version);
  if (!version) throw new PipUsageError(`cannot read pip's version "${probe.pip.version}"`);
  const settings = resolveSettings(facts, version, installArgs);
  const decision: Decision = {
    facts,
    version,
    settings,
    flavour: flavourOf(facts.host.platform),
    inVirtualenv: runningUnderVirtualenv(probe, version),
    reasoning: [],
    messages: [],
    used: [],
  };
  return decide(decision);
}

function decide(d: Decision): Prediction {
  const { facts, version, settings } = d;
  const { probe } = facts;
  const setting = (dest: string): Setting | undefined => {
    const found = settings.values.get(dest);
    if (found && !d.used.includes(found.source)) d.used.push(found.source);
    return found;
  };
  d.reasoning.push(
    `pip ${probe.pip.version} for Python ${probe.python.version} (${probe.python.executable}); ` +
      (d.inVirtualenv
        ? `in the virtual environment ${probe.prefixes.prefix}.`
        : 'not in a virtual environment.'),
  );

  // 1. --require-virtualenv: before anything else of the command (exit 3).
  const requireVenv = setting('require_venv');
  if (truthy(requireVenv)) {
    if (!d.inVirtualenv) {
      d.reasoning.push(
        `require-virtualenv is on (${describe(requireVenv)}) and this is not a virtual environment.`,
      );
      return finish(d, 'error-require-virtualenv', null, null, [errorLine(version, NO_VIRTUALENV)], 3);
    }
    d.reasoning.push('require-virtualenv is on, and this is a virtual environment.');
  }
  // Since pip 20.0 the cache folder is checked for every command, right here.
  if (atLeast(version, 20)) warnAboutCache(d);

  const user = setting('use_user_site');
  const target = settings.values.has('target_dir') ? stringSetting(settings, 'target_dir') : null;
  if (target !== null) setting('target_dir');
  const prefix = settings.values.has('prefix_path') ? stringSetting(settings, 'prefix_path') : null;
  if (prefix !== null) setting('prefix_path');
  const root = settings.values.has('root_path') ? stringSetting(settings, 'root_path') : null;
  if (root !== null) setting('root_path');
  const isolated = truthy(setting('isolated_mode')) || settings.isolated;

  // 2. --user together with --target (refused up front since 20.1).
  if (atLeast(version, 20, 1) && truthy(user) && target !== null) {
    d.reasoning.push(`a user install was asked for (${describe(user)}) together with --target.`);
    return finish(d, 'error-user-target-conflict', absolute(target, facts.host.cwd, d.flavour), null, [
      errorLine(version, USER_AND_TARGET, true),
    ]);
  }

  // 3. PEP 668 (23.0+): only when installing into this environment itself.
  if (atLeast(version, 23)) {
    const report = settings.values.has('json_report_file');
    const dryRunReport = truthy(setting('dry_run')) && report;
    const elsewhere = root !== null || target !== null || prefix !== null;
    const override = atLeast(version, 23, 0, 1) ? setting('override_externally_managed') : undefined;
    const marker = probe.externallyManaged;
    if (marker.isFile && !d.inVirtualenv) {
      if (elsewhere || dryRunReport) {
        d.reasoning.push(
          `${marker.path} exists, but --root/--target/--prefix (or --dry-run --report) skip pip's PEP 668 check.`,
        );
      } else if (truthy(override)) {
        d.reasoning.push(`${marker.path} exists, but break-system-packages is on (${describe(override)}).`);
      } else {
        d.reasoning.push(
          `${marker.path} exists and this is not a virtual environment: pip refuses (PEP 668).`,
        );
        const wouldTry = safeScheme(d, { kind: truthy(user) ? 'user' : 'default', root: null, isolated });
        return finish(
          d,
          'error-externally-managed',
          wouldTry?.purelib ?? null,
          wouldTry?.scripts ?? null,
          externallyManagedLines(probe, version, d.flavour.windows),
        );
      }
    }
  }

  // 4. User install or not.
  const userDecision = decideUser(d, user, target, prefix, root, isolated);
  if ('error' in userDecision) return userDecision.error;
  const { useUserSite, defaulted } = userDecision;

  // 5. --target: made absolute; an existing non-directory is refused.
  if (target !== null && target !== '') {
    const targetDir = absolute(target, facts.host.cwd, d.flavour);
    const targetFacts = lookup(facts, targetDir);
    if (targetFacts?.exists && !targetFacts.isDirectory) {
      d.reasoning.push(`--target ${targetDir} exists and is not a directory.`);
      return finish(d, 'target', targetDir, null, [errorLine(version, TARGET_NOT_A_DIRECTORY, true)]);
    }
    // pip installs into a temporary "home" scheme and then moves lib/python and bin into the target.
    const home = scheme(d, { kind: 'home', base: targetDir, root: null, isolated });
    if ('error' in home) return home.error;
    d.reasoning.push(`--target: pip stages the install and moves it into ${targetDir}.`);
    return install(d, 'target', targetDir, home.scheme.scripts, [targetDir], useUserSite, 'move');
  }

  // 6. The scheme pip installs with.
  const request: SchemeRequest = useUserSite
    ? { kind: 'user', root, isolated }
    : prefix !== null
      ? { kind: 'prefix', base: prefix, root, isolated }
      : { kind: 'default', root, isolated };
  const chosen = scheme(d, request);
  if ('error' in chosen) return chosen.error;
  // Everything lands under --root when it is given; only pip's own fallback line outranks it.
  const outcome: Outcome = defaulted
    ? 'user-default'
    : root !== null
      ? 'root'
      : useUserSite
        ? 'user'
        : prefix !== null
          ? 'prefix'
          : 'site-packages';
  d.reasoning.push(
    `pip uses the ${chosen.scheme.name} scheme (${chosen.scheme.backend}): packages go to ${chosen.scheme.purelib}, scripts to ${chosen.scheme.scripts}.`,
  );
  const libs = unique([chosen.scheme.purelib, chosen.scheme.platlib]);
  return install(d, outcome, chosen.scheme.purelib, chosen.scheme.scripts, libs, useUserSite);
}

type UserDecision = { useUserSite: boolean; defaulted: boolean } | { error: Prediction };

/** decide_user_install (20.0+), or the older explicit-only rules (pip-behavior.md §1.2, §1.3). */
function decideUser(
  d: Decision,
  user: Setting | undefined,
  target: string | null,
  prefix: string | null,
  root: string | null,
  isolated: boolean,
): UserDecision {
  const { facts, version } = d;
  const { probe } = facts;
  if (user !== undefined && !truthy(user)) {
    d.reasoning.push(`a non-user install was asked for explicitly (${describe(user)}).`);
    return { useUserSite: false, defaulted: false };
  }
  if (truthy(user)) {
    if (prefix) {
      d.reasoning.push(`a user install was asked for (${describe(user)}) together with --prefix.`);
      return {
        error: finish(d, 'error-user-prefix-conflict', null, null, [
          errorLine(version, USER_AND_PREFIX, true),
        ]),
      };
    }
    const noGlobal = virtualenvNoGlobal(probe, version);
    if (noGlobal.warning) d.messages.push(warningLine(version, noGlobal.warning));
    if (noGlobal.noGlobal) {
      d.reasoning.push(`a user install was asked for (${describe(user)}), but ${noGlobal.because}.`);
      const wouldTry = safeScheme(d, { kind: 'default', root, isolated });
      return {
        error: finish(d, 'error-user-in-virtualenv', wouldTry?.purelib ?? null, null, [
          errorLine(version, USER_NOT_VISIBLE),
        ]),
      };
    }
    if (atLeast(version, 25, 3) && !probe.site.enableUserSite) {
      d.reasoning.push(
        `a user install was asked for (${describe(user)}), but user site-packages are disabled for this Python.`,
      );
      return {
        error: finish(d, 'error-user-in-virtualenv', probe.site.userSite, null, [
          errorLine(version, USER_SITE_DISABLED),
        ]),
      };
    }
    if (target !== null) {
      // pip 20.0 and older pass both to distutils, which refuses the combination.
      d.reasoning.push(
        'pip before 20.1 does not check --user with --target up front; the install step fails.',
      );
      return {
        error: finish(
          d,
          'error-user-target-conflict',
          absolute(target, facts.host.cwd, d.flavour),
          null,
          [
            errorLine(
              version,
              "Exception: can't combine user with prefix, exec_prefix/home, or install_(plat)base",
            ),
          ],
          2,
        ),
      };
    }
    d.reasoning.push(`a user install was asked for (${describe(user)}).`);
    return { useUserSite: true, defaulted: false };
  }
  if (!atLeast(version, 20)) {
    d.reasoning.push('pip before 20.0 never falls back to a user install by itself.');
    return { useUserSite: false, defaulted: false };
  }
  if (prefix || target) {
    d.reasoning.push('--prefix or --target given: not a user install.');
    return { useUserSite: false, defaulted: false };
  }
  if (!probe.site.enableUserSite) {
    const why = d.inVirtualenv
      ? 'user site-packages are off in this virtual environment'
      : probe.site.enableUserSite === null
        ? 'user site-packages are off because the process runs with a different effective uid/gid'
        : 'user site-packages are disabled (PYTHONNOUSERSITE or -s)';
    d.reasoning.push(`${why}: pip installs into site-packages whatever its permissions.`);
    return { useUserSite: false, defaulted: false };
  }
  const guesses = safeScheme(d, { kind: 'default', root, isolated });
  if (!guesses) return { error: schemeFailure(d) };
  const tested = unique([guesses.purelib, guesses.platlib]);
  const unwritable = tested.filter((dir) => !writable(facts, dir));
  if (unwritable.length === 0) {
    d.reasoning.push(`site-packages is writable (${tested.join(', ')}).`);
    return { useUserSite: false, defaulted: false };
  }
  d.reasoning.push(
    `${unwritable.join(', ')} is not writable for this user, so pip falls back to the user site.`,
  );
  d.messages.push(DEFAULTING_TO_USER);
  return { useUserSite: true, defaulted: true };
}

/** The install itself: pip creates what is missing, and fails on the first directory it may not write. */
function install(
  d: Decision,
  outcome: Outcome,
  directory: string,
  scriptsDirectory: string,
  writesTo: string[],
  userInstall: boolean,
  /** `move`: files are staged elsewhere and moved in (--target), outside pip's OSError handling. */
  step: 'install' | 'move' = 'install',
): Prediction {
  const { facts, version, settings } = d;
  const cwd = facts.host.cwd;
  const absoluteDir = absolute(directory, cwd, d.flavour);
  const absoluteScripts = absolute(scriptsDirectory, cwd, d.flavour);
  // Older pips checked the cache when they started downloading and building.
  if (!atLeast(version, 20)) warnAboutCache(d);
  const dryRun = truthy(settings.values.get('dry_run'));
  if (dryRun) {
    d.reasoning.push('--dry-run: pip stops before installing anything.');
    const prediction = finish(d, outcome, absoluteDir, absoluteScripts, [], 0);
    prediction.scriptsOnPath = scriptDirectoryOnPath(scriptsDirectory, facts, version);
    return prediction;
  }
  for (const dir of writesTo) {
    // The install itself creates directories relative to the cwd (pip's '' quirk is only in its up-front test).
    const info = lookup(facts, absolute(dir, cwd, d.flavour));
    if (info && !info.writable) {
      const readOnly = info.mount?.readOnly ?? false;
      const failing = firstFailingPath(dir, info, d, settings.commandLine.packages);
      d.reasoning.push(
        `${info.nearestExisting ?? dir} is ${readOnly ? `on a read-only mount (${info.mount?.mountPoint})` : 'not writable for this user'}, so the install fails.`,
      );
      const errno = readOnly ? 30 : 13;
      const python2 = facts.probe.python.versionInfo[0] < 3;
      if (step === 'move') {
        const lines = escapedErrorLines(version, errno, failing, python2);
        return finish(d, 'error-permission', absoluteDir, absoluteScripts, lines, 2);
      }
      return finish(
        d,
        'error-permission',
        absoluteDir,
        absoluteScripts,
        osErrorLines(version, errno, failing, { inVirtualenv: d.inVirtualenv, userInstall, python2 }),
        osErrorExitCode(version),
      );
    }
  }
  const messages: string[] = [];
  const rootAction = stringSetting(settings, 'root_user_action') ?? 'warn';
  const warning = rootWarning(version);
  if (warning && !d.flavour.windows && facts.host.uid === 0 && !d.inVirtualenv && rootAction === 'warn') {
    messages.push(warning);
  }
  const prediction = finish(d, outcome, absoluteDir, absoluteScripts, messages, 0);
  prediction.scriptsOnPath = scriptDirectoryOnPath(scriptsDirectory, facts, version);
  return prediction;
}

function warnAboutCache(d: Decision): void {
  const dir = cacheDirectory(d.facts, d.settings);
  if (dir === null || cacheUsable(d.facts, lookup(d.facts, dir))) return;
  d.reasoning.push(`pip's cache folder ${dir} is not this user's, so pip runs without a cache.`);
  d.messages.push(...cacheNotOwnedLines(d.version, dir, d.flavour.windows ? '\\' : '/'));
}

/** The path in "[Errno 13] Permission denied: '...'": the first directory pip cannot create. */
function firstFailingPath(dir: string, info: PathFacts, d: Decision, packages: string[]): string {
  const nearest = info.nearestExisting;
  if (nearest !== null && nearest !== dir && nearest !== '') {
    // makedirs fails on the first missing component below the nearest existing ancestor.
    const below = dir.slice(nearest.length).replace(/^[\\/]+/, '');
    const first = below.split(/[\\/]/)[0] ?? '';
    return first ? pyJoin(nearest, first) : dir;
  }
  const name = packages.find((p) => /^[A-Za-z0-9]/.test(p) && !/[\\/]/.test(p));
  const module = name
    ? name
        .split(/[<>=!~;[ ]/)[0]
        ?.toLowerCase()
        .replaceAll('-', '_')
    : null;
  return module ? (d.flavour.windows ? `${dir}\\${module}` : pyJoin(dir, module)) : dir;
}

function scheme(d: Decision, request: SchemeRequest): { scheme: InstallScheme } | { error: Prediction } {
  const found = safeScheme(d, request);
  return found ? { scheme: found } : { error: schemeFailure(d) };
}

function safeScheme(d: Decision, request: SchemeRequest): InstallScheme | null {
  try {
    return installScheme(d.facts.probe, d.version, request, d.flavour);
  } catch (error) {
    if (error instanceof SchemeError) {
      d.reasoning.push(error.message);
      return null;
    }
    throw error;
  }
}

function schemeFailure(d: Decision): Prediction {
  throw new PipUsageError(d.reasoning[d.reasoning.length - 1] ?? 'cannot work out the install scheme');
}

function writable(facts: Facts, dir: string): boolean {
  return lookup(facts, dir)?.writable ?? true;
}

/** facts.paths is keyed by the exact paths pathsToInspect asked for. */
function lookup(facts: Facts, path: string): PathFacts | undefined {
  return facts.paths[path];
}

function finish(
  d: Decision,
  outcome: Outcome,
  directory: string | null,
  scriptsDirectory: string | null,
  messages: string[],
  pipExitCode = 1,
): Prediction {
  const cwd = d.facts.host.cwd;
  return {
    outcome,
    directory: directory === null ? null : absolute(directory, cwd, d.flavour),
    scriptsDirectory: scriptsDirectory === null ? null : absolute(scriptsDirectory, cwd, d.flavour),
    messages: [...d.messages, ...messages],
    pipExitCode,
    reasoning: d.reasoning,
    settings: d.used,
    pipVersion: d.facts.probe.pip.version,
    scriptsOnPath: null,
  };
}

function describe(setting: Setting | undefined): string {
  if (!setting) return 'default';
  const { option, value, from, line } = setting.source;
  const where =
    from === 'command line' ? 'on the command line' : line !== undefined ? `${from}, line ${line}` : from;
  return `${option} = ${value}, ${where}`;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
