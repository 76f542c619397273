// Version managers and tool homes: pyenv, pyenv-win, uv, pipx, asdf, mise, rye, Homebrew.
import { join } from '../../core/fast-path.js';
import { type Candidate, type Locator, pythonIn, pythonsUnder } from './locator.js';

export const pyenvLocator: Locator = {
  name: 'pyenv',
  platforms: ['linux', 'darwin'],
  async find(ctx, roots) {
    if (!roots.pyenv) return [];
    const versions = join(roots.pyenv, 'versions');
    const names = await ctx.fs.listDirs(versions);
    const linked = await Promise.all(names.map((name) => ctx.fs.isSymlink(join(versions, name))));
    const real = names.filter((_, i) => !linked[i]);
    const out: Candidate[] = [];
    for (const name of real) {
      const executable = await pythonIn(ctx, join(versions, name));
      if (executable) out.push({ executable });
    }
    // pyenv-virtualenv keeps its envs inside the version they were made from, and links versions/<env> to them.
    for (const name of real) out.push(...(await pythonsUnder(ctx, join(versions, name, 'envs'))));
    for (const name of names.filter((_, i) => linked[i])) {
      const executable = await pythonIn(ctx, join(versions, name));
      if (executable) out.push({ executable });
    }
    return out;
  },
};

export const pyenvWinLocator: Locator = {
  name: 'pyenv-win',
  platforms: ['win32'],
  async find(ctx, roots) {
    return roots.pyenvWin ? pythonsUnder(ctx, join(roots.pyenvWin, 'versions')) : [];
  },
};

export const uvLocator: Locator = {
  name: 'uv',
  async find(ctx, roots) {
    return [...(await pythonsUnder(ctx, roots.uvPython)), ...(await pythonsUnder(ctx, roots.uvTools))];
  },
};

export const pipxLocator: Locator = {
  name: 'pipx',
  async find(ctx, roots) {
    const all = await Promise.all(roots.pipx.map((home) => pythonsUnder(ctx, join(home, 'venvs'))));
    return all.flat();
  },
};

export const versionManagersLocator: Locator = {
  name: 'asdf-mise-rye',
  async find(ctx, roots) {
    const out: Candidate[] = [
      ...(await pythonsUnder(ctx, join(roots.asdf, 'installs', 'python'))),
      ...(await pythonsUnder(ctx, join(roots.mise, 'installs', 'python'))),
    ];
    const rye = join(roots.rye, 'py');
    for (const name of await ctx.fs.listDirs(rye)) {
      const executable =
        (await pythonIn(ctx, join(rye, name))) ?? (await pythonIn(ctx, join(rye, name, 'install')));
      if (executable) out.push({ executable });
    }
    return out;
  },
};

export const homebrewLocator: Locator = {
  name: 'homebrew',
  platforms: ['darwin', 'linux'],
  async find(ctx, roots) {
    const out: Candidate[] = [];
    for (const brew of roots.homebrew) {
      const bin = join(brew, 'bin');
      const python3 = join(bin, 'python3');
      if (await ctx.fs.isFile(python3)) out.push({ executable: python3 });
      // Each python@3.X keg: opt/python@3.X/bin/python3.X (the unversioned name is only linked for one).
      for (const keg of await ctx.fs.listDirs(join(brew, 'opt'))) {
        const match = /^python@(\d+\.\d+)$/.exec(keg);
        if (!match) continue;
        const executable = join(brew, 'opt', keg, 'bin', `python${match[1]}`);
        if (await ctx.fs.isFile(executable))
          out.push({ executable, hint: { kind: 'homebrew', manager: 'brew' } });
      }
    }
    return out;
  },
};
