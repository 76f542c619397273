// What kind of Python installation the interpreter belongs to, from its documented on-disk layout
// (../shared/reference/python-environments.md). Decides whose rules apply and which fix fits.
import type { Facts } from '../gather/facts.js';
import { envVar, isInside, isVenv, pathFacts } from './derive.js';

export type InstallKind =
  | 'nix'
  | 'macos-clt'
  | 'macos-xcode'
  | 'macos-system'
  | 'python.org-macos'
  | 'homebrew'
  | 'pyenv'
  | 'uv-managed'
  | 'conda'
  | 'windows-store'
  | 'windows-all-users'
  | 'windows-per-user'
  | 'distro'
  | 'other';

const CONDA_ROOTS = /^(ana|mini)conda\d*$|^miniforge\d*$|^mambaforge$|^micromamba$/i;

/** The kind of the base installation (for a venv: the Python it was made from). */
export function installKind(facts: Facts): InstallKind {
  const base = facts.probe.prefixes.basePrefix ?? facts.probe.prefixes.prefix;
  const slashed = base.replaceAll('\\', '/');
  const lower = slashed.toLowerCase();
  if (slashed.startsWith('/nix/store/')) return 'nix';
  if (slashed.startsWith('/Library/Developer/CommandLineTools/')) return 'macos-clt';
  if (slashed.startsWith('/Applications/Xcode') && slashed.includes('/Contents/Developer/'))
    return 'macos-xcode';
  if (slashed.startsWith('/System/Library/Frameworks/Python.framework')) return 'macos-system';
  if (slashed.startsWith('/Library/Frameworks/Python.framework/')) return 'python.org-macos';
  if (
    slashed.includes('/Cellar/python') ||
    slashed.startsWith('/opt/homebrew/') ||
    slashed.startsWith('/home/linuxbrew/.linuxbrew/')
  )
    return 'homebrew';
  if (lower.includes('/.pyenv/') || lower.includes('/pyenv-win/versions/')) return 'pyenv';
  if (lower.includes('/uv/python/')) return 'uv-managed';
  if (isConda(facts, base)) return 'conda';
  if (facts.host.platform === 'win32') {
    if (lower.includes('/windowsapps/pythonsoftwarefoundation.python')) return 'windows-store';
    if (
      (facts.probe.site.userBase ?? '').toLowerCase().includes('\\packages\\pythonsoftwarefoundation.python')
    )
      return 'windows-store';
    const programFiles = [
      envVar(facts, 'ProgramFiles'),
      envVar(facts, 'ProgramFiles(x86)'),
      'C:\\Program Files',
    ];
    if (programFiles.some((dir) => dir && isInside(facts, base, dir))) return 'windows-all-users';
    if (lower.includes('/appdata/local/programs/python/')) return 'windows-per-user';
  }
  if (facts.host.platform === 'linux' && (base === '/usr' || base === '/usr/local' || base === '/'))
    return 'distro';
  return 'other';
}

function isConda(facts: Facts, base: string): boolean {
  const name = base.replaceAll('\\', '/').split('/').pop() ?? '';
  if (CONDA_ROOTS.test(name)) return true;
  if (/[\\/](ana|mini)conda\d*[\\/]envs[\\/]/i.test(base)) return true;
  const meta = pathFacts(facts, `${base}${facts.host.platform === 'win32' ? '\\' : '/'}conda-meta`);
  return meta?.exists === true;
}

/** A conda env is conda's own "base" when it is not under an `envs` folder. */
export function isCondaBase(facts: Facts): boolean {
  if (installKind(facts) !== 'conda' || isVenv(facts)) return false;
  const prefix = facts.probe.prefixes.prefix;
  return !/[\\/]envs[\\/][^\\/]+[\\/]?$/.test(prefix);
}

/** Who manages an externally managed Python, in words a user recognises. */
export function managerOf(facts: Facts): string {
  const kind = installKind(facts);
  if (kind === 'uv-managed') return 'uv';
  if (kind === 'homebrew') return 'Homebrew';
  if (kind === 'nix') return 'Nix';
  if (kind === 'conda') return 'conda';
  const content = facts.probe.externallyManaged.content ?? '';
  const distro = distroName(facts);
  if (distro) return distro;
  if (/\bapt\b/.test(content)) return 'Debian/Ubuntu (apt)';
  if (/\bdnf\b/.test(content)) return 'Fedora (dnf)';
  if (/\bpacman\b/.test(content)) return 'Arch Linux (pacman)';
  if (/\bbrew\b/.test(content)) return 'Homebrew';
  if (/\buv\b/.test(content)) return 'uv';
  return 'its distributor';
}

const DISTROS: Record<string, string> = {
  debian: 'Debian',
  ubuntu: 'Ubuntu',
  fedora: 'Fedora',
  rhel: 'Red Hat Enterprise Linux',
  centos: 'CentOS',
  arch: 'Arch Linux',
  manjaro: 'Manjaro',
  alpine: 'Alpine Linux',
  opensuse: 'openSUSE',
  'opensuse-tumbleweed': 'openSUSE Tumbleweed',
  linuxmint: 'Linux Mint',
  pop: 'Pop!_OS',
};

export function distroName(facts: Facts): string | null {
  const id = facts.host.distroId;
  if (!id || installKind(facts) !== 'distro') return null;
  return DISTROS[id] ?? id;
}

export type DistroFamily = 'debian' | 'fedora' | 'arch' | 'alpine' | 'suse';

export function distroFamily(facts: Facts): DistroFamily | null {
  const ids = [facts.host.distroId ?? '', ...facts.host.distroLike];
  if (ids.some((id) => id === 'debian' || id === 'ubuntu')) return 'debian';
  if (ids.some((id) => id === 'fedora' || id === 'rhel' || id === 'centos')) return 'fedora';
  if (ids.some((id) => id === 'arch')) return 'arch';
  if (ids.some((id) => id === 'alpine')) return 'alpine';
  if (ids.some((id) => id.startsWith('opensuse') || id === 'suse')) return 'suse';
  return null;
}
