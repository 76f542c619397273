// The few pip settings that change where a plain `pip install NAME` goes: from pip's config
// files and PIP_* variables, in pip's precedence (global < user < site < PIP_CONFIG_FILE < env).
import { join } from '../core/fast-path.js';
import type { ConfigFileFacts } from '../gather/facts.js';
import { resolveSettingsFrom, type Setting, settingsReadingKey, truthy } from '../pip/settings.js';
import { type PipVersion, parsePipVersion } from '../pip/version.js';
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

/**
 * Reads the files through the scan's tracked file system (so the cache notices when they change),
 * then lets pip's own settings model (src/pip/settings.ts) apply pip's precedence and quirks.
 */
export async function readPipSettings(
  ctx: ScanContext,
  prefix: string,
  pipVersion: string | null,
): Promise<PipSettings> {
  const { global, user } = sharedConfigFiles(ctx);
  const site = join(prefix, ctx.platform === 'win32' ? 'pip.ini' : 'pip.conf');
  const configFile = ctx.env.PIP_CONFIG_FILE;
  const files: Array<Pick<ConfigFileFacts, 'level' | 'path'>> = [];
  if (configFile !== '/dev/null' && configFile?.toLowerCase() !== 'nul') {
    const envFile = configFile && (await ctx.fs.isFile(configFile)) ? configFile : null;
    files.push(...global.map((path) => ({ level: 'global' as const, path })));
    // An existing PIP_CONFIG_FILE replaces the user files.
    if (!envFile) files.push(...user.map((path) => ({ level: 'user' as const, path })));
    files.push({ level: 'site', path: site });
    if (envFile) files.push({ level: 'env', path: envFile });
  }
  const loaded: ConfigFileFacts[] = [];
  for (const { level, path } of files) {
    const text = await ctx.fs.readText(path, 64 * 1024);
    loaded.push({ level, path, exists: text !== null, text, error: null });
  }
  // Nothing to read: pip's settings are its defaults, whatever its version.
  if (
    !loaded.some((file) => file.text !== null) &&
    !Object.keys(ctx.env).some((name) => /^PIP_/i.test(name))
  ) {
    return { ...DEFAULTS, sources: [] };
  }
  const version = (pipVersion ? parsePipVersion(pipVersion) : null) ?? NEWEST_PIP;
  // Most environments of a scan read the same files the same way: the answer is worked out once
  // per way of reading them (a pip version's options) and per site file, which names its own path.
  const siteText = loaded.find((file) => file.level === 'site')?.text ?? null;
  const key = `${settingsReadingKey(version)}\0${siteText === null ? '' : site}`;
  const answer = ctx.once('pip-settings', key, () => settingsFrom(ctx, loaded, version));
  return { ...answer, sources: [...answer.sources] };
}

function settingsFrom(ctx: ScanContext, loaded: ConfigFileFacts[], version: PipVersion): PipSettings {
  let values: Map<string, Setting>;
  try {
    const host = { env: ctx.env as Record<string, string>, platform: ctx.platform };
    values = resolveSettingsFrom({ host, python2: false, configFiles: () => loaded }, version, []).values;
  } catch (error) {
    // pip itself would stop (a bad boolean, an unparsable file): the verdict stays the default one.
    return { ...DEFAULTS, sources: [error instanceof Error ? error.message : String(error)] };
  }
  const sources: string[] = [];
  const get = (dest: string): Setting | undefined => {
    const setting = values.get(dest);
    if (setting) sources.push(`${setting.source.option} = ${setting.source.value} (${setting.source.from})`);
    return setting;
  };
  const text = (dest: string): string | null => {
    const value = get(dest)?.value;
    return typeof value === 'string' ? value : null;
  };
  const userSetting = get('use_user_site');
  return {
    user: userSetting === undefined ? null : truthy(userSetting),
    target: text('target_dir'),
    prefix: text('prefix_path'),
    root: text('root_path'),
    breakSystemPackages: truthy(get('override_externally_managed')),
    requireVirtualenv: truthy(get('require_venv')),
    sources,
  };
}

const DEFAULTS: Omit<PipSettings, 'sources'> = {
  user: null,
  target: null,
  prefix: null,
  root: null,
  breakSystemPackages: false,
  requireVirtualenv: false,
};

/** When the pip version is unknown, settings are read as the newest pip reads them. */
const NEWEST_PIP = [99, 0, 0] as const;
