// The few pip settings that change where a plain `pip install NAME` goes: from pip's config
// files and PIP_* variables, in pip's precedence (global < user < site < PIP_CONFIG_FILE < env).
import { join } from 'node:path';
import type { ScanContext } from './context.js';

export interface PipSettings {
  user: boolean | null;
  target: string | null;
  prefix: string | null;
  root: string | null;
  breakSystemPackages: boolean;
  requireVirtualenv: boolean;
  /** Where each setting came from, e.g. "user = true (/etc/pip.conf)". */
  sources: string[];
}

const KEYS = [
  'user',
  'no-user',
  'target',
  'prefix',
  'root',
  'break-system-packages',
  'require-virtualenv',
  'require-venv',
];

/** pip's config files outside the environment; the site file (<prefix>/pip.conf) is added per environment. */
export function sharedConfigFiles(ctx: ScanContext): { global: string[]; user: string[] } {
  const { env, home, platform } = ctx;
  if (platform === 'win32') {
    return {
      global: [join(env.ProgramData ?? 'C:\\ProgramData', 'pip', 'pip.ini')],
      user: [join(home, 'pip', 'pip.ini'), join(env.APPDATA ?? home, 'pip', 'pip.ini')],
    };
  }
  if (platform === 'darwin') {
    return {
      global: [ctx.sys('/Library/Application Support/pip/pip.conf')],
      user: [
        join(home, '.pip', 'pip.conf'),
        join(home, 'Library', 'Application Support', 'pip', 'pip.conf'),
        join(home, '.config', 'pip', 'pip.conf'),
      ],
    };
  }
  const xdgDirs = (env.XDG_CONFIG_DIRS || '/etc/xdg').split(':').filter(Boolean);
  return {
    global: [...xdgDirs.map((dir) => join(ctx.sys(dir), 'pip', 'pip.conf')), ctx.sys('/etc/pip.conf')],
    user: [
      join(home, '.pip', 'pip.conf'),
      join(env.XDG_CONFIG_HOME || join(home, '.config'), 'pip', 'pip.conf'),
    ],
  };
}

type Section = Map<string, { value: string; file: string }>;

export async function readPipSettings(ctx: ScanContext, prefix: string): Promise<PipSettings> {
  const { global, user } = sharedConfigFiles(ctx);
  const site = join(prefix, ctx.platform === 'win32' ? 'pip.ini' : 'pip.conf');
  const configFile = ctx.env.PIP_CONFIG_FILE;
  let files: string[];
  if (configFile === '/dev/null' || configFile === 'nul' || configFile === 'NUL') files = [];
  else if (configFile && (await ctx.fs.isFile(configFile))) files = [...global, site, configFile];
  else files = [...global, ...user, site];
  const globalSection: Section = new Map();
  const installSection: Section = new Map();
  for (const file of files) {
    const text = await ctx.fs.readText(file, 64 * 1024);
    if (text !== null) parseInto(text, file, globalSection, installSection);
  }
  // pip applies every [global] value first, then every [install] value, then the environment.
  const merged: Section = new Map([...globalSection, ...installSection]);
  for (const key of KEYS) {
    const value = ctx.env[`PIP_${key.toUpperCase().replace(/-/g, '_')}`];
    if (value !== undefined && value !== '')
      merged.set(key, { value, file: `PIP_${key.toUpperCase().replace(/-/g, '_')}` });
  }
  const sources: string[] = [];
  const get = (key: string) => {
    const entry = merged.get(key);
    if (entry) sources.push(`${key} = ${entry.value} (${entry.file})`);
    return entry?.value ?? null;
  };
  // `no-user` is stored uninverted by pip: no-user = true means a user install (pip-behavior.md §1.1).
  const userValue = get('user') ?? get('no-user');
  const requireValue = get('require-virtualenv') ?? get('require-venv');
  return {
    user: userValue === null ? null : strtobool(userValue),
    target: get('target'),
    prefix: get('prefix'),
    root: get('root'),
    breakSystemPackages: strtobool(get('break-system-packages') ?? 'no') === true,
    requireVirtualenv: strtobool(requireValue ?? 'no') === true,
    sources,
  };
}

function parseInto(text: string, file: string, globalSection: Section, installSection: Section): void {
  let section: Section | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      const name = (header[1] as string).trim().toLowerCase();
      section = name === 'global' ? globalSection : name === 'install' ? installSection : null;
      continue;
    }
    const pair = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(line);
    if (!pair || !section) continue;
    const key = (pair[1] as string).toLowerCase().replace(/_/g, '-');
    if (KEYS.includes(key)) section.set(key, { value: pair[2] as string, file });
  }
}

/** pip's strtobool: true/false, or null for a value pip would reject. */
export function strtobool(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (['y', 'yes', 't', 'true', 'on', '1'].includes(v)) return true;
  if (['n', 'no', 'f', 'false', 'off', '0'].includes(v)) return false;
  return null;
}
