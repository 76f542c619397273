// Builds Facts for tests: from a recorded probe (Linux, this machine) plus host/path/command
// overrides, or from the platform fixtures in test/fixtures/facts/{macos,windows}.
import { readFileSync } from 'node:fs';
import type { Prediction } from '../../../src/core/types.js';
import type {
  CommandResolution,
  ConfigFileFacts,
  Facts,
  HostFacts,
  PathFacts,
} from '../../../src/gather/facts.js';
import type { ProbeFacts } from '../../../src/probe/probe-facts.js';

/** test/fixtures/facts/, from build/test/unit/checks/ (tests run compiled) or test/unit/checks/. */
export const FIXTURES = new URL('../../../../test/fixtures/facts/', import.meta.url);

export interface Scenario {
  name: string;
  about: string;
  installArgs: string[];
  prediction: Prediction;
  facts: Facts;
}

export function loadScenario(name: string): Scenario {
  const data = JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES), 'utf8')) as Omit<Scenario, 'name'>;
  return { name, ...data };
}

/** A probe report recorded on this machine with `python src/probe/probe.py N` (see linux/README.md). */
export function loadProbe(name: string): ProbeFacts {
  return JSON.parse(readFileSync(new URL(`linux/${name}.probe.json`, FIXTURES), 'utf8')) as ProbeFacts;
}

export function pathFact(path: string, o: Partial<PathFacts> = {}): PathFacts {
  const exists = o.exists ?? true;
  return {
    path,
    exists,
    isDirectory: exists,
    isSymlink: false,
    realPath: exists ? path : null,
    nearestExisting: exists ? path : null,
    writable: true,
    uid: 1000,
    gid: 1000,
    owner: 'alice',
    group: 'alice',
    mode: 0o755,
    mount: null,
    ...o,
  };
}

/** A directory owned by root, mode 755: what a non-root user cannot write to. */
export function rootDir(path: string, o: Partial<PathFacts> = {}): PathFacts {
  return pathFact(path, { uid: 0, gid: 0, owner: 'root', group: 'root', writable: false, ...o });
}

export function command(
  name: string,
  path: string | null,
  interpreter: string | null = path,
  o: Partial<CommandResolution> = {},
): CommandResolution {
  if (path === null) {
    return {
      name,
      path,
      interpreter: null,
      via: null,
      interpreterExists: null,
      environment: null,
      detail: `${name} is not on PATH`,
    };
  }
  return {
    name,
    path,
    interpreter,
    via: interpreter === path ? 'self' : 'shebang',
    interpreterExists: interpreter !== null,
    environment: interpreter,
    detail: null,
    ...o,
  };
}

export function prediction(o: Partial<Prediction> & Pick<Prediction, 'outcome'>): Prediction {
  return {
    directory: null,
    scriptsDirectory: null,
    messages: [],
    pipExitCode: 0,
    reasoning: [],
    settings: [],
    pipVersion: null,
    scriptsOnPath: null,
    ...o,
  };
}

const LINUX_TOOLS: Record<string, string | null> = {
  'apt-cache': '/usr/bin/apt-cache',
  dnf: null,
  pacman: null,
  apk: null,
  brew: null,
  pipx: null,
  uv: null,
  conda: null,
  pyenv: null,
  sudo: '/usr/bin/sudo',
};

export interface LinuxOverrides {
  host?: Partial<HostFacts>;
  env?: Record<string, string>;
  paths?: PathFacts[];
  commands?: Partial<Facts['commands']>;
  configFiles?: ConfigFileFacts[];
  target?: Partial<Facts['target']>;
}

/** Facts for this Debian 12 machine as user alice (uid 1000), around a recorded probe. */
export function linuxFacts(probe: ProbeFacts, o: LinuxOverrides = {}): Facts {
  const exe = probe.python.executable;
  const host: HostFacts = {
    platform: 'linux',
    arch: 'x64',
    env: {
      HOME: '/home/alice',
      USER: 'alice',
      SHELL: '/bin/bash',
      LANG: 'C.UTF-8',
      PATH: '/home/alice/.local/bin:/usr/local/bin:/usr/bin:/bin',
      ...o.env,
    },
    cwd: '/home/alice/proj',
    uid: 1000,
    gid: 1000,
    euid: 1000,
    egid: 1000,
    groups: [1000],
    userName: 'alice',
    accountHome: '/home/alice',
    isAdmin: null,
    shell: 'bash',
    distroId: 'debian',
    distroLike: [],
    tools: { ...LINUX_TOOLS },
    ...o.host,
  };
  return {
    factsVersion: 1,
    target: { requested: 'pip', executable: exe, how: 'the interpreter `pip` on PATH runs', ...o.target },
    probe,
    host,
    configFiles: o.configFiles ?? [
      { level: 'global', path: '/etc/xdg/pip/pip.conf', exists: false, text: null, error: null },
      { level: 'global', path: '/etc/pip.conf', exists: false, text: null, error: null },
      { level: 'user', path: '/home/alice/.pip/pip.conf', exists: false, text: null, error: null },
      { level: 'user', path: '/home/alice/.config/pip/pip.conf', exists: false, text: null, error: null },
    ],
    paths: Object.fromEntries((o.paths ?? []).map((p) => [p.path, p])),
    commands: {
      pip: command('pip', null),
      pip3: command('pip3', null),
      python: command('python', null),
      python3: command('python3', null),
      ...o.commands,
    },
  };
}
