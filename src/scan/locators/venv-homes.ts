// Virtual environments: the active one, the current folder's project venvs, and the folders
// where Poetry, Hatch, PDM, Pipenv and virtualenvwrapper keep theirs.
import { join } from '../../core/fast-path.js';
import { type Candidate, type Locator, pythonIn, pythonsUnder } from './locator.js';

export const activeLocator: Locator = {
  name: 'active',
  async find(ctx) {
    const out: Candidate[] = [];
    for (const prefix of [ctx.env.VIRTUAL_ENV, ctx.env.CONDA_PREFIX]) {
      const executable = prefix ? await pythonIn(ctx, prefix) : null;
      if (executable) out.push({ executable });
    }
    return out;
  },
};

/** Folder names tools use for a project's venv; any other direct child with a pyvenv.cfg counts too. */
const PROJECT_VENV_NAMES = ['.venv', 'venv', '.env', 'env', 'virtualenv', '.virtualenv'];

export const workspaceLocator: Locator = {
  name: 'workspace',
  async find(ctx) {
    const out: Candidate[] = [];
    const children = await ctx.fs.listDirs(ctx.cwd);
    const ordered = [
      ...PROJECT_VENV_NAMES.filter((name) => children.includes(name)),
      ...children.filter((name) => !PROJECT_VENV_NAMES.includes(name)),
    ];
    const found = await Promise.all(
      ordered.map(async (name) => {
        const dir = join(ctx.cwd, name);
        return (await ctx.fs.isFile(join(dir, 'pyvenv.cfg'))) || (await ctx.fs.isDir(join(dir, 'conda-meta')))
          ? pythonIn(ctx, dir)
          : null;
      }),
    );
    for (const executable of found) if (executable) out.push({ executable });
    // PDM records the interpreter a project uses in .pdm-python.
    const pdmPython = (await ctx.fs.readText(join(ctx.cwd, '.pdm-python'), 4096))?.trim();
    if (pdmPython && (await ctx.fs.isFile(pdmPython))) out.push({ executable: pdmPython });
    return out;
  },
};

export const venvHomesLocator: Locator = {
  name: 'venv-homes',
  async find(ctx, roots) {
    const out: Candidate[] = [];
    for (const home of [roots.poetryVenvs, roots.pdmVenvs, roots.pipenv, roots.workonHome]) {
      out.push(...(await pythonsUnder(ctx, home)));
    }
    // Hatch: env/virtual/<project>/<hash>/<env>.
    for (const project of await ctx.fs.listDirs(roots.hatchVirtual)) {
      for (const hash of await ctx.fs.listDirs(join(roots.hatchVirtual, project))) {
        out.push(...(await pythonsUnder(ctx, join(roots.hatchVirtual, project, hash))));
      }
    }
    return out;
  },
};
