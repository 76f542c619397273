// The install target is on a read-only mount (container image layer, immutable distro, Nix store).

import { createVenvFix } from '../../fixes/venv.js';
import type { PathFacts } from '../../gather/facts.js';
import { defaultSiteDirs, pathFacts } from '../derive.js';
import { pathEvidence } from '../evidence.js';
import type { Check } from '../types.js';

const ID = 'read-only-filesystem';

export const readOnlyFilesystem: Check = {
  id: ID,
  findings: [ID],
  run(context) {
    const { facts, prediction } = context;
    const candidates = [prediction.directory, ...defaultSiteDirs(facts)]
      .map((dir) => pathFacts(facts, dir))
      .filter((p): p is PathFacts => p !== undefined);
    const blocked = candidates.find(
      (p) => p.mount?.readOnly || (p.realPath ?? p.path).startsWith('/nix/store/'),
    );
    if (!blocked) return [];
    const mount = blocked.mount;
    const nix = (blocked.realPath ?? blocked.path).startsWith('/nix/store/');
    return [
      {
        finding: {
          id: ID,
          cause: 'os-restriction',
          severity: prediction.outcome === 'error-permission' ? 'error' : 'warning',
          title: `${blocked.path} is on a read-only file system`,
          evidence: [
            pathEvidence('site-packages', blocked.path),
            ...(mount
              ? [
                  pathEvidence('mounted at', mount.mountPoint),
                  {
                    label: 'mount',
                    value: `${mount.fsType} from ${mount.source}, ${mount.readOnly ? 'read-only (ro)' : 'read-write'}`,
                  },
                ]
              : []),
            ...(nix ? [{ label: 'Nix store', value: 'immutable by design' }] : []),
          ],
          explanation: nix
            ? 'Nix builds its store paths once and never changes them; packages belong in the Nix expression or in a virtual environment.'
            : 'Even root cannot write there (Errno 30); the image or the OS has to be built with the package, or it goes in a writable virtual environment.',
        },
        fixes: [createVenvFix(context, ID)],
      },
    ];
  },
};
