// The mount table (Linux /proc/self/mountinfo): which mount a path is on and whether it is read-only.
import { readFileSync } from 'node:fs';
import type { MountFacts } from './facts.js';

export function readMounts(plat: string): MountFacts[] {
  if (plat !== 'linux') return [];
  try {
    return parseMountInfo(readFileSync('/proc/self/mountinfo', 'utf8'));
  } catch {
    return [];
  }
}

/** Parses mountinfo lines: `id parent dev root mountpoint options [optional...] - fstype source superoptions`. */
export function parseMountInfo(text: string): MountFacts[] {
  const mounts: MountFacts[] = [];
  for (const line of text.split('\n')) {
    const fields = line.split(' ');
    const dash = fields.indexOf('-');
    if (dash < 6) continue;
    const mountPoint = unescapeOctal(fields[4] ?? '');
    const options = (fields[5] ?? '').split(',');
    const superOptions = (fields[dash + 3] ?? '').split(',');
    mounts.push({
      mountPoint,
      fsType: fields[dash + 1] ?? '',
      source: unescapeOctal(fields[dash + 2] ?? ''),
      readOnly: options.includes('ro') || superOptions.includes('ro'),
    });
  }
  return mounts;
}

/** The mount a (real, absolute) path lives on: the last-mounted one with the longest matching mount point. */
export function mountFor(path: string, mounts: MountFacts[]): MountFacts | null {
  let best: MountFacts | null = null;
  for (const mount of mounts) {
    const mp = mount.mountPoint;
    const inside = mp === '/' || path === mp || path.startsWith(mp.endsWith('/') ? mp : `${mp}/`);
    if (inside && (!best || mp.length >= best.mountPoint.length)) best = mount;
  }
  return best;
}

function unescapeOctal(text: string): string {
  return text.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));
}
