// `sudo pip` without -H: pip runs as root but writes its cache (and --user installs) into the caller's home.
import { createVenvFix } from '../../fixes/venv.js';
import { envVar, isRoot, samePath } from '../derive.js';
import { pathEvidence } from '../evidence.js';
import type { Check } from '../types.js';

const ID = 'root-with-user-home';

export const sudoHomeMismatch: Check = {
  id: ID,
  findings: [ID],
  run(context) {
    const { facts, prediction } = context;
    const home = envVar(facts, 'HOME');
    const rootHome = facts.host.accountHome;
    if (!isRoot(facts) || !home || !rootHome || samePath(facts, home, rootHome)) return [];
    const sudoUser = envVar(facts, 'SUDO_USER');
    const userInstall = prediction.outcome === 'user' || prediction.outcome === 'user-default';
    return [
      {
        finding: {
          id: ID,
          cause: 'permissions',
          severity: userInstall ? 'error' : 'warning',
          title: `pip runs as root but HOME is ${home}${sudoUser ? ` (sudo without -H, from ${sudoUser})` : ''}`,
          evidence: [
            { label: 'effective uid', value: '0 (root)' },
            pathEvidence('HOME', home),
            pathEvidence("root's home", rootHome),
            ...(sudoUser ? [{ label: 'SUDO_USER', value: sudoUser }] : []),
            ...(userInstall && prediction.directory
              ? [pathEvidence('would install into', prediction.directory)]
              : []),
          ],
          explanation: `Files pip creates under ${home} (its cache, and user installs) will belong to root, and ${sudoUser ?? 'the owner'} will get permission errors later.`,
        },
        fixes: [createVenvFix(context, ID)],
      },
    ];
  },
};
