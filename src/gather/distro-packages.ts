// Whether the distro ships the packages the user named, for an externally managed Python: the
// safest fix there is often `apt install python3-NAME`. Asked of apt-cache (read-only, fast).
import { spawnSync } from 'node:child_process';
import { packagesFromArgs, projectName } from '../checks/derive.js';
import type { DistroPackagesFact, HostFacts } from './facts.js';

const TIMEOUT_MS = 3000;

export function distroPackages(host: HostFacts, installArgs: string[]): DistroPackagesFact | null {
  const aptCache = host.tools['apt-cache'];
  const projects = [...new Set(packagesFromArgs(installArgs).map(projectName))];
  if (!aptCache || projects.length === 0) return null;
  const names = projects.map((p) => `python3-${p}`);
  const run = spawnSync(aptCache, ['policy', ...names], {
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    env: { ...host.env, LC_ALL: 'C' },
  });
  if (run.status !== 0 || typeof run.stdout !== 'string') return null;
  return { manager: 'apt', packages: parseAptPolicy(run.stdout, projects) };
}

/** `apt-cache policy` prints "name:" then "  Installed: X" / "  Candidate: Y"; unknown names print nothing. */
export function parseAptPolicy(text: string, projects: string[]): DistroPackagesFact['packages'] {
  const found = new Map<string, { installed: string | null; candidate: string | null }>();
  let current: { installed: string | null; candidate: string | null } | null = null;
  for (const line of text.split('\n')) {
    const header = /^(\S+):$/.exec(line);
    if (header) {
      current = { installed: null, candidate: null };
      found.set(header[1] as string, current);
      continue;
    }
    const field = /^\s+(Installed|Candidate):\s*(.*)$/.exec(line);
    if (field && current) {
      const value = field[2] === '(none)' || field[2] === '' ? null : (field[2] as string);
      if (field[1] === 'Installed') current.installed = value;
      else current.candidate = value;
    }
  }
  const packages: DistroPackagesFact['packages'] = {};
  for (const project of projects) {
    const name = `python3-${project}`;
    const entry = found.get(name);
    packages[project] = {
      package: name,
      candidate: entry?.candidate ?? null,
      installed: entry?.installed ?? null,
    };
  }
  return packages;
}
