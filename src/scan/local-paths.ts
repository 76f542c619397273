// Which paths live on file systems that answer promptly, so the scan may read them blocking.
// Network and FUSE file systems (NFS, SMB, sshfs, WSL's 9p view of Windows drives) can stall for
// a long time; the scan reads those through the thread pool, where its deadline still applies.
// Unknown file system types count as remote: being wrong that way only costs a little speed.
// A path is judged by where it really leads: ~/envs may be a symlink onto a network share.
import { lstatSync, readFileSync, readlinkSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { mountFor, parseMountInfo } from '../gather/mounts.js';

const LOCAL_TYPES = new Set([
  // Disks and images.
  'apfs',
  'bcachefs',
  'btrfs',
  'devtmpfs',
  'erofs',
  'exfat',
  'ext2',
  'ext3',
  'ext4',
  'f2fs',
  'hfs',
  'hfsplus',
  'iso9660',
  'jfs',
  'msdos',
  'nilfs2',
  'ntfs',
  'ntfs3',
  'overlay',
  'proc',
  'ramfs',
  'reiserfs',
  'squashfs',
  'sysfs',
  'tmpfs',
  'udf',
  'vfat',
  'xfs',
  'zfs',
  // The kernel's own views (autofs is left out: it mounts something else on first access).
  'binfmt_misc',
  'bpf',
  'cgroup',
  'cgroup2',
  'configfs',
  'debugfs',
  'devpts',
  'efivarfs',
  'fusectl',
  'hugetlbfs',
  'mqueue',
  'nsfs',
  'pstore',
  'securityfs',
  'selinuxfs',
  'tracefs',
]);

/**
 * A test for "this path is on a local file system". Linux reads the mount table (given as text
 * in tests); macOS and Windows have none to read without running a program, so their usual
 * network locations are recognised by path.
 */
export function localPathTest(
  platform: string,
  mountInfo: string | null = platform === 'linux' ? readMountInfo() : null,
): (path: string) => boolean {
  if (platform === 'win32') {
    const systemDrive = (process.env.SystemDrive ?? 'C:').toLowerCase();
    // UNC paths are network shares; other drive letters may be mapped shares.
    return (path) => path.slice(0, 2).toLowerCase() === systemDrive;
  }
  if (platform === 'darwin') {
    return followingLinks((path) => /^\/(Volumes|Network|net|automount)(\/|$)/.test(path));
  }
  if (mountInfo === null) return () => false;
  const mounts = parseMountInfo(mountInfo);
  // Most machines have no remote mount at all; otherwise only paths under one need the full lookup.
  const remote = mounts.filter((mount) => !LOCAL_TYPES.has(mount.fsType)).map((mount) => mount.mountPoint);
  if (mounts.length > 0 && remote.length === 0) return () => true;
  if (mounts.length === 0) return () => false;
  const under = (path: string, mountPoint: string) =>
    mountPoint === '/' || path === mountPoint || path.startsWith(`${mountPoint}/`);
  return followingLinks((path) => {
    if (!remote.some((mountPoint) => under(path, mountPoint))) return false;
    const mount = mountFor(path, mounts);
    return mount === null || !LOCAL_TYPES.has(mount.fsType);
  });
}

/** What a folder entry is, for following links: a link's target, a missing entry, or anything else. */
type Entry = { link: string } | 'missing' | 'other';

/**
 * "Local" for a path whose every step, symlinks followed, stays off remote file systems. Links
 * are followed with lstat and readlink on local entries only, so judging a path never waits on
 * the share it might lead to. Each folder entry is looked at once.
 */
function followingLinks(isRemote: (path: string) => boolean): (path: string) => boolean {
  const entries = new Map<string, Entry>();
  const entry = (path: string): Entry => {
    let known = entries.get(path);
    if (known === undefined) {
      try {
        known = lstatSync(path).isSymbolicLink() ? { link: readlinkSync(path) } : 'other';
      } catch {
        known = 'missing';
      }
      entries.set(path, known);
    }
    return known;
  };
  const answers = new Map<string, boolean>();
  return (path) => {
    let answer = answers.get(path);
    if (answer === undefined) {
      answer = leadsNowhereRemote(path);
      answers.set(path, answer);
    }
    return answer;
  };

  function leadsNowhereRemote(path: string): boolean {
    let current = resolve(path);
    // 40 links at most, as the kernel allows; more is a loop, and a loop is not worth blocking on.
    for (let hops = 0; hops < 40; hops++) {
      if (isRemote(current)) return false;
      const parts = current.split('/');
      let next: string | null = null;
      for (let i = 1; i < parts.length && next === null; i++) {
        const prefix = parts.slice(0, i + 1).join('/');
        // A folder on a share holding a local mount (a scratch disk inside an NFS home) is not
        // looked at: that would wait on the share, and mount points are never links.
        if (isRemote(prefix)) continue;
        const found = entry(prefix);
        if (found === 'missing') return true; // nothing further to follow: the rest does not exist
        if (found !== 'other') {
          const target = isAbsolute(found.link) ? found.link : `${parts.slice(0, i).join('/')}/${found.link}`;
          next = resolve(target, ...parts.slice(i + 1));
        }
      }
      if (next === null) return true;
      current = next;
    }
    return false;
  }
}

function readMountInfo(): string | null {
  try {
    return readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    return null;
  }
}
