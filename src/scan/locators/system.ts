// Pythons that come with the OS or an installer: distro and /usr/local Pythons, python.org and
// Apple's on macOS, and on Windows the PEP 514 registry, the install manager and the Store.
import { join } from '../../core/fast-path.js';
import { type Candidate, type Locator, pythonIn, pythonNamesIn } from './locator.js';

export const linuxGlobalLocator: Locator = {
  name: 'linux-global',
  platforms: ['linux'],
  async find(ctx) {
    const out: Candidate[] = [];
    for (const dir of ['/usr/bin', '/usr/local/bin'].map(ctx.sys)) {
      for (const name of await pythonNamesIn(ctx, dir)) {
        if (name !== 'python') out.push({ executable: join(dir, name) });
      }
      // `python` alone is last: it is often python2, or a link to one of the above.
      if (await ctx.fs.isFile(join(dir, 'python'))) out.push({ executable: join(dir, 'python') });
    }
    return out;
  },
};

export const macosLocator: Locator = {
  name: 'macos',
  platforms: ['darwin'],
  async find(ctx) {
    const out: Candidate[] = [];
    const framework = ctx.sys('/Library/Frameworks/Python.framework/Versions');
    for (const version of await ctx.fs.listDirs(framework)) {
      if (version === 'Current') continue;
      const executable = join(framework, version, 'bin', `python${version}`);
      if (await ctx.fs.isFile(executable)) out.push({ executable, hint: { kind: 'python.org' } });
    }
    // Apple's /usr/bin/python3 is a stub: listed, but never run (without Command Line Tools it opens an installer).
    const stub = ctx.sys('/usr/bin/python3');
    if (await ctx.fs.isFile(stub)) out.push({ executable: stub, hint: { kind: 'macos-clt' } });
    return out;
  },
};

export const windowsRegistryLocator: Locator = {
  name: 'windows-registry',
  platforms: ['win32'],
  async find(ctx) {
    const out: Candidate[] = [];
    for (const entry of await ctx.readRegistry()) {
      const executable =
        entry.executablePath ?? (entry.installPath ? join(entry.installPath, 'python.exe') : null);
      if (!executable || !(await ctx.fs.isFile(executable))) continue;
      const company = entry.company.toLowerCase();
      const hint =
        company === 'pythoncore'
          ? { kind: 'python.org' as const, ...(entry.version ? { version: entry.version } : {}) }
          : company.includes('continuum') || company.includes('conda')
            ? { manager: 'conda' }
            : company === 'pythonembed' || company === 'pymanager'
              ? { kind: 'python-manager' as const }
              : { kind: 'windows-registry' as const, manager: entry.company };
      out.push({ executable, hint });
    }
    return out;
  },
};

export const windowsInstallsLocator: Locator = {
  name: 'windows-installs',
  platforms: ['win32'],
  async find(ctx, roots) {
    const out: Candidate[] = [];
    // The Python install manager (`py install`) keeps each runtime in %LOCALAPPDATA%\Python\<id>.
    if (roots.pythonManager) {
      for (const name of await ctx.fs.listDirs(roots.pythonManager)) {
        if (name === 'bin') continue;
        const executable = await pythonIn(ctx, join(roots.pythonManager, name));
        if (executable) out.push({ executable, hint: { kind: 'python-manager' } });
      }
    }
    for (const dir of roots.windowsPythonOrg) {
      for (const name of await ctx.fs.listDirs(dir)) {
        if (!/^Python\d+(-32|-arm64)?$/i.test(name)) continue;
        const executable = join(dir, name, 'python.exe');
        if (await ctx.fs.isFile(executable)) out.push({ executable, hint: { kind: 'python.org' } });
      }
    }
    return out;
  },
};

export const windowsStoreLocator: Locator = {
  name: 'windows-store',
  platforms: ['win32'],
  async find(ctx, roots) {
    if (!roots.windowsApps) return [];
    const out: Candidate[] = [];
    for (const name of await ctx.fs.listDirs(roots.windowsApps)) {
      const match = /^PythonSoftwareFoundation\.Python\.(\d+\.\d+)_/.exec(name);
      if (!match) continue;
      const executable = join(roots.windowsApps, name, 'python.exe');
      // App execution aliases are 0-byte reparse points: stat them, never open or run them.
      if (await ctx.fs.stat(executable)) {
        out.push({ executable, hint: { kind: 'microsoft-store', version: match[1] as string } });
      }
    }
    return out;
  },
};
