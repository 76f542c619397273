// One raw line to the text pip printed: no colour codes, no CI timestamps or prefixes, no
// control characters. Every pattern here is linear: no nested or overlapping quantifiers.

// CSI (colours, cursor), OSC (titles, links) and two-byte escapes.
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]/g;
// Colour codes whose ESC was lost in a copy and paste: "[31mERROR: ...[0m".
const BARE_SGR = /\[(?:\d{1,3}(?:;\d{1,3}){0,4})?m/g;
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f]/g;
const HAS_CONTROL = /[\x00-\x08\x0b-\x1f\x7f]/;

// Prefixes CI systems and log collectors put before each line, tried in order, repeatedly.
const PREFIXES: RegExp[] = [
  // GitHub Actions / Azure: 2024-05-01T12:34:56.1234567Z
  /^\uFEFF?\[?\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?\]?(?: |\t|$)/,
  // 12:34:56 or [12:34:56.789]
  /^\[?\d\d:\d\d:\d\d(?:[.,]\d{1,9})?\]?(?: +|\t)/,
  // Docker BuildKit: "#8 12.34 " (step number, seconds)
  /^#\d{1,4} \d{1,6}\.\d{1,4} /,
  // docker build without a TTY (plain progress): "3.026 " (seconds since the step started)
  /^\d{1,5}\.\d{3}(?: |$)/,
  // GitHub Actions workflow commands and Azure log commands
  /^##\[(?:error|warning|notice|debug|group|endgroup|section|command)\]/,
  // GitLab collapsible sections
  /^section_(?:start|end):\d+:[\w.-]+(?:\[[^\]]*\])?/,
  // Stream tags from test runners and log shippers
  /^\[(?:stdout|stderr|out|err|info|error|warning)\] ?/i,
  /^(?:stdout|stderr|STDOUT|STDERR): /,
  // docker compose service prefix: "web-1  | "
  /^[A-Za-z0-9_.-]{1,40}[-_]\d{1,3} {1,20}\| ?/,
  // Markdown quotes from a pasted issue
  /^> ?/,
];

export function stripAnsi(text: string): string {
  if (!text.includes('\x1b') && !text.includes('[')) return text;
  return text.replace(ANSI, '').replace(BARE_SGR, '');
}

// Every prefix above starts with one of these, or holds a `|`: most lines skip the loop.
const PREFIX_START = /^[\d[#>\uFEFFsS]/;

export function stripPrefixes(text: string): string {
  if (!PREFIX_START.test(text) && !text.includes('|')) return text;
  let current = text;
  for (let round = 0; round < 4; round++) {
    let changed = false;
    for (const prefix of PREFIXES) {
      const match = prefix.exec(current);
      if (match && match[0].length > 0) {
        current = current.slice(match[0].length);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return current;
}

// Box-drawing characters pip's rich output uses, as they look after a UTF-8 -> cp1252 mix-up.
const MOJIBAKE: Array<[string, string]> = [
  ['â•°â”€>', '╰─>'],
  ['â•°', '╰'],
  ['â”€', '─'],
  ['â”‚', '│'],
  ['Ã—', '×'],
];

export function fixMojibake(text: string): string {
  if (!text.includes('â') && !text.includes('Ã')) return text;
  let current = text;
  for (const [bad, good] of MOJIBAKE) current = current.replaceAll(bad, good);
  return current;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  '#39': "'",
  '#x27': "'",
  '#34': '"',
};
const ENTITY = /&(amp|lt|gt|quot|apos|#39|#x27|#34);/g;

/** Output copied out of a web page can keep its HTML escapes: &#39;--user&#39;. */
export function unescapeHtml(text: string): string {
  return text.includes('&') ? text.replace(ENTITY, (_m, name: string) => ENTITIES[name] ?? '') : text;
}

/** The whole normalisation for one physical line. */
export function normalizeLine(raw: string): string {
  let text = raw;
  // ESC is a control character too: one test finds lines that need either cleaning.
  if (HAS_CONTROL.test(text)) {
    text = stripAnsi(text).replace(CONTROL, (c) => (c === '\t' ? '    ' : ''));
  } else if (text.includes('[')) {
    text = text.replace(BARE_SGR, '');
  }
  text = stripPrefixes(text);
  text = unescapeHtml(fixMojibake(text));
  return text.trimEnd();
}

// A whole pip output embedded in one line of JSON or a Python repr (Ansible's "stderr": "...\n...").
const ESCAPED_NEWLINE = /(?<!\\)\\n/g;
const RAW_DRIVE_PATH = /[A-Za-z]:\\[^\\]/;

/** Splits a line holding escaped newlines ("a\\nb") into its lines; otherwise returns it alone. */
export function expandEscapedNewlines(text: string): string[] {
  if (text.length < 8 || !text.includes('\\n')) return [text];
  const parts = text.split(ESCAPED_NEWLINE);
  if (parts.length < 3) return [text];
  // "C:\Users\nick\new" has escapes only by accident.
  if (RAW_DRIVE_PATH.test(text) && !/"(?:stderr|stdout|msg)"/.test(text)) return [text];
  return parts.map((part) => part.replace(/\\(["'\\])/g, '$1').replace(/\\t/g, '    '));
}
