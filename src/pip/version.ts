// pip versions as comparable numbers. pip's behaviour changes at release boundaries
// (pip-behavior.md §0), so every rule asks "is this pip at least X.Y[.Z]?".

export type PipVersion = readonly [number, number, number];

/** "23.0.1" -> [23, 0, 1]; pre/dev/local suffixes are dropped ("24.1b1" -> [24, 1, 0]). */
export function parsePipVersion(text: string): PipVersion | null {
  const match = /^\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text);
  if (!match) return null;
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

export function atLeast(version: PipVersion, major: number, minor = 0, patch = 0): boolean {
  // Indexed, not destructured: destructuring allocates an iterator until V8 optimises the
  // caller, and a cold scan calls this for every option of every pip version it meets.
  const a = version[0];
  const b = version[1];
  const c = version[2];
  if (a !== major) return a > major;
  if (b !== minor) return b > minor;
  return c >= patch;
}
