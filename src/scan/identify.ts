// Which kind of environment an interpreter belongs to, from where it lives and the files around
// it: the most specific owner wins (a Poetry or uv venv is never a plain venv).
import { basename } from 'node:path';
import { dirname, join } from '../core/fast-path.js';
import type { ScanContext } from './context.js';
import { isInside, type ToolRoots } from './roots.js';
import type { EnvKind } from './types.js';

export interface PyvenvCfg {
  path: string;
  values: Record<string, string>;
}

export interface Identity {
  kind: EnvKind;
  /** The environment folder: the venv, the conda prefix, or the installation prefix. */
  prefix: string;
  venv: PyvenvCfg | null;
  condaMeta: boolean;
  manager: string | null;
}

/** Facts a locator already knows about what it found (e.g. the registry company). */
export interface CandidateHint {
  kind?: EnvKind;
  manager?: string;
  version?: string;
}

export function parsePyvenvCfg(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([^=#]+?)\s*=\s*(.*?)\s*$/.exec(line);
    if (match) values[(match[1] as string).toLowerCase()] = match[2] as string;
  }
  return values;
}

/** pyvenv.cfg next to the executable or one level up (how CPython itself finds it). */
export async function findPyvenvCfg(ctx: ScanContext, executable: string): Promise<PyvenvCfg | null> {
  for (const dir of [dirname(dirname(executable)), dirname(executable)]) {
    const path = join(dir, 'pyvenv.cfg');
    const text = await ctx.fs.readText(path, 64 * 1024);
    if (text !== null) return { path, values: parsePyvenvCfg(text) };
  }
  return null;
}

export async function identify(
  ctx: ScanContext,
  roots: ToolRoots,
  executable: string,
  hint: CandidateHint = {},
): Promise<Identity> {
  const win = ctx.platform === 'win32';
  const inside = (parent: string | null) => parent !== null && isInside(executable, parent, ctx.platform);
  const venv = await findPyvenvCfg(ctx, executable);
  const binDir = dirname(executable);
  const posixPrefix = ['bin', 'Scripts'].includes(basename(binDir)) ? dirname(binDir) : binDir;
  const prefix = venv ? dirname(venv.path) : win ? binDir : posixPrefix;
  const condaMeta = await ctx.fs.isDir(join(prefix, 'conda-meta'));
  const base = { prefix, venv, condaMeta, manager: hint.manager ?? null };

  if (condaMeta)
    return { ...base, kind: 'conda', manager: hint.manager ?? (await condaManager(ctx, roots, prefix)) };
  if (venv) return { ...base, ...(await venvKind(ctx, roots, prefix, venv)) };
  if (roots.pyenv && inside(join(roots.pyenv, 'versions'))) return { ...base, kind: 'pyenv' };
  if (roots.pyenvWin && inside(join(roots.pyenvWin, 'versions'))) return { ...base, kind: 'pyenv-win' };
  if (inside(roots.uvPython)) return { ...base, kind: 'uv', manager: 'uv' };
  if (inside(join(roots.asdf, 'installs', 'python'))) return { ...base, kind: 'asdf' };
  if (inside(join(roots.mise, 'installs', 'python'))) return { ...base, kind: 'mise' };
  if (inside(join(roots.rye, 'py'))) return { ...base, kind: 'rye' };
  if (roots.windowsApps && inside(roots.windowsApps)) return { ...base, kind: 'microsoft-store' };
  if (inside(roots.pythonManager)) return { ...base, kind: 'python-manager' };
  if (roots.windowsPythonOrg.some((dir) => inside(dir) && /^Python\d/i.test(basename(prefix)))) {
    return { ...base, kind: 'python.org' };
  }
  // What the locator knew (the registry's company, a Homebrew keg) beats guessing from the path.
  if (hint.kind) return { ...base, kind: hint.kind };
  const real = (await ctx.fs.realpath(executable)) ?? executable;
  for (const brew of roots.homebrew) {
    if (
      isInside(real, join(brew, 'Cellar'), ctx.platform) ||
      inside(join(brew, 'opt')) ||
      inside(join(brew, 'Cellar'))
    ) {
      return { ...base, kind: 'homebrew', manager: 'brew' };
    }
  }
  if (ctx.platform === 'darwin') {
    if (isInside(real, ctx.sys('/Library/Frameworks/Python.framework'), ctx.platform)) {
      return { ...base, kind: 'python.org' };
    }
    if (isInside(real, ctx.sys('/Library/Developer/CommandLineTools'), ctx.platform))
      return { ...base, kind: 'macos-clt' };
    if (/\/Xcode[^/]*\.app\//.test(real)) return { ...base, kind: 'macos-xcode' };
    if (executable === ctx.sys('/usr/bin/python3')) return { ...base, kind: 'macos-clt' };
  }
  if (!win) {
    const realPrefix = dirname(dirname(real));
    if (realPrefix === ctx.sys('/usr/local')) return { ...base, prefix: realPrefix, kind: 'usr-local' };
    if (realPrefix === ctx.sys('/usr') || realPrefix === ctx.sys('/')) {
      return { ...base, prefix: ctx.sys('/usr'), kind: 'system' };
    }
  }
  return { ...base, kind: 'path' };
}

async function venvKind(
  ctx: ScanContext,
  roots: ToolRoots,
  venvDir: string,
  cfg: PyvenvCfg,
): Promise<{ kind: EnvKind; manager: string | null }> {
  const inside = (parent: string) => isInside(venvDir, parent, ctx.platform);
  const project = dirname(venvDir);
  if (roots.pyenv && /[\\/]versions[\\/][^\\/]+[\\/]envs[\\/]/.test(venvDir) && inside(roots.pyenv)) {
    return { kind: 'pyenv-virtualenv', manager: 'pyenv' };
  }
  if (inside(roots.uvTools)) return { kind: 'uv-tool', manager: 'uv' };
  if (roots.pipx.some((home) => inside(join(home, 'venvs')))) return { kind: 'pipx', manager: 'pipx' };
  if (inside(roots.poetryVenvs)) return { kind: 'poetry', manager: 'poetry' };
  if (inside(roots.hatchVirtual)) return { kind: 'hatch', manager: 'hatch' };
  if (inside(roots.pdmVenvs)) return { kind: 'pdm', manager: 'pdm' };
  const projectFile = await ctx.fs.readText(join(venvDir, '.project'), 4096);
  if (projectFile !== null && (await ctx.fs.isFile(join(projectFile.trim(), 'Pipfile')))) {
    return { kind: 'pipenv', manager: 'pipenv' };
  }
  if (inside(roots.pipenv) && roots.pipenv !== roots.workonHome) return { kind: 'pipenv', manager: 'pipenv' };
  if (inside(roots.workonHome)) return { kind: 'virtualenvwrapper', manager: 'virtualenvwrapper' };
  // An in-project venv: the project's own files say which tool drives it.
  const pyproject = (await ctx.fs.readText(join(project, 'pyproject.toml'), 256 * 1024)) ?? '';
  if (/^\[tool\.rye\]/m.test(pyproject)) return { kind: 'rye', manager: 'rye' };
  if (cfg.values.uv !== undefined) return { kind: 'uv-venv', manager: 'uv' };
  if (/^\[tool\.poetry\]/m.test(pyproject) || (await ctx.fs.isFile(join(project, 'poetry.lock')))) {
    return { kind: 'poetry', manager: 'poetry' };
  }
  if (
    /^\[tool\.pdm\]/m.test(pyproject) ||
    (await ctx.fs.isFile(join(project, '.pdm-python'))) ||
    (await ctx.fs.isFile(join(project, 'pdm.lock')))
  ) {
    return { kind: 'pdm', manager: 'pdm' };
  }
  if (await ctx.fs.isFile(join(project, 'Pipfile'))) return { kind: 'pipenv', manager: 'pipenv' };
  if (/^\[tool\.hatch\b/m.test(pyproject) || (await ctx.fs.isFile(join(project, 'hatch.toml')))) {
    return { kind: 'hatch', manager: 'hatch' };
  }
  if (cfg.values.virtualenv !== undefined) return { kind: 'virtualenv', manager: 'virtualenv' };
  return { kind: 'venv', manager: null };
}

/** conda, mamba, micromamba or miniforge: from the installation that owns the prefix. */
async function condaManager(ctx: ScanContext, roots: ToolRoots, prefix: string): Promise<string> {
  const owner =
    roots.conda.find((root) => isInside(prefix, root, ctx.platform)) ??
    (basename(dirname(prefix)) === 'envs' ? dirname(dirname(prefix)) : prefix);
  const name = basename(owner).toLowerCase();
  if (
    name.includes('micromamba') ||
    (ctx.env.MAMBA_ROOT_PREFIX && isInside(prefix, ctx.env.MAMBA_ROOT_PREFIX, ctx.platform))
  ) {
    return 'micromamba';
  }
  if (name.includes('miniforge')) return 'miniforge';
  if (name.includes('mambaforge')) return 'mamba';
  const binDir = ctx.platform === 'win32' ? join(owner, 'condabin') : join(owner, 'bin');
  if (await ctx.fs.isFile(join(binDir, ctx.platform === 'win32' ? 'mamba.bat' : 'mamba'))) return 'mamba';
  return 'conda';
}
