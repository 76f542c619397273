// What the files say about one environment, without running it: version, where pip would write,
// whether that is writable, the PEP 668 marker, pip's own version, the user site.
import { basename } from 'node:path';
import { dirname, join } from '../core/fast-path.js';
import type { ScanContext } from './context.js';
import type { Identity } from './identify.js';
import type { ToolRoots } from './roots.js';
import { naturalCompare } from './tracked-fs.js';

export interface StaticFacts {
  version: string | null;
  isVenv: boolean;
  /** A venv without include-system-site-packages = true (pip's rule: lower-case `false`). */
  venvNoGlobal: boolean;
  /** The base interpreter a venv points at is gone. */
  venvBaseMissing: boolean;
  /** The directories a normal install writes to (purelib and platlib). */
  siteDirs: string[];
  /** The closest existing folder of each site dir, and whether access(W_OK) passes on it. */
  siteWritable: boolean;
  /** <stdlib>/EXTERNALLY-MANAGED, when it is a regular file. */
  marker: string | null;
  pipVersion: string | null;
  pipLocation: string | null;
  userSite: string | null;
  userSiteEnabled: boolean;
  /** Why the verdict has to be a guess (a Store alias, an unreadable install). */
  caveat: string | null;
}

export async function gatherStaticFacts(
  ctx: ScanContext,
  roots: ToolRoots,
  executable: string,
  id: Identity,
  hintVersion?: string,
): Promise<StaticFacts> {
  const win = ctx.platform === 'win32';
  const isVenv = id.venv !== null;
  const cfg = id.venv?.values ?? {};
  const venvNoGlobal =
    isVenv && /^\s*false\s*$/.test(cfg['include-system-site-packages'] ?? 'UNSET') === true;
  const baseHome = cfg.home ?? null;
  const venvBaseMissing =
    isVenv && (baseHome === null || !(await ctx.fs.isDir(baseHome)) || !(await ctx.fs.isFile(executable)));
  // The base installation's prefix: a venv's `home` is its base's bin folder (the folder itself on Windows).
  const basePrefix = isVenv && baseHome ? (win ? baseHome : dirname(baseHome)) : id.prefix;

  const apple =
    id.kind === 'macos-clt' || id.kind === 'macos-xcode' ? await appleFrameworkPrefix(ctx, executable) : null;
  const version = (await findVersion(ctx, executable, id, apple ?? basePrefix)) ?? hintVersion ?? null;
  const xy = await majorMinor(ctx, version, executable, basePrefix);
  const freeThreaded = /\d+t(\.exe)?$/.test(basename(executable)) ? 't' : '';
  const py = xy ? `python${xy}${freeThreaded}` : null;

  let siteDirs: string[] = [];
  let stdlib: string | null = null;
  let pipSearch: string[] = [];
  let framework = false;
  let caveat: string | null = null;
  if (win) {
    siteDirs = [join(id.prefix, 'Lib', 'site-packages')];
    stdlib = isVenv ? null : join(id.prefix, 'Lib');
    pipSearch = [...siteDirs, ...(isVenv && !venvNoGlobal ? [join(basePrefix, 'Lib', 'site-packages')] : [])];
    if (id.kind === 'microsoft-store') caveat = 'the Store keeps its files in a read-only package folder';
  } else if (py) {
    const lib = (prefix: string) => join(prefix, 'lib', py);
    stdlib = isVenv ? null : lib(id.prefix);
    const debianDistro = ctx.distro.includes('debian') || ctx.distro.includes('ubuntu');
    const fedoraDistro = ctx.distro.some((d) => ['fedora', 'rhel', 'centos'].includes(d));
    const debianLike = id.kind === 'system' && debianDistro;
    const fedoraLike = id.kind === 'system' && fedoraDistro;
    if (isVenv) {
      siteDirs = [join(lib(id.prefix), 'site-packages')];
      // With include-system-site-packages the base's own site folders are on sys.path too.
      const distroBase = basePrefix === ctx.sys('/usr');
      const baseSite =
        distroBase && debianDistro
          ? [join(ctx.sys('/usr/local/lib'), py, 'dist-packages'), ctx.sys('/usr/lib/python3/dist-packages')]
          : distroBase && fedoraDistro
            ? [
                join(ctx.sys('/usr/lib64'), py, 'site-packages'),
                join(ctx.sys('/usr/lib'), py, 'site-packages'),
              ]
            : [join(lib(basePrefix), 'site-packages')];
      pipSearch = [...siteDirs, ...(venvNoGlobal ? [] : baseSite)];
    } else if (debianLike) {
      siteDirs = [join(ctx.sys('/usr/local/lib'), py, 'dist-packages')];
      pipSearch = [
        ...siteDirs,
        ctx.sys('/usr/lib/python3/dist-packages'),
        join(lib(id.prefix), 'dist-packages'),
      ];
    } else if (fedoraLike) {
      siteDirs = [
        join(ctx.sys('/usr/local/lib'), py, 'site-packages'),
        join(ctx.sys('/usr/local/lib64'), py, 'site-packages'),
      ];
      pipSearch = [
        ...siteDirs,
        join(ctx.sys('/usr/lib64'), py, 'site-packages'),
        join(ctx.sys('/usr/lib'), py, 'site-packages'),
      ];
    } else if (id.kind === 'macos-clt' || id.kind === 'macos-xcode') {
      // Apple's osx_framework_library scheme; pip itself lives inside the framework.
      framework = true;
      const frameworkPrefix = await appleFrameworkPrefix(ctx, executable);
      stdlib = frameworkPrefix ? lib(frameworkPrefix) : null;
      siteDirs = [join(ctx.sys('/Library/Python'), xy as string, 'site-packages')];
      pipSearch = [...siteDirs, ...(frameworkPrefix ? [join(lib(frameworkPrefix), 'site-packages')] : [])];
      if (!frameworkPrefix)
        caveat = 'no Command Line Tools behind /usr/bin/python3 (running it opens an installer)';
    } else if (id.kind === 'homebrew') {
      framework = ctx.platform === 'darwin';
      const brew = roots.homebrew.find((b) => executable.startsWith(b)) ?? roots.homebrew[0] ?? id.prefix;
      siteDirs = [join(brew, 'lib', py, 'site-packages')];
      const real = (await ctx.fs.realpath(executable)) ?? executable;
      const cellarPrefix = dirname(dirname(real));
      stdlib = lib(cellarPrefix);
      pipSearch = [...siteDirs, join(lib(cellarPrefix), 'site-packages')];
    } else {
      framework = ctx.platform === 'darwin' && id.kind === 'python.org';
      siteDirs = [join(lib(id.prefix), 'site-packages')];
      pipSearch = [...siteDirs];
    }
  }

  const userSiteEnabled =
    !venvNoGlobal && !ctx.env.PYTHONNOUSERSITE && ctx.uid === ctx.euid && ctx.gid === ctx.egid;
  const userSite = xy ? userSiteFor(ctx, xy, py as string, framework && !isVenv, id) : null;
  // site.py puts the user site before the global site-packages on sys.path.
  if (userSiteEnabled && userSite && !isVenv) pipSearch = [userSite, ...pipSearch];

  // Fedora-like builds keep the stdlib under lib64 (sys.platlibdir).
  const stdlibs = stdlib ? [stdlib, stdlib.replace(/([\\/])lib([\\/][^\\/]+)$/, '$1lib64$2')] : [];
  let marker: string | null = null;
  for (const dir of new Set(stdlibs)) {
    if (!marker && (await ctx.fs.isFile(join(dir, 'EXTERNALLY-MANAGED'))))
      marker = join(dir, 'EXTERNALLY-MANAGED');
  }
  const pip = await findPip(ctx, pipSearch);
  let siteWritable = siteDirs.length > 0;
  for (const dir of siteDirs) if (!(await writableNearest(ctx, dir))) siteWritable = false;
  if (id.kind === 'microsoft-store') siteWritable = false;
  if (!py && !win) caveat ??= 'the Python version could not be read from its files';
  return {
    version,
    isVenv,
    venvNoGlobal,
    venvBaseMissing,
    siteDirs,
    siteWritable,
    marker,
    pipVersion: pip?.version ?? (id.kind === 'microsoft-store' ? 'bundled' : null),
    pipLocation: pip?.location ?? null,
    userSite,
    userSiteEnabled,
    caveat,
  };
}

