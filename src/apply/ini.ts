// Edits one key of a pip configuration file (INI, read by configparser) and leaves every other
// byte as it was: comments, blank lines, line endings, the order of everything else.

interface Line {
  /** The line's text without its line ending. */
  text: string;
  /** '\n', '\r\n' or '' for a last line without one. */
  eol: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const pattern = /([^\r\n]*)(\r\n|\n|\r)?/g;
  let match: RegExpExecArray | null = pattern.exec(text);
  while (match !== null && match.index < text.length) {
    lines.push({ text: match[1] ?? '', eol: match[2] ?? '' });
    pattern.lastIndex = match.index + match[0].length;
    match = pattern.exec(text);
  }
  return lines;
}

function joinLines(lines: Line[]): string {
  return lines.map((l) => l.text + l.eol).join('');
}

/** How pip compares option names: lower case, `_` as `-`, without leading dashes. */
export function normalizeKey(key: string): string {
  return key.trim().toLowerCase().replaceAll('_', '-').replace(/^--/, '');
}

const SECTION = /^\s*\[(.+)\]\s*$/;
const KEY = /^(\s*)([^=:\s#;][^=:]*?)(\s*[=:]\s*)(.*)$/;

function isComment(text: string): boolean {
  const t = text.trim();
  return t.startsWith('#') || t.startsWith(';');
}

function indentOf(text: string): number {
  return /^\s*/.exec(text)?.[0].length ?? 0;
}

interface KeySpan {
  /** Index of the key's line. */
  start: number;
  /** One past its last continuation line. */
  end: number;
}

/** Where `key` is set in `[section]`, with the indented lines that continue its value. */
function findKey(lines: Line[], section: string, key: string): KeySpan | null {
  let current: string | null = null;
  const wanted = normalizeKey(key);
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i] as Line).text;
    const header = SECTION.exec(text);
    if (header) {
      current = (header[1] ?? '').trim();
      continue;
    }
    if (current !== section || isComment(text) || text.trim() === '') continue;
    const match = KEY.exec(text);
    if (!match || normalizeKey(match[2] ?? '') !== wanted) continue;
    const indent = indentOf(text);
    let end = i + 1;
    while (end < lines.length) {
      const next = (lines[end] as Line).text;
      if (next.trim() === '' || indentOf(next) <= indent) break;
      end++;
    }
    return { start: i, end };
  }
  return null;
}

/** Whether `[section]` sets `key` (in any spelling pip accepts). */
export function hasKey(text: string, section: string, key: string): boolean {
  return findKey(splitLines(text), section, key) !== null;
}

/**
 * Turns the key off by commenting out its line(s) (what the printed `sed` command does), so the
 * value stays visible to the user. Unchanged text when the key is not set.
 */
export function commentOutKey(text: string, section: string, key: string): string {
  const lines = splitLines(text);
  const span = findKey(lines, section, key);
  if (!span) return text;
  for (let i = span.start; i < span.end; i++) {
    const line = lines[i] as Line;
    lines[i] = { text: `# ${line.text}`, eol: line.eol };
  }
  return joinLines(lines);
}

/** Sets `key = value` in `[section]`: rewrites only the key's line, or adds it (and the section). */
export function setKey(text: string, section: string, key: string, value: string): string {
  const lines = splitLines(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const span = findKey(lines, section, key);
  if (span) {
    const line = lines[span.start] as Line;
    const match = KEY.exec(line.text) as RegExpExecArray;
    if (match[4] === value && span.end === span.start + 1) return text;
    // A value that continued on indented lines is replaced as a whole; the span's last line
    // ending is what separated it from the rest.
    const eolAfter = (lines[span.end - 1] as Line).eol;
    lines.splice(span.start, span.end - span.start, {
      text: `${match[1]}${match[2]}${match[3]}${value}`,
      eol: eolAfter,
    });
    return joinLines(lines);
  }
  const newLine: Line = { text: `${key} = ${value}`, eol };
  const headerAt = lines.findIndex((l) => (SECTION.exec(l.text)?.[1] ?? '').trim() === section);
  if (headerAt >= 0) {
    // After the section's last non-blank line, so blank lines before the next section stay put.
    let last = headerAt;
    for (let i = headerAt + 1; i < lines.length && !SECTION.test((lines[i] as Line).text); i++) {
      if ((lines[i] as Line).text.trim() !== '') last = i;
    }
    const before = lines[last] as Line;
    if (before.eol === '') before.eol = eol;
    lines.splice(last + 1, 0, newLine);
    return joinLines(lines);
  }
  const needsBreak = text.length > 0 && !/[\r\n]$/.test(text);
  return `${text}${needsBreak ? eol : ''}[${section}]${eol}${newLine.text}${eol}`;
}
