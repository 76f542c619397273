// Where each tool keeps its Pythons and environments, per platform, honouring the tools' own
// environment variables. Used both to find environments and to say which tool owns a path.
import { join } from '../core/fast-path.js';
import type { ScanContext } from './context.js';

export interface ToolRoots {
  pyenv: string | null;
  pyenvWin: string | null;
  conda: string[];
  uvPython: string;
  uvTools: string;
  pipx: string[];
  poetryVenvs: string;
  hatchVirtual: string;
  pdmVenvs: string;
  pipenv: string;
  workonHome: string;
  asdf: string;
  mise: string;
  rye: string;
  homebrew: string[];
  pythonManager: string | null;
  windowsApps: string | null;
  windowsPythonOrg: string[];
}

export function toolRoots(ctx: ScanContext): ToolRoots {
  const { env, home, platform } = ctx;
  const win = platform === 'win32';
  const mac = platform === 'darwin';
  const localAppData = env.LOCALAPPDATA ?? join(home, 'AppData', 'Local');
  const appData = env.APPDATA ?? join(home, 'AppData', 'Roaming');
  const xdgData = env.XDG_DATA_HOME || join(home, '.local', 'share');
  const xdgCache = env.XDG_CACHE_HOME || join(home, '.cache');
  // platformdirs' user data / cache folders, which Hatch, PDM and Poetry use.
  const userData = win ? localAppData : mac ? join(home, 'Library', 'Application Support') : xdgData;
  const userCache = win ? localAppData : mac ? join(home, 'Library', 'Caches') : xdgCache;
  const uvData = win ? join(appData, 'uv') : join(xdgData, 'uv');
  const condaNames = [
    'anaconda3',
    'miniconda3',
    'miniforge3',
    'mambaforge',
    'micromamba',
    'anaconda',
    'miniconda',
  ];
  const condaRoots = [
    env.CONDA_ROOT,
    env.MAMBA_ROOT_PREFIX,
    ...condaNames.map((name) => join(home, name)),
    join(home, '.local', 'share', 'mamba'),
    ...(win
      ? condaNames.flatMap((name) => [
          join(env.ProgramData ?? 'C:\\ProgramData', name),
          join(localAppData, name),
        ])
      : [
          ...[
            '/opt/conda',
            '/opt/anaconda3',
            '/opt/miniconda3',
            '/opt/miniforge3',
            '/usr/local/anaconda3',
          ].map(ctx.sys),
          ...(mac ? ['/opt/homebrew/anaconda3', '/opt/homebrew/Caskroom/miniforge/base'].map(ctx.sys) : []),
        ]),
  ].filter((p): p is string => Boolean(p));
  return {
    pyenv: win ? null : (env.PYENV_ROOT ?? join(home, '.pyenv')),
    pyenvWin: win ? (env.PYENV_ROOT ?? join(home, '.pyenv', 'pyenv-win')) : null,
    conda: [...new Set(condaRoots)],
    uvPython: env.UV_PYTHON_INSTALL_DIR ?? join(uvData, 'python'),
    uvTools: env.UV_TOOL_DIR ?? join(uvData, 'tools'),
    pipx: env.PIPX_HOME
      ? [env.PIPX_HOME]
      : win
        ? [join(home, 'pipx'), join(localAppData, 'pipx')]
        : mac
          ? [join(home, '.local', 'pipx'), join(home, 'Library', 'Application Support', 'pipx')]
          : [join(xdgData, 'pipx'), join(home, '.local', 'pipx')],
    poetryVenvs:
      env.POETRY_VIRTUALENVS_PATH ??
      join(
        env.POETRY_CACHE_DIR ?? (win ? join(localAppData, 'pypoetry', 'Cache') : join(userCache, 'pypoetry')),
        'virtualenvs',
      ),
    hatchVirtual: join(env.HATCH_DATA_DIR ?? join(userData, 'hatch'), 'env', 'virtual'),
    pdmVenvs: win ? join(localAppData, 'pdm', 'pdm', 'venvs') : join(userData, 'pdm', 'venvs'),
    pipenv: win ? join(home, '.virtualenvs') : join(xdgData, 'virtualenvs'),
    workonHome: env.WORKON_HOME ?? join(home, '.virtualenvs'),
    asdf: env.ASDF_DATA_DIR ?? join(home, '.asdf'),
    mise: env.MISE_DATA_DIR ?? (win ? join(localAppData, 'mise') : join(xdgData, 'mise')),
    rye: env.RYE_HOME ?? join(home, '.rye'),
    homebrew: [
      ...new Set(
        [
          env.HOMEBREW_PREFIX,
          ...(mac ? ['/opt/homebrew', '/usr/local'].map(ctx.sys) : []),
          ...(platform === 'linux' ? ['/home/linuxbrew/.linuxbrew'].map(ctx.sys) : []),
          platform === 'linux' ? join(home, '.linuxbrew') : undefined,
        ].filter((p): p is string => Boolean(p)),
      ),
    ],
    pythonManager: win ? join(localAppData, 'Python') : null,
    windowsApps: win ? join(localAppData, 'Microsoft', 'WindowsApps') : null,
    windowsPythonOrg: win
      ? [
          join(localAppData, 'Programs', 'Python'),
          env.ProgramFiles ?? 'C:\\Program Files',
          env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)',
        ]
      : [],
  };
}

/** `child` is `parent` or inside it (string comparison; case-insensitive on Windows). */
export function isInside(child: string, parent: string, platform: string): boolean {
  const norm = (p: string) =>
    (platform === 'win32' ? p.replace(/\//g, '\\').toLowerCase() : p).replace(/[\\/]+$/, '');
  const c = norm(child);
  const p = norm(parent);
  if (c === p) return true;
  return c.startsWith(`${p}/`) || c.startsWith(`${p}\\`);
}
