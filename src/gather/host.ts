// Facts about the machine and the calling user: the environment pip would see, ids, shell, distro, tools.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { basename } from 'node:path';
import { accountHome, userName } from './accounts.js';
import type { HostFacts, Shell } from './facts.js';
import { findOnPath } from './path-search.js';

/** Tools whose presence changes which fix we recommend. */
const TOOLS = ['apt-cache', 'dnf', 'pacman', 'apk', 'brew', 'pipx', 'uv', 'conda', 'pyenv', 'sudo'];

export function gatherHost(env: NodeJS.ProcessEnv, cwd: string): HostFacts {
  const plat = platform();
  const uid = process.getuid?.() ?? null;
  const distro = plat === 'linux' ? readOsRelease() : { id: null, like: [] };
  const cleanEnv = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return {
    platform: plat,
    arch: arch(),
    env: cleanEnv,
    cwd,
    uid,
    gid: process.getgid?.() ?? null,
    euid: process.geteuid?.() ?? null,
    egid: process.getegid?.() ?? null,
    groups: process.getgroups?.() ?? [],
    userName: uid === null ? (env.USERNAME ?? null) : userName(uid),
    accountHome: uid === null ? (env.USERPROFILE ?? null) : accountHome(uid),
    isAdmin: plat === 'win32' ? windowsIsElevated() : null,
    shell: detectShell(env, plat),
    distroId: distro.id,
    distroLike: distro.like,
    tools: Object.fromEntries(TOOLS.map((tool) => [tool, findOnPath(tool, env, plat, cwd)])),
  };
}

/** The user's interactive shell: $SHELL on POSIX; PowerShell or cmd on Windows. */
export function detectShell(env: NodeJS.ProcessEnv, plat: string): Shell | null {
  if (plat === 'win32') return env.PSModulePath && !env.PROMPT ? 'powershell' : 'cmd';
  const name = basename(env.SHELL ?? '');
  if (name === 'bash' || name === 'zsh' || name === 'fish' || name === 'sh') return name;
  if (name === 'pwsh') return 'powershell';
  if (name === 'dash' || name === 'ash') return 'sh';
  return env.SHELL ? 'sh' : null;
}

function readOsRelease(): { id: string | null; like: string[] } {
  let text = '';
  try {
    text = readFileSync('/etc/os-release', 'utf8');
  } catch {
    return { id: null, like: [] };
  }
  const field = (key: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${key}=`));
    return line ? line.slice(key.length + 1).replace(/^["']|["']$/g, '') : null;
  };
  return { id: field('ID'), like: (field('ID_LIKE') ?? '').split(/\s+/).filter(Boolean) };
}

/**
 * Windows: whether this process runs elevated (an administrator token), which decides whether
 * pip may write into C:\\Program Files. `whoami /groups` lists the High Mandatory Level SID then.
 */
function windowsIsElevated(): boolean | null {
  const run = spawnSync('whoami', ['/groups'], { encoding: 'utf8', timeout: 3000, windowsHide: true });
  return run.status === 0 && typeof run.stdout === 'string' ? elevatedFromWhoamiGroups(run.stdout) : null;
}

export function elevatedFromWhoamiGroups(text: string): boolean {
  return /S-1-16-12288|S-1-16-16384/.test(text);
}
