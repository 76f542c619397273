// Small derived facts several checks share. Pure: everything comes from Facts.
import { posix, win32 } from 'node:path';
import type { SettingSource } from '../core/types.js';
import type { Facts, PathFacts } from '../gather/facts.js';
import { parseInstallCommandLine } from '../pip/options.js';
import { flavourOf } from '../pip/paths.js';
import { installScheme } from '../pip/scheme.js';
import { atLeast, type PipVersion, parsePipVersion } from '../pip/version.js';
import { runningUnderVirtualenv } from '../pip/virtualenv.js';

/** Parse install arguments with the newest pip's options (the user's pip may be older). */
const NEWEST_PIP = [99, 0, 0] as const;

type WithHost = Pick<Facts, 'host'>;

export function isWindows(facts: WithHost): boolean {
  return facts.host.platform === 'win32';
}

export function pathApi(facts: WithHost): typeof posix {
  return isWindows(facts) ? win32 : posix;
}

/** An environment variable as pip sees it (names are case-insensitive on Windows). */
export function envVar(facts: WithHost, name: string): string | undefined {
  const env = facts.host.env;
  if (!isWindows(facts)) return env[name];
  const key = Object.keys(env).find((k) => k.toUpperCase() === name.toUpperCase());
  return key === undefined ? undefined : env[key];
}

export function homeDir(facts: WithHost): string | null {
  return envVar(facts, isWindows(facts) ? 'USERPROFILE' : 'HOME') ?? facts.host.accountHome;
}

/** Same path, by the platform's rules (Windows: case-insensitive, either slash). */
export function samePath(facts: WithHost, a: string, b: string): boolean {
  const api = pathApi(facts);
  const norm = (p: string) => {
    const n = api.normalize(p).replace(/[\\/]+$/, '');
    return isWindows(facts) ? n.toLowerCase() : n;
  };
  return norm(a) === norm(b);
}

/** `child` is `parent` or inside it. */
export function isInside(facts: WithHost, child: string, parent: string): boolean {
  const rel = pathApi(facts).relative(parent, child);
  if (rel === '') return true;
  return !rel.startsWith('..') && !pathApi(facts).isAbsolute(rel);
}

export function pathFacts(facts: Facts, path: string | null | undefined): PathFacts | undefined {
  if (!path) return undefined;
  const exact = facts.paths[path];
  if (exact) return exact;
  const key = Object.keys(facts.paths).find((k) => samePath(facts, k, path));
  return key === undefined ? undefined : facts.paths[key];
}

/** PEP 405 venv or legacy virtualenv: what this pip's running_under_virtualenv() says. */
export function isVenv(facts: Facts): boolean {
  return runningUnderVirtualenv(facts.probe, pipVersionOf(facts));
}

/** The `include-system-site-packages` value from pyvenv.cfg, lower-cased, or null. */
export function venvSystemSite(facts: Facts): { value: string; line: string } | null {
  for (const line of facts.probe.pyvenvCfg.lines ?? []) {
    const match = /^\s*include-system-site-packages\s*=\s*(.*?)\s*$/i.exec(line);
    if (match) return { value: (match[1] ?? '').toLowerCase(), line: line.trim() };
  }
  return null;
}

export function pyvenvValue(facts: Facts, key: string): string | null {
  for (const line of facts.probe.pyvenvCfg.lines ?? []) {
    const match = /^\s*([^=]+?)\s*=\s*(.*?)\s*$/.exec(line);
    if (match && match[1]?.toLowerCase() === key) return match[2] ?? '';
  }
  return null;
}

/**
 * The site-packages directories of the interpreter's normal (non-user) scheme: the ones pip's
 * writability test looks at, from the pip model's scheme choice (sysconfig or distutils).
 */
export function defaultSiteDirs(facts: Facts): string[] {
  const scheme = defaultScheme(facts);
  return scheme ? [...new Set([scheme.purelib, scheme.platlib])] : [];
}

/** The scripts directory of the interpreter's normal scheme. */
export function defaultScriptsDir(facts: Facts): string | null {
  return defaultScheme(facts)?.scripts ?? null;
}

function defaultScheme(facts: Facts) {
  try {
    const request = { kind: 'default' as const, root: null, isolated: false };
    return installScheme(facts.probe, pipVersionOf(facts), request, flavourOf(facts.host.platform));
  } catch {
    return null; // the scheme cannot be worked out; the prediction already says why
  }
}

/** The pip version as the model compares it (no pip counts as the oldest). */
function pipVersionOf(facts: Facts): PipVersion {
  return parsePipVersion(facts.probe.pip.version ?? '') ?? [0, 0, 0];
}

export function isRoot(facts: Facts): boolean {
  return !isWindows(facts) && facts.host.euid === 0;
}

/** "uid 1000 (alice), groups 1000, 27": who the checks compare owners against. */
export function describeUser(facts: Facts): string {
  const { uid, userName, groups, gid } = facts.host;
  if (uid === null) return userName ?? 'unknown user';
  const name = userName ? ` (${userName})` : '';
  const all = [...new Set([gid, ...groups].filter((g): g is number => g !== null))];
  return `uid ${uid}${name}, groups ${all.join(', ') || 'none'}`;
}

/** "root:root, mode 755 (rwxr-xr-x)" */
export function describeOwnership(p: PathFacts): string {
  const who = `${p.owner ?? p.uid ?? '?'}:${p.group ?? p.gid ?? '?'}`;
  return p.mode === null ? who : `${who}, mode ${formatMode(p.mode)}`;
}

export function formatMode(mode: number): string {
  const bits = 'rwxrwxrwx'
    .split('')
    .map((c, i) => ((mode >> (8 - i)) & 1 ? c : '-'))
    .join('');
  return `${(mode & 0o7777).toString(8).padStart(3, '0')} (${bits})`;
}

/** Whether the current user could write to a directory with these owner/mode bits (ignoring ACLs). */
export function ownedByOther(facts: Facts, p: PathFacts): boolean {
  return p.uid !== null && facts.host.uid !== null && p.uid !== facts.host.uid;
}

/** Settings that did not come from the command line: the ones a user may not know about. */
export function hiddenSettings(settings: SettingSource[]): SettingSource[] {
  return settings.filter((s) => s.from !== 'command line');
}

export function describeSource(s: SettingSource): string {
  return s.line === undefined ? s.from : `${s.from}, line ${s.line}`;
}

/** Package names named in `pip install` arguments (options and their values skipped, as pip parses them). */
export function packagesFromArgs(args: string[]): string[] {
  let packages: string[];
  try {
    packages = parseInstallCommandLine(args, NEWEST_PIP).packages;
  } catch {
    return []; // pip would stop with a usage error; the prediction reports it
  }
  return packages.filter((arg) => /^[A-Za-z0-9]/.test(arg) && !arg.includes('/') && !arg.includes('\\'));
}

/** `requests[socks]>=2` → `requests` (PEP 503 normalised). */
export function projectName(requirement: string): string {
  const name = /^[A-Za-z0-9._-]+/.exec(requirement)?.[0] ?? requirement;
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** pip's version is at least major.minor (an unknown version counts as old). */
export function pipAtLeast(facts: Facts, major: number, minor: number): boolean {
  return atLeast(pipVersionOf(facts), major, minor);
}

/** Absolute by the facts' platform rules (a config file path, not "command line"). */
export function isAbsolutePath(facts: WithHost, path: string): boolean {
  return pathApi(facts).isAbsolute(path);
}
