// After `sudo pip install --user` (or sudo without -H), the user's own folders belong to root.
import { chownFix } from '../../fixes/ownership.js';
import type { Facts } from '../../gather/facts.js';
import { homeDir, isInside, isRoot, isWindows, pathApi, pathFacts } from '../derive.js';
import { ownershipEvidence, pathEvidence, userEvidence } from '../evidence.js';
import type { Check } from '../types.js';

const ID = 'user-folders-owned-by-root';

/** The per-user folders pip writes to: user base, user site, user scripts, pip's cache. */
export function userFolders(facts: Pick<Facts, 'probe' | 'host'>): string[] {
  const { site, sysconfig } = facts.probe;
  const userScheme =
    sysconfig.preferred?.user ?? (facts.host.platform === 'win32' ? 'nt_user' : 'posix_user');
  return [
    site.userBase,
    site.userSite,
    sysconfig.paths[userScheme]?.plain?.scripts ?? null,
    pipCacheDir(facts),
  ].filter((p): p is string => p !== null);
}

/** pip's cache directory (platformdirs user_cache_dir("pip")), unless PIP_CACHE_DIR moves it. */
export function pipCacheDir(facts: Pick<Facts, 'host'>): string | null {
  const env = facts.host.env;
  if (env['PIP_CACHE_DIR']) return env['PIP_CACHE_DIR'];
  const home = env['HOME'] ?? facts.host.accountHome;
  switch (facts.host.platform) {
    case 'win32':
      return env['LOCALAPPDATA'] ? `${env['LOCALAPPDATA']}\\pip\\Cache` : null;
    case 'darwin':
      return home ? `${home}/Library/Caches/pip` : null;
    default:
      return env['XDG_CACHE_HOME'] ? `${env['XDG_CACHE_HOME']}/pip` : home ? `${home}/.cache/pip` : null;
  }
}

/** The account sudo was run from (SUDO_UID/SUDO_GID/SUDO_USER), or null. */
function sudoAccount(facts: Facts): { uid: number; gid: number; name: string | null } | null {
  const uid = Number(facts.host.env['SUDO_UID']);
  const gid = Number(facts.host.env['SUDO_GID']);
  if (!Number.isInteger(uid) || !Number.isInteger(gid) || uid === 0) return null;
  return { uid, gid, name: facts.host.env['SUDO_USER'] ?? null };
}

export const userFoldersOwnedByRoot: Check = {
  id: ID,
  findings: [ID],
  run(context) {
    const { facts, prediction } = context;
    if (isWindows(facts) || facts.host.uid === null) return [];
    // As root, only under sudo: the folders then belong to the user sudo came from.
    const sudoUser = isRoot(facts) ? sudoAccount(facts) : null;
    if (isRoot(facts) && sudoUser === null) return [];
    const home = homeDir(facts);
    const owned = userFolders(facts)
      .map((dir) => pathFacts(facts, dir))
      .filter((p) => p?.exists === true && p.uid === 0 && (home === null || isInside(facts, p.path, home)));
    // Only the outermost: chown -R on ~/.local covers ~/.local/bin.
    const outer = owned.filter(
      (p) => !owned.some((q) => q !== p && q && p && isInside(facts, p.path, q.path)),
    );
    if (outer.length === 0) return [];
    const paths = outer.map((p) => p?.path as string);
    const blocksInstall =
      prediction.directory !== null && paths.some((p) => isInside(facts, prediction.directory as string, p));
    const fix = sudoUser ? chownFix(facts, paths, ID, sudoUser) : chownFix(facts, paths, ID);
    return [
      {
        finding: {
          id: ID,
          cause: 'permissions',
          severity: blocksInstall ? 'error' : 'warning',
          title: `${paths.length > 1 ? 'folders' : 'a folder'} in your home belong${paths.length > 1 ? '' : 's'} to root (left by an earlier sudo pip)`,
          evidence: [
            ...outer.flatMap((p) => (p ? [pathEvidence('folder', p.path), ...ownershipEvidence(p)] : [])),
            userEvidence(facts),
          ],
          explanation: blocksInstall
            ? `pip would install into ${pathApi(facts).normalize(prediction.directory as string)}, which you cannot write to.`
            : 'pip cannot cache downloads or install with --user there until they are yours again.',
        },
        fixes: fix ? [fix] : [],
      },
    ];
  },
};
