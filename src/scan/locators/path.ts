// Interpreters in the PATH folders. Shims and wrapper scripts are not interpreters: the pyenv,
// asdf and mise shims are followed by the locators for those tools, and by the PATH commands.
import { join } from '../../core/fast-path.js';
import type { ScanContext } from '../context.js';
import { isInside } from '../roots.js';
import { type Candidate, type Locator, pythonNamesIn } from './locator.js';

export const pathLocator: Locator = {
  name: 'path',
  async find(ctx, roots) {
    const win = ctx.platform === 'win32';
    const entries = (ctx.env.PATH ?? ctx.env.Path ?? '').split(win ? ';' : ':').filter(Boolean);
    // Launcher folders: the install manager's aliases and the Store's app execution aliases run
    // some other runtime (listed by their own locators), they are not interpreters themselves.
    // Version managers' shim folders hold only scripts (the shims), never an interpreter.
    const launchers = [
      roots.pythonManager ? join(roots.pythonManager, 'bin') : null,
      roots.windowsApps,
      roots.pyenv ? join(roots.pyenv, 'shims') : null,
      join(roots.asdf, 'shims'),
      join(roots.mise, 'shims'),
    ].filter((dir): dir is string => dir !== null);
    const out: Candidate[] = [];
    for (const dir of [...new Set(entries)]) {
      if (launchers.some((launcher) => isInside(dir, launcher, ctx.platform))) continue;
      // /bin and /usr/bin are often one folder (merged /usr): reading a thousand names twice
      // costs more than asking where a symlink leads.
      const real = (await ctx.fs.isSymlink(dir)) ? ((await ctx.fs.realpath(dir)) ?? dir) : dir;
      for (const name of await pythonNamesIn(ctx, real)) {
        const executable = join(dir, name);
        if (await isInterpreterBinary(ctx, executable)) out.push({ executable });
      }
    }
    return out;
  },
};

/** A real interpreter binary: not a `#!` script (shim, wrapper) and not a 0-byte Store alias. */
export async function isInterpreterBinary(ctx: ScanContext, path: string): Promise<boolean> {
  const head = await ctx.fs.head(path, 2);
  if (head === null || head.length === 0) return false;
  return head.toString('latin1') !== '#!';
}