function userSiteFor(ctx: ScanContext, xy: string, py: string, framework: boolean, id: Identity): string {
  const nodot = xy.replace('.', '');
  if (ctx.platform === 'win32') {
    if (id.kind === 'microsoft-store') {
      const localAppData = ctx.env.LOCALAPPDATA ?? join(ctx.home, 'AppData', 'Local');
      return join(
        localAppData,
        'Packages',
        `PythonSoftwareFoundation.Python.${xy}_qbz5n2kfra8p0`,
        'LocalCache',
        'local-packages',
        `Python${nodot}`,
        'site-packages',
      );
    }
    const base = ctx.env.PYTHONUSERBASE ?? join(ctx.env.APPDATA ?? ctx.home, 'Python');
    return join(base, `Python${nodot}`, 'site-packages');
  }
  if (ctx.env.PYTHONUSERBASE) return join(ctx.env.PYTHONUSERBASE, 'lib', py, 'site-packages');
  if (framework) return join(ctx.home, 'Library', 'Python', xy, 'lib', 'python', 'site-packages');
  return join(ctx.home, '.local', 'lib', py, 'site-packages');
}

/** pyvenv.cfg, conda-meta, PEP 739 build-details.json, patchlevel.h, then the folder names tools use. */
async function findVersion(
  ctx: ScanContext,
  executable: string,
  id: Identity,
  basePrefix: string,
): Promise<string | null> {
  const cfg = id.venv?.values;
  const fromCfg = cfg?.version_info ?? cfg?.version;
  if (fromCfg && /^\d+\.\d+\.\d+/.test(fromCfg))
    return (/^\d+\.\d+\.\d+/.exec(fromCfg) as RegExpExecArray)[0];
  if (id.condaMeta) {
    for (const name of await ctx.fs.list(join(id.prefix, 'conda-meta'))) {
      const match = /^python-(\d+\.\d+\.\d+)-/.exec(name);
      if (match) return match[1] as string;
    }
  }
  const prefixes = [...new Set([id.prefix, basePrefix])];
  if (id.kind === 'homebrew' || id.kind === 'system' || id.kind === 'macos-clt') {
    const real = await ctx.fs.realpath(executable);
    if (real) prefixes.push(dirname(dirname(real)));
  }
  for (const prefix of prefixes) {
    const fromHeaders = await headerVersion(ctx, prefix);
    if (fromHeaders) return fromHeaders;
  }
  // Folder names: pyenv/asdf/mise versions/3.12.1, uv cpython-3.12.1-..., rye cpython@3.12.1, Cellar/python@3.12/3.12.1.
  const real = (await ctx.fs.realpath(executable)) ?? executable;
  for (const path of [basePrefix, real]) {
    const match = /(?:[\\/]|cpython-|cpython@)(\d+\.\d+\.\d+)(?:[-_+\\/]|$)/.exec(`${path}/`);
    if (match) return match[1] as string;
  }
  return null;
}

