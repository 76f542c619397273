// What a scan runs against: the platform, the caller's environment, and the file system
// (the real one, or a fixture tree standing in for macOS or Windows in tests).
import { join } from '../core/fast-path.js';
import { homeFolder } from '../core/home-folder.js';
import { plainEnv } from '../core/plain-env.js';
import { localPathTest } from './local-paths.js';
import { TrackedFs } from './tracked-fs.js';

/** One PEP 514 registration (HKCU/HKLM\Software\Python\<company>\<tag>). */
export interface RegistryEntry {
  company: string;
  tag: string;
  installPath: string | null;
  executablePath: string | null;
  version: string | null;
}

export interface ScanContext {
  platform: string;
  env: Record<string, string | undefined>;
  cwd: string;
  home: string;
  uid: number | null;
  euid: number | null;
  gid: number | null;
  egid: number | null;
  /** /etc/os-release ID and ID_LIKE words, lower case (Linux only). */
  distro: string[];
  /** Where an absolute system path (/usr/bin, /Library/...) is: itself, or under a fixture root. */
  sys(path: string): string;
  fs: TrackedFs;
  /** PEP 514 registrations (Windows); reads `reg query`, never a Python. */
  readRegistry(): Promise<RegistryEntry[]>;
  /** The answer of `work` for (what, key), worked out once per scan (file reads: see `fs`). */
  once<T>(what: string, key: string, work: () => T): T;
}

export interface ContextOptions {
  env: Record<string, string | undefined>;
  cwd: string;
  platform?: string;
  /** Treat this folder as the file system root for system paths (fixture trees). */
  root?: string;
  home?: string;
  uid?: number | null;
  registry?: RegistryEntry[];
  /** Which paths may be read blocking (default: those on local file systems of this host). */
  isLocal?: (path: string) => boolean;
}

export async function createContext(options: ContextOptions): Promise<ScanContext> {
  const platform = options.platform ?? process.platform;
  const root = options.root;
  const sys = root ? (path: string) => join(root, path.replace(/^[A-Za-z]:/, '')) : (path: string) => path;
  // Fixture trees stand in for other platforms, but they are on this host's disks.
  const fs = new TrackedFs({ isLocal: options.isLocal ?? localPathTest(process.platform) });
  const home =
    options.home ??
    (platform === 'win32' ? options.env.USERPROFILE : options.env.HOME) ??
    (root ? join(root, 'home') : await homeFolder(options.env, platform));
  const uid = options.uid !== undefined ? options.uid : (process.getuid?.() ?? null);
  const distro = platform === 'linux' ? parseOsRelease(await fs.readText(sys('/etc/os-release'))) : [];
  let registry: Promise<RegistryEntry[]> | undefined;
  const answers = new Map<string, unknown>();
  return {
    platform,
    // The CLI passes a plain copy already; a library caller may pass process.env itself.
    env: plainEnv(options.env),
    cwd: options.cwd,
    home,
    uid,
    euid: options.uid !== undefined ? options.uid : (process.geteuid?.() ?? null),
    gid: process.getgid?.() ?? null,
    egid: process.getegid?.() ?? null,
    distro,
    sys,
    fs,
    readRegistry: () => {
      registry ??=
        options.registry !== undefined
          ? Promise.resolve(options.registry)
          : platform === 'win32' && process.platform === 'win32'
            ? queryRegistry()
            : Promise.resolve([]);
      return registry;
    },
    once<T>(what: string, key: string, work: () => T): T {
      const id = `${what}\0${key}`;
      if (!answers.has(id)) answers.set(id, work());
      return answers.get(id) as T;
    },
  };
}

function parseOsRelease(text: string | null): string[] {
  if (!text) return [];
  const field = (key: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${key}=`));
    return line ? line.slice(key.length + 1).replace(/^["']|["']$/g, '') : '';
  };
  return `${field('ID')} ${field('ID_LIKE')}`.toLowerCase().split(/\s+/).filter(Boolean);
}

/** `reg query` of the PEP 514 keys in both hives (and the 32-bit view): one process, no Python. */
async function queryRegistry(): Promise<RegistryEntry[]> {
  const keys = ['HKCU\\Software\\Python', 'HKLM\\Software\\Python', 'HKLM\\Software\\WOW6432Node\\Python'];
  // Loaded here only: child_process pulls in streams and sockets, which a scan elsewhere never needs.
  const { execFile } = await import('node:child_process');
  return Promise.all(
    keys.map(
      (key) =>
        new Promise<string>((resolve) => {
          execFile('reg', ['query', key, '/s'], { timeout: 3000, windowsHide: true }, (_error, stdout) =>
            resolve(typeof stdout === 'string' ? stdout : ''),
          );
        }),
    ),
  ).then((outputs) => outputs.flatMap(parseRegQuery));
}

/** Parses `reg query /s` output into PEP 514 entries. */
export function parseRegQuery(text: string): RegistryEntry[] {
  const byKey = new Map<string, RegistryEntry>();
  let current: { company: string; tag: string; sub: string } | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const key = /^HKEY_[A-Z_]+\\Software\\(?:WOW6432Node\\)?Python\\([^\\]+)\\([^\\]+)(?:\\(.+))?$/i.exec(
      line,
    );
    if (key) {
      current = { company: key[1] as string, tag: key[2] as string, sub: (key[3] ?? '').toLowerCase() };
      const id = `${current.company}\\${current.tag}`;
      if (!byKey.has(id)) {
        byKey.set(id, {
          company: current.company,
          tag: current.tag,
          installPath: null,
          executablePath: null,
          version: null,
        });
      }
      continue;
    }
    if (/^HKEY_/.test(line)) {
      current = null;
      continue;
    }
    const value = /^\s+(\(Default\)|\S+)\s+REG_\w+\s+(.*)$/.exec(line);
    if (!value || !current) continue;
    const entry = byKey.get(`${current.company}\\${current.tag}`);
    if (!entry) continue;
    const name = (value[1] as string).toLowerCase();
    const data = (value[2] as string).trim();
    if (current.sub === 'installpath' && name === '(default)') entry.installPath = data;
    else if (current.sub === 'installpath' && name === 'executablepath') entry.executablePath = data;
    else if (current.sub === '' && name === 'version') entry.version = data;
    else if (current.sub === '' && name === 'sysversion' && !entry.version) entry.version = data;
  }
  return [...byKey.values()];
}
