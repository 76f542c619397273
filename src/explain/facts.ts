// Facts hidden in paths: which OS, which Python, which kind of installation.
import type { MessageFacts } from './types.js';

const WINDOWS_PATH = /^(?:[A-Za-z]:[\\/]|\\\\)/;

export function looksWindows(path: string): boolean {
  return WINDOWS_PATH.test(path);
}

/** pip prints paths in repr form on Windows ('c:\\users\\...'): back to one backslash. */
export function unrepr(path: string): string {
  return path.includes('\\\\') ? path.replaceAll('\\\\', '\\') : path;
}

/** Strips the quotes pip puts around a path, and a trailing colon or full stop. */
export function cleanPath(raw: string): string {
  let path = raw.trim();
  if (path.length >= 2 && /^['"‘’“]/.test(path) && /['"‘’”]$/.test(path)) path = path.slice(1, -1);
  return unrepr(path);
}

/** The Python version a path shows: lib/python3.11, Python311, python2.7, Versions/3.12. */
export function pythonVersionIn(path: string): string | null {
  const posix = /python(\d)\.(\d{1,2})t?(?![\d])/i.exec(path);
  if (posix) return `${posix[1]}.${posix[2]}`;
  const windows = /[\\/]Python(\d)(\d{1,2})(?:-32|-arm64)?[\\/]/i.exec(path);
  if (windows) return `${windows[1]}.${windows[2]}`;
  const macUser = /Python[\\/](\d)\.(\d{1,2})[\\/]/.exec(path);
  if (macUser) return `${macUser[1]}.${macUser[2]}`;
  const framework = /Versions[\\/](\d)\.(\d{1,2})[\\/]/.exec(path);
  if (framework) return `${framework[1]}.${framework[2]}`;
  const store = /PythonSoftwareFoundation\.Python\.(\d)\.(\d{1,2})_/.exec(path);
  if (store) return `${store[1]}.${store[2]}`;
  return null;
}

export type OsName = 'windows' | 'macos' | 'linux';

/** OS hints a path carries, as short labels, and the OS they point to. */
export function osHintsIn(path: string): { os: OsName | null; hints: string[] } {
  const hints: string[] = [];
  let os: OsName | null = null;
  const lower = path.toLowerCase();
  if (looksWindows(path) || lower.includes('\\appdata\\') || lower.includes('\\scripts')) os = 'windows';
  if (lower.includes('windowsapps') || lower.includes('pythonsoftwarefoundation.python'))
    hints.push('WindowsApps');
  if (lower.includes('\\appdata\\roaming\\python')) hints.push('AppData\\Roaming\\Python');
  if (lower.includes('program files')) hints.push('Program Files');
  if (
    lower.startsWith('/opt/homebrew') ||
    lower.includes('/cellar/') ||
    lower.startsWith('/usr/local/cellar')
  ) {
    hints.push('Homebrew');
    os = 'macos';
  }
  if (lower.includes('/library/python/') || lower.includes('/library/frameworks/python.framework')) {
    hints.push('Library/Python');
    os = 'macos';
  }
  if (lower.startsWith('/system/library/') || lower.startsWith('/applications/xcode')) {
    hints.push('Apple system Python');
    os = 'macos';
  }
  if (lower.startsWith('/users/')) os = os ?? 'macos';
  if (lower.includes('dist-packages')) {
    hints.push('dist-packages');
    os = os ?? 'linux';
  }
  if (lower.startsWith('/home/') || lower.startsWith('/usr/lib/python') || lower.startsWith('/usr/lib64/')) {
    os = os ?? 'linux';
  }
  if (
    lower.includes('/conda') ||
    lower.includes('miniconda') ||
    lower.includes('anaconda') ||
    lower.includes('miniforge')
  )
    hints.push('conda');
  if (lower.includes('/.pyenv/') || lower.includes('\\.pyenv\\')) hints.push('pyenv');
  return { os, hints };
}

/** Where a path sits, in pip's terms. */
export function placeOf(path: string): 'user-site' | 'venv' | 'system' | 'home' | 'unknown' {
  const lower = path.toLowerCase().replaceAll('\\', '/');
  if (
    lower.includes('/.local/') ||
    lower.includes('/appdata/roaming/python') ||
    lower.includes('/local-packages/') ||
    /\/library\/python\/\d/.test(lower)
  ) {
    return 'user-site';
  }
  if (
    /\/(?:\.?venv[\w.-]*|\.?env|virtualenvs?|\.virtualenvs|\.tox|\.nox|__pypackages__)\//.test(lower) ||
    lower.includes('/pypoetry/virtualenvs/')
  ) {
    return 'venv';
  }
  if (/^(?:\/usr\/|\/opt\/|\/library\/|\/system\/|[a-z]:\/program files|[a-z]:\/python)/.test(lower))
    return 'system';
  if (/^(?:\/home\/|\/users\/|\/root\/|[a-z]:\/users\/)/.test(lower)) return 'home';
  return 'unknown';
}

/** Path facts for a message: the path itself and what it shows. */
export function pathFacts(path: string | null, key = 'path'): MessageFacts {
  if (!path) return {};
  const { os, hints } = osHintsIn(path);
  const out: MessageFacts = { [key]: path, place: placeOf(path) };
  const version = pythonVersionIn(path);
  if (version) out.pythonVersion = version;
  if (os) out.os = os;
  if (hints.length > 0) out.osHints = hints;
  return out;
}
