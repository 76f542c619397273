// INI files read the way Python's configparser reads them, because that is what pip uses for
// pip.conf / pip.ini and for the EXTERNALLY-MANAGED marker. Python 3 is strict (a duplicate
// section or key is an error) and keeps blank lines inside values; Python 2's ConfigParser is
// lenient, ends a value at a blank line and strips " ;" inline comments.

export interface IniEntry {
  /** Lower-cased, as configparser's optionxform leaves it. */
  key: string;
  value: string;
  /** 1-based line of the `key = value` line. */
  line: number;
}

/** Sections in file order; keys of the DEFAULT section are merged into every other section. */
export type IniSections = Map<string, Map<string, IniEntry>>;

export class IniError extends Error {
  override name = 'IniError';
}

const DEFAULT_SECTION = 'DEFAULT';

export function parseIni(text: string, source: string, options: { python2?: boolean } = {}): IniSections {
  const python2 = options.python2 ?? false;
  const sections: IniSections = new Map();
  const defaults = new Map<string, IniEntry>();
  const seenInThisFile = new Set<string>();
  const parsingErrors: string[] = [];
  let current: Map<string, IniEntry> | null = null;
  let currentName = '';
  let option: { entry: IniEntry; lines: string[] } | null = null;
  let indentLevel = 0;
  const keysAdded = new Map<string, Set<string>>();

  const finish = () => {
    if (!option) return;
    option.entry.value = python2 ? option.lines.join('\n') : option.lines.join('\n').trimEnd();
    option = null;
  };

  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    if (python2) {
      // Python 2: blank and comment lines are skipped and end a multi-line value.
      if (raw.trim() === '' || raw[0] === '#' || raw[0] === ';') return;
      if (/^[rR]/.test(raw) && raw.split(/\s+/)[0]?.toLowerCase() === 'rem') return;
      if (/^\s/.test(raw) && option) {
        const value = raw.trim();
        if (value) option.lines.push(value);
        return;
      }
    } else {
      const isComment = raw.trim().startsWith('#') || raw.trim().startsWith(';');
      const value = isComment ? '' : raw.trim();
      if (value === '') {
        if (!isComment && option) option.lines.push('');
        return;
      }
      const indent = raw.search(/\S/);
      if (option && indent > indentLevel) {
        option.lines.push(value);
        return;
      }
      indentLevel = indent;
    }
    const value = raw.trim();
    const header = /^\[(.+)\]/.exec(value);
    if (header) {
      finish();
      const name = (python2 ? /^\[([^\]]+)\]/.exec(value)?.[1] : lastBracketHeader(value)) ?? '';
      if (!python2 && seenInThisFile.has(name)) {
        throw new IniError(
          `While reading from '${source}' [line ${pad(lineNumber)}]: section '${name}' already exists`,
        );
      }
      seenInThisFile.add(name);
      currentName = name;
      if (name === DEFAULT_SECTION) current = defaults;
      else {
        current = sections.get(name) ?? new Map();
        sections.set(name, current);
      }
      return;
    }
    if (current === null) {
      throw new IniError(
        `File contains no section headers.\nfile: '${source}', line: ${lineNumber}\n${pyRepr(`${raw}\n`)}`,
      );
    }
    finish();
    const match = /^(.*?)\s*([=:])\s*(.*)$/.exec(value);
    const name = match?.[1]?.trimEnd().toLowerCase();
    if (!match || !name) {
      parsingErrors.push(`\t[line ${pad(lineNumber)}]: ${pyRepr(`${raw}\n`)}`);
      return;
    }
    let optionValue = (match[3] ?? '').trim();
    if (python2) {
      const semicolon = optionValue.indexOf(';');
      if (semicolon > 0 && /\s/.test(optionValue[semicolon - 1] ?? ''))
        optionValue = optionValue.slice(0, semicolon).trim();
    }
    const added = keysAdded.get(currentName) ?? new Set<string>();
    keysAdded.set(currentName, added);
    if (!python2 && added.has(name)) {
      throw new IniError(
        `While reading from '${source}' [line ${pad(lineNumber)}]: option '${name}' in section '${currentName}' already exists`,
      );
    }
    added.add(name);
    const entry: IniEntry = { key: name, value: optionValue, line: lineNumber };
    current.set(name, entry);
    option = { entry, lines: [optionValue] };
  });
  finish();
  if (parsingErrors.length > 0) {
    throw new IniError(`Source contains parsing errors: '${source}'\n${parsingErrors.join('\n')}`);
  }
  if (defaults.size > 0) {
    for (const section of sections.values()) {
      for (const [key, entry] of defaults) if (!section.has(key)) section.set(key, entry);
    }
  }
  return sections;
}

/** configparser's section pattern `\[(?P<header>.+)\]` is greedy: the header ends at the last "]". */
function lastBracketHeader(value: string): string {
  return value.slice(1, value.lastIndexOf(']'));
}

function pad(n: number): string {
  return String(n).padStart(2, ' ');
}

/** Python's repr() of a str, as configparser's error messages show the offending line. */
function pyRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const body = text
    .replaceAll('\\', '\\\\')
    .replaceAll('\n', '\\n')
    .replaceAll('\r', '\\r')
    .replaceAll('\t', '\\t')
    .replaceAll(quote, `\\${quote}`);
  return `${quote}${body}${quote}`;
}
