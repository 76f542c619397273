// Where pip puts files: the install scheme (pip-behavior.md §5). The probe computed every
// scheme of the target Python (sysconfig, and distutils where this pip uses it) with a
// placeholder base; this module picks the one pip would pick and fills in --prefix/--target/--root.
import type { DistutilsCase, ProbeFacts, SchemePaths } from '../probe/probe-facts.js';
import { PLACEHOLDER } from '../probe/probe-facts.js';
import { changeRoot, normpath, type PathFlavour } from './paths.js';
import { atLeast, type PipVersion } from './version.js';
import { runningUnderVirtualenv } from './virtualenv.js';

export type SchemeKind = 'default' | 'user' | 'home' | 'prefix';

export interface SchemeRequest {
  kind: SchemeKind;
  /** The --prefix value, or the directory a --target install is staged in. */
  base?: string;
  /** --root, re-roots every path. */
  root: string | null;
  /** --isolated: ignore ~/.pydistutils.cfg (distutils backend only). */
  isolated: boolean;
}

export interface InstallScheme {
  purelib: string;
  platlib: string;
  scripts: string;
  backend: 'sysconfig' | 'distutils';
  /** The sysconfig scheme name, or the distutils case used. */
  name: string;
}

export class SchemeError extends Error {
  override name = 'SchemeError';
}

/** pip < 21.3 always used distutils; later pips use sysconfig on Python >= 3.10 unless the distributor says otherwise. */
export function usesSysconfig(probe: ProbeFacts, version: PipVersion): boolean {
  const [major, minor] = probe.python.versionInfo;
  const modernPython = major > 3 || (major === 3 && minor >= 10);
  if (!atLeast(version, 21, 3)) return false;
  const forced = probe.sysconfig.pipUseSysconfig;
  if (atLeast(version, 22, 0) && forced !== null) return forced;
  return atLeast(version, 26, 1) || modernPython;
}

export function installScheme(
  probe: ProbeFacts,
  version: PipVersion,
  request: SchemeRequest,
  flavour: PathFlavour,
): InstallScheme {
  const sysconfig = usesSysconfig(probe, version) || !probe.distutils?.cases;
  const scheme = sysconfig
    ? sysconfigScheme(probe, version, request, flavour)
    : distutilsScheme(probe, request, flavour);
  if (request.root === null) return scheme;
  const root = request.root;
  return {
    ...scheme,
    purelib: changeRoot(root, scheme.purelib, flavour),
    platlib: changeRoot(root, scheme.platlib, flavour),
    scripts: changeRoot(root, scheme.scripts, flavour),
  };
}

function sysconfigScheme(
  probe: ProbeFacts,
  version: PipVersion,
  request: SchemeRequest,
  flavour: PathFlavour,
): InstallScheme {
  let name = schemeName(probe, version, request.kind);
  // pip's special case: a custom prefix on Apple's framework Python uses posix_prefix.
  if (request.kind === 'prefix' && name === 'osx_framework_library') name = 'posix_prefix';
  const entry = probe.sysconfig.paths[name];
  const custom = request.kind === 'home' || request.kind === 'prefix';
  const paths = custom ? entry?.custom : entry?.plain;
  if (!paths)
    throw new SchemeError(
      `sysconfig scheme ${name} is not available in this Python${entry?.error ? ` (${entry.error})` : ''}`,
    );
  return {
    ...pick(paths, custom ? (request.base ?? '') : null, flavour, name),
    backend: 'sysconfig',
    name,
  };
}

/** _infer_prefix / _infer_user / _infer_home from pip's locations/_sysconfig.py. */
function schemeName(probe: ProbeFacts, version: PipVersion, kind: SchemeKind): string {
  const { sysconfig, python } = probe;
  const available = new Set(sysconfig.schemeNames);
  const key = kind === 'default' || kind === 'prefix' ? 'prefix' : kind;
  const preferred = sysconfig.preferred?.[key];
  if (preferred) return preferred;
  const osName = python.osName;
  const inVenv = runningUnderVirtualenv(probe, version);
  const framework = python.framework !== null && python.sysPlatform === 'darwin';
  if (key === 'home') return available.has(`${osName}_home`) ? `${osName}_home` : 'posix_home';
  if (key === 'user') {
    const suffixed = framework && !inVenv ? 'osx_framework_user' : `${osName}_user`;
    if (available.has(suffixed)) return suffixed;
    if (!available.has('posix_user'))
      throw new SchemeError('this Python has no user scheme (user installs are unavailable)');
    return 'posix_user';
  }
  if (available.has('osx_framework_library') && !inVenv && framework) return 'osx_framework_library';
  const implementation = python.implementation.toLowerCase();
  for (const candidate of [`${implementation}_${osName}`, implementation, `${osName}_prefix`, osName]) {
    if (available.has(candidate)) return candidate;
  }
  return 'posix_prefix';
}

function distutilsScheme(probe: ProbeFacts, request: SchemeRequest, flavour: PathFlavour): InstallScheme {
  const caseName = `${request.kind}${request.isolated ? 'Isolated' : ''}` as DistutilsCase;
  const result = probe.distutils?.cases?.[caseName];
  if (!result || 'error' in result) {
    throw new SchemeError(
      `distutils could not compute the ${request.kind} scheme${result ? `: ${result.error}` : ''}`,
    );
  }
  const base = request.kind === 'home' || request.kind === 'prefix' ? (request.base ?? '') : null;
  // pip: an install_lib from setup.cfg/distutils.cfg replaces both purelib and platlib.
  const lib = result.installLibFromConfig ? result.installLib : null;
  const fill = (path: string | null, key: string): string => {
    if (path === null) throw new SchemeError(`distutils gave no ${key} directory`);
    return substitute(path, base, flavour, false);
  };
  return {
    purelib: fill(lib ?? result.purelib, 'purelib'),
    platlib: fill(lib ?? result.platlib, 'platlib'),
    scripts: fill(result.scripts, 'scripts'),
    backend: 'distutils',
    name: caseName,
  };
}

function pick(paths: SchemePaths, base: string | null, flavour: PathFlavour, name: string) {
  const get = (key: 'purelib' | 'platlib' | 'scripts'): string => {
    const value = paths[key];
    if (value === null) throw new SchemeError(`sysconfig scheme ${name} has no ${key} path`);
    return substitute(value, base, flavour, true);
  };
  return { purelib: get('purelib'), platlib: get('platlib'), scripts: get('scripts') };
}

/** Puts the real base where the probe put its placeholder; sysconfig normalises the result. */
function substitute(path: string, base: string | null, flavour: PathFlavour, normalise: boolean): string {
  if (base === null) return path;
  const marker = PLACEHOLDER.slice(1);
  const at = path.indexOf(marker);
  if (at === -1) return path;
  const filled = path.slice(0, Math.max(0, at - 1)) + base + path.slice(at + marker.length);
  return normalise ? normpath(filled, flavour) : filled;
}
