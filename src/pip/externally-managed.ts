// PEP 668 (pip >= 23.0): the EXTERNALLY-MANAGED marker next to the standard library makes pip
// refuse to install outside a virtual environment. pip shows the distributor's text in the
// user's language (pip-behavior.md §4); this renders exactly the block pip prints.
import type { ProbeFacts } from '../probe/probe-facts.js';
import { IniError, parseIni } from './ini.js';
import { atLeast, type PipVersion } from './version.js';

export interface MarkerText {
  text: string;
  /** "Error-de" etc.: which key of the marker gave the text; null for pip's default text. */
  key: string | null;
  /** pip's warning when the marker cannot be parsed. */
  warning: string | null;
}

export function markerText(probe: ProbeFacts, windows: boolean): MarkerText {
  const { externallyManaged, prefixes } = probe;
  const fallback = (warning: string | null): MarkerText => ({
    text: [
      `The Python environment under ${prefixes.prefix} is managed externally, and may not be`,
      'manipulated by the user. Please use specific tooling from the distributor of',
      'the Python installation to interact with this environment instead.',
    ].join('\n'),
    key: null,
    warning,
  });
  const path = externallyManaged.path ?? 'EXTERNALLY-MANAGED';
  if (externallyManaged.content === null)
    return fallback(externallyManaged.error ? `Failed to read ${path}` : null);
  let sections: ReturnType<typeof parseIni>;
  try {
    sections = parseIni(externallyManaged.content, path);
  } catch (error) {
    if (error instanceof IniError) return fallback(`Failed to read ${path}`);
    throw error;
  }
  const section = sections.get('externally-managed');
  if (!section) return fallback(null);
  for (const key of errorKeys(windows ? null : probe.locale.messagesLanguage)) {
    const entry = section.get(key.toLowerCase());
    if (entry) return { text: entry.value, key, warning: null };
  }
  return fallback(null);
}

/** Error-<lang>, Error-<before "-">, Error-<before "_">, Error: pip's lookup order. */
export function errorKeys(lang: string | null): string[] {
  const keys: string[] = [];
  if (lang) {
    keys.push(`Error-${lang}`);
    for (const sep of ['-', '_']) {
      const at = lang.indexOf(sep);
      if (at !== -1) keys.push(`Error-${lang.slice(0, at)}`);
    }
  }
  keys.push('Error');
  return keys;
}

/** The block pip prints on stderr (no "ERROR:" prefix; never wrapped). */
export function externallyManagedLines(probe: ProbeFacts, version: PipVersion, windows: boolean): string[] {
  const { text, warning } = markerText(probe, windows);
  const lines: string[] = warning ? [`WARNING: ${warning}`] : [];
  const encoding = (probe.python.stdoutEncoding ?? 'utf-8').toLowerCase();
  const context = text.split('\n');
  lines.push('error: externally-managed-environment', '');
  if (encoding.startsWith('utf')) {
    lines.push('× This environment is externally managed');
    for (const [i, line] of context.entries()) lines.push(i === 0 ? `╰─> ${line}` : `    ${line}`);
  } else {
    // rich's ASCII-only layout when the console cannot encode the box characters.
    lines.push('This environment is externally managed', '', ...context);
  }
  lines.push('');
  lines.push(
    atLeast(version, 23, 0, 1)
      ? 'note: If you believe this is a mistake, please contact your Python installation or OS distribution provider. You can override this, at the risk of breaking your Python installation or OS, by passing --break-system-packages.'
      : 'note: If you believe this is a mistake, please contact your Python installation or OS distribution provider.',
  );
  lines.push('hint: See PEP 668 for the detailed specification.');
  return lines;
}
