// pip-doctor's own cache folder, per platform convention (XDG on Linux, ~/Library/Caches on macOS,
// %LOCALAPPDATA% on Windows). The scan cache and the compiled-code cache live under it.
import { join } from 'node:path';

export function userCacheFolder(env: NodeJS.ProcessEnv, platform: string, home: string): string {
  if (platform === 'win32')
    return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'pip-doctor', 'Cache');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'pip-doctor');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'pip-doctor');
}
