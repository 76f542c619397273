// Giving the user back folders of their own that `sudo pip` left owned by root.
import type { Facts } from '../gather/facts.js';
import { type DoctorFix, makeFix } from './make-fix.js';
import { commandLine, shellOf } from './shell.js';

export function chownFix(
  facts: Facts,
  paths: string[],
  forId: string,
  owner: { uid: number; gid: number; name: string | null } | null = ownerOf(facts),
): DoctorFix | null {
  if (owner === null || paths.length === 0) return null;
  const { uid, gid, name } = owner;
  const shell = shellOf(facts);
  const asRoot = facts.host.euid === 0;
  const chownTo = name ? `${name}:` : `${uid}:${gid}`;
  return makeFix({
    id: 'chown-user-folders',
    title: `give ${name ?? `uid ${uid}`} back ${paths.length > 1 ? 'these folders' : 'this folder'}`,
    kind: 'manual',
    commands: [
      asRoot
        ? commandLine(shell, 'chown', '-R', chownTo, ...paths)
        : commandLine(shell, 'sudo', 'chown', '-R', chownTo, ...paths),
    ],
    shell,
    for: [forId],
    risk: 'runs as root and changes the owner of every file under these folders; check the paths first',
    action: { type: 'chown', paths, uid, gid },
  });
}

function ownerOf(facts: Facts): { uid: number; gid: number; name: string | null } | null {
  const { uid, gid, userName } = facts.host;
  return uid === null || gid === null ? null : { uid, gid, name: userName };
}
