// The distro's own package, for an externally managed system Python.

import { packagesFromArgs, projectName } from '../checks/derive.js';
import { type DistroFamily, distroFamily, distroName } from '../checks/install-kind.js';
import type { CheckContext } from '../checks/types.js';
import type { DistroPackagesFact, Facts } from '../gather/facts.js';
import { type DoctorFix, makeFix } from './make-fix.js';
import { shellOf } from './shell.js';

export type { DistroPackagesFact } from '../gather/facts.js';

export function distroPackagesFact(facts: Facts): DistroPackagesFact | null {
  return facts.distroPackages ?? null;
}

const NAMING: Record<DistroFamily, { prefix: string; install: string; query: string }> = {
  debian: { prefix: 'python3-', install: 'sudo apt install', query: 'apt-cache policy' },
  fedora: { prefix: 'python3-', install: 'sudo dnf install', query: 'dnf info' },
  arch: { prefix: 'python-', install: 'sudo pacman -S', query: 'pacman -Si' },
  alpine: { prefix: 'py3-', install: 'sudo apk add', query: 'apk info' },
  suse: { prefix: 'python3-', install: 'sudo zypper install', query: 'zypper info' },
};

export function distroPackageName(family: DistroFamily, project: string): string {
  return `${NAMING[family].prefix}${project}`;
}

/** What is known about the named packages: shipped (with version), not shipped, or unknown. */
export function distroAvailability(facts: Facts, installArgs: string[]) {
  const family = distroFamily(facts);
  const known = distroPackagesFact(facts);
  return packagesFromArgs(installArgs).map((requirement) => {
    const project = projectName(requirement);
    const entry = known?.packages[project];
    return {
      project,
      package: entry?.package ?? (family ? distroPackageName(family, project) : project),
      shipped: entry ? entry.candidate !== null || entry.installed !== null : null,
      version: entry?.candidate ?? entry?.installed ?? null,
    };
  });
}

export function distroPackageFix(context: CheckContext, forId: string): DoctorFix | null {
  const { facts } = context;
  const family = distroFamily(facts);
  const distro = distroName(facts);
  if (!family || !distro) return null;
  const naming = NAMING[family];
  const wanted = distroAvailability(facts, context.installArgs);
  if (wanted.length === 0) return null;
  const usable = wanted.filter((w) => w.shipped !== false);
  if (usable.length === 0) return null;
  const unknown = usable.some((w) => w.shipped === null);
  const names = usable.map((w) => w.package);
  const versions = usable.map((w) => (w.version ? `${w.package} ${w.version}` : w.package)).join(', ');
  return makeFix({
    id: 'install-distro-package',
    title: unknown
      ? `install ${distro}'s package, if it ships one: ${names.join(' ')}`
      : `install ${distro}'s package ${versions}`,
    kind: 'manual',
    commands: [
      ...(unknown ? names.map((n) => `${naming.query} ${n}`) : []),
      `${naming.install} ${names.join(' ')}`,
    ],
    shell: shellOf(facts),
    for: [forId],
    risk: `runs the package manager as root; the distro's version may be older than the newest on PyPI`,
  });
}
