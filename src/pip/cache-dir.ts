// pip's cache folder and its ownership test (check_path_owner): when the folder (or the nearest
// existing parent) is not the user's, pip warns and runs without a cache. The classic cause is
// `sudo pip` without -H, which leaves ~/.cache/pip owned by root.
import type { Facts, PathFacts } from '../gather/facts.js';
import { envValue, expandUser } from './environment.js';
import { absolute, flavourOf } from './paths.js';
import type { PipSettings } from './settings.js';

/** The cache folder this pip run uses, or null when the cache is off (or on Windows, where pip does not check). */
export function cacheDirectory(facts: Facts, settings: PipSettings): string | null {
  const { host } = facts;
  if (host.platform === 'win32') return null;
  const setting = settings.values.get('cache_dir');
  if (setting !== undefined) {
    if (typeof setting.value !== 'string' || setting.value === '') return null;
    const home = expandUser(host);
    const expanded = setting.value.startsWith('~') && home ? home + setting.value.slice(1) : setting.value;
    return absolute(expanded, host.cwd, flavourOf(host.platform));
  }
  const home = expandUser(host);
  if (host.platform === 'darwin') return home ? `${home}/Library/Caches/pip` : null;
  const xdg = envValue(host, 'XDG_CACHE_HOME')?.trim();
  if (xdg) return `${xdg}/pip`;
  return home ? `${home}/.cache/pip` : null;
}

/** check_path_owner: root must own the nearest existing folder; anyone else must be able to write it. */
export function cacheUsable(facts: Facts, info: PathFacts | undefined): boolean {
  if (!info) return true;
  if (info.nearestExisting === null && !info.exists) return false;
  return facts.host.euid === 0 ? info.uid === 0 : info.writable;
}
