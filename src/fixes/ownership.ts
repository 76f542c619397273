// Giving the user back folders of their own that `sudo pip` left owned by root.
import type { Facts } from '../gather/facts.js';
import { type DoctorFix, makeFix } from './make-fix.js';
import { commandLine, shellOf } from './shell.js';

export function chownFix(facts: Facts, paths: string[], forId: string): DoctorFix | null {
  const { uid, gid, userName } = facts.host;
  if (uid === null || gid === null || paths.length === 0) return null;
  const shell = shellOf(facts);
  const owner = userName ? `${userName}:` : `${uid}:${gid}`;
  return makeFix({
    id: 'chown-user-folders',
    title: `give ${userName ?? `uid ${uid}`} back ${paths.length > 1 ? 'these folders' : 'this folder'}`,
    kind: 'manual',
    commands: [commandLine(shell, 'sudo', 'chown', '-R', owner, ...paths)],
    shell,
    for: [forId],
    risk: 'runs as root and changes the owner of every file under these folders; check the paths first',
    action: { type: 'chown', paths, uid, gid },
  });
}
