// A locator lists the interpreters one tool or one place holds. It only reads files.
import { join } from '../../core/fast-path.js';
import type { ScanContext } from '../context.js';
import type { CandidateHint } from '../identify.js';
import type { ToolRoots } from '../roots.js';

export interface Candidate {
  executable: string;
  hint?: CandidateHint;
}

export interface Locator {
  name: string;
  /** Platforms it applies to; it is reported as skipped elsewhere. */
  platforms?: string[];
  find(ctx: ScanContext, roots: ToolRoots): Promise<Candidate[]>;
}

/** The interpreter inside an environment or installation folder, if there is one. */
export async function pythonIn(ctx: ScanContext, prefix: string): Promise<string | null> {
  const names =
    ctx.platform === 'win32'
      ? [join(prefix, 'Scripts', 'python.exe'), join(prefix, 'python.exe')]
      : [join(prefix, 'bin', 'python3'), join(prefix, 'bin', 'python')];
  for (const path of names) if (await ctx.fs.isFile(path)) return path;
  // A venv whose base interpreter is gone: its link dangles, but it is still an environment to report.
  if (await ctx.fs.isFile(join(prefix, 'pyvenv.cfg'))) {
    for (const path of names) if (await ctx.fs.isSymlink(path)) return path;
  }
  return null;
}

/** Interpreters in each sub-folder of `parent` (one level), e.g. every pyenv version. */
export async function pythonsUnder(
  ctx: ScanContext,
  parent: string,
  hint?: CandidateHint,
): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const found = await Promise.all(
    (await ctx.fs.listDirs(parent)).map((name) => pythonIn(ctx, join(parent, name))),
  );
  for (const executable of found) if (executable) out.push(hint ? { executable, hint } : { executable });
  return out;
}

const POSIX_PYTHON = /^python(\d(\.\d+)?t?)?$/;
const WINDOWS_PYTHON = /^python(\d(\.\d+)?t?)?\.exe$/i;
/**
 * The names in a folder that name an interpreter (python, python3, python3.12, python3.13t, and
 * python*.exe on Windows), sorted. Worked out once per folder and scan: /usr/bin, with a thousand
 * names, is looked at by both the PATH and the distro locators.
 */
export function pythonNamesIn(ctx: ScanContext, dir: string): Promise<string[]> {
  return ctx.once('python-names', dir, () => {
    const pattern = ctx.platform === 'win32' ? WINDOWS_PYTHON : POSIX_PYTHON;
    return ctx.fs.list(dir).then((all) => all.filter((name) => pattern.test(name)));
  });
}