async function headerVersion(ctx: ScanContext, prefix: string): Promise<string | null> {
  const details = await ctx.fs.readText(join(prefix, 'lib', 'build-details.json'), 64 * 1024);
  const detailsVersion = details
    ? /"version"\s*:\s*\{[^}]*"major"\s*:\s*(\d+)[^}]*"minor"\s*:\s*(\d+)[^}]*"micro"\s*:\s*(\d+)/.exec(
        details,
      )
    : null;
  if (detailsVersion) return `${detailsVersion[1]}.${detailsVersion[2]}.${detailsVersion[3]}`;
  const include = join(prefix, 'include');
  const candidates = [join(include, 'patchlevel.h')];
  for (const name of await ctx.fs.list(include))
    if (/^python\d/.test(name)) candidates.push(join(include, name, 'patchlevel.h'));
  for (const file of candidates) {
    const text = await ctx.fs.readText(file, 8192);
    const match = text ? /#define\s+PY_VERSION\s+"(\d+\.\d+\.\d+)/.exec(text) : null;
    if (match) return match[1] as string;
  }
  return null;
}

async function majorMinor(
  ctx: ScanContext,
  version: string | null,
  executable: string,
  prefix: string,
): Promise<string | null> {
  const fromVersion = version ? /^(\d+\.\d+)/.exec(version) : null;
  if (fromVersion) return fromVersion[1] as string;
  const fromName = /python(\d+\.\d+)/.exec(basename(executable));
  if (fromName) return fromName[1] as string;
  const real = await ctx.fs.realpath(executable);
  const fromReal = real ? /python(\d+\.\d+)/.exec(basename(real)) : null;
  if (fromReal) return fromReal[1] as string;
  for (const name of await ctx.fs.list(join(prefix, 'lib'))) {
    const match = /^python(\d+\.\d+)$/.exec(name);
    if (match) return match[1] as string;
  }
  return null;
}

async function appleFrameworkPrefix(ctx: ScanContext, executable: string): Promise<string | null> {
  const real = await ctx.fs.realpath(executable);
  if (real && /Python3?\.framework/.test(real)) return dirname(dirname(real));
  const developer = ctx.env.DEVELOPER_DIR ?? ctx.sys('/Library/Developer/CommandLineTools');
  const versions = join(developer, 'Library', 'Frameworks', 'Python3.framework', 'Versions');
  const found = (await ctx.fs.listDirs(versions)).filter((v) => /^\d+\.\d+$/.test(v));
  const newest = found.sort(naturalCompare).pop();
  return newest ? join(versions, newest) : null;
}

/** The first pip-X.Y.dist-info on the search path (sys.path order): that is the pip `python -m pip` runs. */
async function findPip(
  ctx: ScanContext,
  dirs: string[],
): Promise<{ version: string; location: string } | null> {
  for (const dir of dirs) {
    for (const name of await ctx.fs.list(dir)) {
      const match = /^pip-([^-]+)\.(?:dist-info|egg-info)$/.exec(name);
      if (match && (await ctx.fs.isDir(join(dir, 'pip'))))
        return { version: match[1] as string, location: dir };
    }
  }
  return null;
}

/** pip's test_writable_dir walk: the closest existing folder, then access(W_OK). */
async function writableNearest(ctx: ScanContext, dir: string): Promise<boolean> {
  let current = dir;
  while (!(await ctx.fs.isDir(current))) {
    const parent = dirname(current);
    if (parent === current) return false;
    current = parent;
  }
  return ctx.fs.writable(current);
}
