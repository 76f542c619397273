// conda, mamba, micromamba and miniforge: install roots, their envs/ folders, envs_dirs from
// .condarc, and ~/.conda/environments.txt (where conda registers every env it creates).
import { join } from '../../core/fast-path.js';
import { type Candidate, type Locator, pythonIn } from './locator.js';

export const condaLocator: Locator = {
  name: 'conda',
  async find(ctx, roots) {
    const prefixes = new Set<string>();
    const envDirs = new Set<string>([join(ctx.home, '.conda', 'envs')]);
    for (const root of roots.conda) {
      if (!(await ctx.fs.isDir(join(root, 'conda-meta')))) {
        // micromamba's root prefix has envs/ without being an environment itself.
        if (await ctx.fs.isDir(join(root, 'envs'))) envDirs.add(join(root, 'envs'));
        continue;
      }
      prefixes.add(root);
      envDirs.add(join(root, 'envs'));
      for (const dir of envsDirsFromCondarc(await ctx.fs.readText(join(root, '.condarc'), 64 * 1024)))
        envDirs.add(dir);
    }
    for (const dir of envsDirsFromCondarc(await ctx.fs.readText(join(ctx.home, '.condarc'), 64 * 1024))) {
      envDirs.add(dir.replace(/^~(?=$|[\\/])/, ctx.home));
    }
    if (ctx.env.CONDA_PREFIX) prefixes.add(ctx.env.CONDA_PREFIX);
    const registered = await ctx.fs.readText(join(ctx.home, '.conda', 'environments.txt'), 256 * 1024);
    for (const line of (registered ?? '').split(/\r?\n/)) if (line.trim()) prefixes.add(line.trim());
    for (const dir of envDirs) for (const name of await ctx.fs.listDirs(dir)) prefixes.add(join(dir, name));
    const out: Candidate[] = [];
    const found = await Promise.all(
      [...prefixes].map(async (prefix) =>
        (await ctx.fs.isDir(join(prefix, 'conda-meta'))) ? pythonIn(ctx, prefix) : null,
      ),
    );
    for (const executable of found) if (executable) out.push({ executable });
    return out;
  },
};

/** The `envs_dirs:` list of a .condarc (YAML block list or flow list). */
export function envsDirsFromCondarc(text: string | null): string[] {
  if (!text) return [];
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => /^envs_dirs\s*:/.test(line));
  if (start < 0) return [];
  const inline = /^envs_dirs\s*:\s*\[(.*)\]/.exec(lines[start] as string);
  if (inline) return (inline[1] as string).split(',').map(unquote).filter(Boolean);
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const item = /^\s+-\s*(.+)$/.exec(line);
    if (!item) break;
    out.push(unquote(item[1] as string));
  }
  return out;
}

function unquote(value: string): string {
  return value.trim().replace(/^["']|["']$/g, '');
}
