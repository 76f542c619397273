// The exact lines pip prints about install locations, per version (pip-behavior.md §1, §8).
import { atLeast, type PipVersion } from './version.js';

export const DEFAULTING_TO_USER =
  'Defaulting to user installation because normal site-packages is not writeable';
export const USER_NOT_VISIBLE =
  "Can not perform a '--user' install. User site-packages are not visible in this virtualenv.";
export const USER_SITE_DISABLED =
  "Can not perform a '--user' install. User site-packages are disabled for this Python.";
export const USER_AND_PREFIX =
  "Can not combine '--user' and '--prefix' as they imply different installation locations";
export const USER_AND_TARGET = "Can not combine '--user' and '--target'";
export const NO_VIRTUALENV = 'Could not find an activated virtualenv (required).';
export const TARGET_NOT_A_DIRECTORY = 'Target path exists but is not a directory, will not continue.';

/** An error logged by pip: "ERROR: " from 19.1; before that only CommandError texts had it. */
export function errorLine(version: PipVersion, text: string, commandError = false): string {
  return atLeast(version, 19, 1) || commandError ? `ERROR: ${text}` : text;
}

export function warningLine(version: PipVersion, text: string): string {
  return atLeast(version, 19, 1) ? `WARNING: ${text}` : text;
}

/** create_os_error_message: the failure line, the hint for EACCES, then a blank line. */
export function osErrorLines(
  version: PipVersion,
  errno: 13 | 30,
  path: string,
  context: { inVirtualenv: boolean; userInstall: boolean; python2: boolean },
): string[] {
  const reason = errno === 13 ? 'Permission denied' : 'Read-only file system';
  // pip 9 let the error escape as a traceback; 10.0.0 swallowed it silently (pypa/pip#5237).
  if (!atLeast(version, 10)) return escapedErrorLines(version, errno, path, context.python2);
  if (!atLeast(version, 10, 0, 1)) return [];
  const word = atLeast(version, 21) ? 'OSError' : 'EnvironmentError';
  const lines = [
    errorLine(version, `Could not install packages due to an ${word}: [Errno ${errno}] ${reason}: '${path}'`),
  ];
  if (errno === 13) {
    const venvCounts = atLeast(version, 21, 1) && context.inVirtualenv;
    lines.push(
      context.userInstall || venvCounts
        ? 'Check the permissions.'
        : 'Consider using the `--user` option or check the permissions.',
    );
  }
  lines.push('');
  return lines;
}

/** The warning after a successful install as root outside a virtualenv (>= 21.1, POSIX). */
export function rootWarning(version: PipVersion): string | null {
  if (!atLeast(version, 21, 1)) return null;
  if (!atLeast(version, 21, 2)) {
    return warningLine(
      version,
      'Running pip as root will break packages and permissions. You should install packages reliably by using venv: https://pip.pypa.io/warnings/venv',
    );
  }
  const base =
    "Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager";
  return warningLine(
    version,
    atLeast(version, 24, 1)
      ? `${base}, possibly rendering your system unusable. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option if you know what you are doing and want to suppress this warning.`
      : `${base}. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv`,
  );
}

/** pip's exit status for a failed install: an escaped exception was 2 before pip 10. */
export function osErrorExitCode(version: PipVersion): number {
  return atLeast(version, 10) ? 1 : 2;
}

/**
 * An OSError pip does not catch (moving a --target install into place, or any install before
 * pip 10): "ERROR: Exception:", the traceback, and the exception's last line; pip exits 2.
 */
export function escapedErrorLines(
  version: PipVersion,
  errno: 13 | 30,
  path: string,
  python2: boolean,
): string[] {
  const reason = errno === 13 ? 'Permission denied' : 'Read-only file system';
  const name = python2 ? 'OSError' : errno === 13 ? 'PermissionError' : 'OSError';
  return [
    errorLine(version, 'Exception:'),
    'Traceback (most recent call last):',
    '  ...',
    `${name}: [Errno ${errno}] ${reason}: '${path}'`,
  ];
}

/** pip disables its cache when the cache folder is not the user's (typically `sudo` without -H). */
export function cacheNotOwnedLines(version: PipVersion, cacheDir: string, sep: string): string[] {
  if (atLeast(version, 20)) {
    return [
      warningLine(
        version,
        `The directory '${cacheDir}' or its parent directory is not owned or is not writable by the current user. The cache has been disabled. Check the permissions and owner of that directory. If executing pip with sudo, you should use sudo's -H flag.`,
      ),
    ];
  }
  // Before 20.0 the HTTP cache and the wheel cache each said so, in their own words.
  return [
    warningLine(
      version,
      `The directory '${cacheDir}${sep}http' or its parent directory is not owned by the current user and the cache has been disabled. Please check the permissions and owner of that directory. If executing pip with sudo, you may want sudo's -H flag.`,
    ),
    warningLine(
      version,
      `The directory '${cacheDir}' or its parent directory is not owned by the current user and caching wheels has been disabled. check the permissions and owner of that directory. If executing pip with sudo, you may want sudo's -H flag.`,
    ),
  ];
}
