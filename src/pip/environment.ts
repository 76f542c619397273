// The environment as the target Python sees it: Windows upper-cases variable names,
// `~` expands from HOME on POSIX and USERPROFILE on Windows.
import type { HostFacts } from '../gather/facts.js';

export function envValue(host: Pick<HostFacts, 'env' | 'platform'>, name: string): string | undefined {
  if (host.platform !== 'win32') return host.env[name];
  const key = Object.keys(host.env).find((k) => k.toUpperCase() === name);
  return key === undefined ? undefined : host.env[key];
}

/** The environment as (NAME, value) pairs with Python's key spelling (upper case on Windows). */
export function pythonEnviron(host: Pick<HostFacts, 'env' | 'platform'>): Array<[string, string]> {
  const entries = Object.entries(host.env);
  return host.platform === 'win32' ? entries.map(([k, v]) => [k.toUpperCase(), v]) : entries;
}

/** os.path.expanduser("~") in the target Python. */
export function expandUser(host: HostFacts): string | null {
  if (host.platform === 'win32') {
    const profile = envValue(host, 'USERPROFILE');
    if (profile) return profile;
    const drive = envValue(host, 'HOMEDRIVE');
    const path = envValue(host, 'HOMEPATH');
    return drive !== undefined && path !== undefined ? `${drive}${path}` : host.accountHome;
  }
  const home = envValue(host, 'HOME');
  return home !== undefined ? home : host.accountHome;
}
