// Where pip looks for its configuration files, per OS and pip version (pip-behavior.md §7),
// and which of them it really loads for one run.
import { posix, win32 } from 'node:path';
import type { ConfigFileFacts, Facts, HostFacts } from '../gather/facts.js';
import type { ProbeFacts } from '../probe/probe-facts.js';
import { envValue, expandUser } from './environment.js';
import { atLeast, type PipVersion } from './version.js';
import { runningUnderVirtualenv } from './virtualenv.js';

export type ConfigLocation = Pick<ConfigFileFacts, 'level' | 'path'>;

/** Every file pip may read, whether or not it exists, in pip's loading order. Pure. */
export function configFileLocations(probe: ProbeFacts, host: HostFacts): ConfigLocation[] {
  const locations: ConfigLocation[] = [];
  const home = expandUser(host);
  if (host.platform === 'win32') {
    const programData =
      envValue(host, 'PROGRAMDATA') ?? envValue(host, 'ALLUSERSPROFILE') ?? 'C:\\ProgramData';
    locations.push({ level: 'global', path: win32.join(programData, 'pip', 'pip.ini') });
    if (home) locations.push({ level: 'user', path: win32.join(home, 'pip', 'pip.ini') });
    const appData = envValue(host, 'APPDATA');
    if (appData) locations.push({ level: 'user', path: win32.join(appData, 'pip', 'pip.ini') });
    locations.push({ level: 'site', path: win32.join(probe.prefixes.prefix, 'pip.ini') });
  } else {
    const globals =
      host.platform === 'darwin'
        ? ['/Library/Application Support/pip/pip.conf']
        : [...xdgConfigDirs(host).map((dir) => posix.join(dir, 'pip', 'pip.conf')), '/etc/pip.conf'];
    for (const path of globals) locations.push({ level: 'global', path });
    if (home) {
      locations.push({ level: 'user', path: posix.join(home, '.pip', 'pip.conf') });
      if (host.platform === 'darwin') {
        locations.push({ level: 'user', path: posix.join(macAppSupportDir(home), 'pip.conf') });
      }
      const configHome = envValue(host, 'XDG_CONFIG_HOME')?.trim() || posix.join(home, '.config');
      locations.push({ level: 'user', path: posix.join(configHome, 'pip', 'pip.conf') });
    }
    locations.push({ level: 'site', path: posix.join(probe.prefixes.prefix, 'pip.conf') });
  }
  const envFile = envValue(host, 'PIP_CONFIG_FILE');
  if (envFile) locations.push({ level: 'env', path: envFile });
  return locations;
}

/** macOS: pip uses ~/Library/Application Support/pip when that folder exists, else ~/.config/pip. */
export function macAppSupportDir(home: string): string {
  return posix.join(home, 'Library', 'Application Support', 'pip');
}

function xdgConfigDirs(host: HostFacts): string[] {
  const value = envValue(host, 'XDG_CONFIG_DIRS');
  const dirs = value?.trim() ? value.split(':') : ['/etc/xdg'];
  return dirs.map((dir) => dir.replace(/\/+$/, ''));
}

/**
 * The files this pip run loads, in order (later wins): global, user (legacy then new), site,
 * then PIP_CONFIG_FILE. `--isolated` and an existing PIP_CONFIG_FILE skip the user files;
 * PIP_CONFIG_FILE=os.devnull skips every file.
 */
export function loadedConfigFiles(facts: Facts, version: PipVersion, isolated: boolean): ConfigFileFacts[] {
  const { host } = facts;
  const envFile = envValue(host, 'PIP_CONFIG_FILE');
  const devnull = host.platform === 'win32' ? 'nul' : '/dev/null';
  if (envFile !== undefined && envFile.toLowerCase() === devnull) return [];
  const envFileExists = facts.configFiles.some((f) => f.level === 'env' && f.exists);
  const skipUser = isolated || (Boolean(envFile) && envFileExists);
  // pip < 19.1 read <sys.prefix>/pip.conf only inside a virtualenv.
  const readSite = atLeast(version, 19, 1) || runningUnderVirtualenv(facts.probe, version);
  const home = expandUser(host);
  return facts.configFiles.filter((file) => {
    if (file.level === 'user') {
      if (skipUser) return false;
      if (host.platform === 'darwin' && home) return macUserFileApplies(facts, file.path, home);
      return true;
    }
    if (file.level === 'site') return readSite;
    if (file.level === 'env') return !(isolated && !atLeast(version, 10));
    return true;
  });
}

function macUserFileApplies(facts: Facts, path: string, home: string): boolean {
  const appSupport = macAppSupportDir(home);
  const appSupportExists = facts.paths[appSupport]?.isDirectory ?? false;
  if (path === posix.join(appSupport, 'pip.conf')) return appSupportExists;
  if (path.endsWith('/pip/pip.conf') && !path.startsWith(posix.join(home, '.pip'))) return !appSupportExists;
  return true;
}
