// The scripts-not-on-PATH warning (pip >= 10) and its `~` note (pip >= 20).
import { cleanPath, pathFacts } from '../facts.js';
import type { Recogniser } from '../recogniser.js';

/** "a, b and c" -> [a, b, c] */
function splitNames(list: string): string[] {
  return list
    .split(/,\s*|\s+and\s+/)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

export const scriptNotOnPath: Recogniser = {
  kind: 'script-not-on-path',
  keys: ['which is not on path', 'not on path'],
  match(text) {
    const m = /The scripts? (.+?) (?:is|are) installed in ['"‘](.+?)['"’] which is not on PATH/i.exec(text);
    if (!m) return null;
    const directory = cleanPath(m[2] ?? '');
    return { scripts: splitNames(m[1] ?? ''), ...pathFacts(directory, 'directory') };
  },
  maxFollow: 3,
  follow(line) {
    const trimmed = line.trim();
    if (/^Consider adding (?:this directory|these directories) to PATH/i.test(trimmed)) return 'take';
    // A wrapped continuation of the advice line.
    if (/^(?:or, if you prefer|use --no-warn-script-location|suppress this warning)/i.test(trimmed))
      return 'take';
    return 'end';
  },
};

export const tildeInPath: Recogniser = {
  kind: 'path-contains-tilde',
  keys: ['starting with'],
  match(text) {
    return /The current PATH contains path\(s\) starting with [`'"]?~/i.test(text) ? {} : null;
  },
};

export const considerAddingToPath: Recogniser = {
  kind: 'script-not-on-path',
  keys: ['consider adding this directory to path', 'consider adding these directories'],
  match(text) {
    return /Consider adding (?:this directory|these directories) to PATH/i.test(text)
      ? { reason: 'only the advice line survived' }
      : null;
  },
};
