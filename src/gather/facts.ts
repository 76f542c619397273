// Everything the pure core decides from: the probe's report, the host, the file system and
// pip's configuration files, gathered once at the edge. Recorded facts (test/fixtures) have
// exactly this shape, which is how macOS and Windows logic is tested on Linux.
import type { ProbeFacts } from '../probe/probe-facts.js';

export type Platform = 'linux' | 'darwin' | 'win32' | (string & {});
export type Shell = 'bash' | 'zsh' | 'fish' | 'sh' | 'powershell' | 'cmd';

export interface MountFacts {
  mountPoint: string;
  fsType: string;
  readOnly: boolean;
  source: string;
}

/** What stat, access(2) and the mount table say about one path. */
export interface PathFacts {
  path: string;
  exists: boolean;
  isDirectory: boolean;
  isSymlink: boolean;
  /** Symlinks resolved, when the path exists. */
  realPath: string | null;
  /** The path itself, or its closest existing ancestor: what pip's writability test looks at. */
  nearestExisting: string | null;
  /** pip's test on nearestExisting: access(W_OK) on POSIX, creating a file on Windows. */
  writable: boolean;
  uid: number | null;
  gid: number | null;
  owner: string | null;
  group: string | null;
  /** Permission bits, e.g. 0o755. */
  mode: number | null;
  mount: MountFacts | null;
}

/** One pip configuration file pip would look at, whether or not it exists. */
export interface ConfigFileFacts {
  /** global | user | site | env (PIP_CONFIG_FILE) */
  level: 'global' | 'user' | 'site' | 'env';
  path: string;
  exists: boolean;
  /** File content when readable (capped). */
  text: string | null;
  error: string | null;
}

export interface HostFacts {
  platform: Platform;
  arch: string;
  /** The environment pip would run with (the caller's). */
  env: Record<string, string>;
  cwd: string;
  uid: number | null;
  gid: number | null;
  euid: number | null;
  egid: number | null;
  groups: number[];
  userName: string | null;
  /** Home of the account (passwd), which can differ from $HOME under sudo. */
  accountHome: string | null;
  /** Windows: whether the process has administrator rights; null elsewhere or unknown. */
  isAdmin: boolean | null;
  shell: Shell | null;
  /** Linux distribution id from /etc/os-release, e.g. "debian". */
  distroId: string | null;
  distroLike: string[];
  /** Whether `apt-cache`, `dnf`, `brew`, `pipx`, `uv`... are on PATH (absolute path or null). */
  tools: Record<string, string | null>;
}

/** What a command name on PATH really runs. */
export interface CommandResolution {
  name: string;
  /** The file the shell would run, as found on PATH (not resolved). */
  path: string | null;
  /** The interpreter it runs: itself for a python, the shebang's for a pip script. */
  interpreter: string | null;
  /** How `interpreter` was worked out: 'self', 'shebang', 'pyenv-shim', 'exe-launcher', ... */
  via: string | null;
  /** The interpreter exists and can be run. */
  interpreterExists: boolean | null;
  /** The environment it belongs to: a venv folder, or the real path of a base interpreter. */
  environment: string | null;
  /** Python options a shebang passes (e.g. ["-s"]); absent when there are none. */
  interpreterFlags?: string[];
  detail: string | null;
}

export interface Facts {
  /** Bump when the shape changes; recorded fixtures carry it. */
  factsVersion: 1;
  /** The interpreter as the user named it (--python) or as found behind `pip`. */
  target: { requested: string; executable: string; how: string; flags?: string[] };
  probe: ProbeFacts;
  host: HostFacts;
  configFiles: ConfigFileFacts[];
  paths: Record<string, PathFacts>;
  commands: Record<'pip' | 'pip3' | 'python' | 'python3', CommandResolution>;
  /** What the distro's package manager offers for the named packages (externally managed Pythons only). */
  distroPackages?: DistroPackagesFact | null;
}

/** For each package named in the install arguments, the distro's python3- package, e.g. from `apt-cache policy`. */
export interface DistroPackagesFact {
  manager: 'apt' | 'dnf' | 'pacman' | 'apk' | 'zypper';
  /** Keyed by the PEP 503 normalised project name. */
  packages: Record<string, { package: string; candidate: string | null; installed: string | null }>;
}
