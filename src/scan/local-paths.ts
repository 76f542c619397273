// Which paths live on file systems that answer promptly, so the scan may read them blocking.
// Network and FUSE file systems (NFS, SMB, sshfs, WSL's 9p view of Windows drives) can stall for
// a long time; the scan reads those through the thread pool, where its deadline still applies.
// Unknown file system types count as remote: being wrong that way only costs a little speed.
import { readFileSync } from 'node:fs';
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
    return (path) => !/^\/(Volumes|Network|net|automount)(\/|$)/.test(path);
  }
  if (mountInfo === null) return () => false;
  const mounts = parseMountInfo(mountInfo);
  // Most machines have no remote mount at all; otherwise only paths under one need the full lookup.
  const remote = mounts.filter((mount) => !LOCAL_TYPES.has(mount.fsType)).map((mount) => mount.mountPoint);
  if (mounts.length > 0 && remote.length === 0) return () => true;
  const under = (path: string, mountPoint: string) =>
    mountPoint === '/' || path === mountPoint || path.startsWith(`${mountPoint}/`);
  return (path) => {
    if (!remote.some((mountPoint) => under(path, mountPoint))) return mounts.length > 0;
    const mount = mountFor(path, mounts);
    return mount !== null && LOCAL_TYPES.has(mount.fsType);
  };
}

function readMountInfo(): string | null {
  try {
    return readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    return null;
  }
}
