// PEP 668: the boxed "externally-managed-environment" error, with the distributor's own text in
// whatever language the marker file speaks.
import type { Recogniser } from '../recogniser.js';
import type { MessageFacts } from '../types.js';

const DEFAULT_TEXT = /The Python environment under (.+?) is managed externally/i;
// Lines that start something else: the box is over.
const OTHER_START =
  /^(?:ERROR:|WARNING:|Collecting |Processing |Requirement already|Successfully|Defaulting|Looking in|Obtaining |Downloading |\$ |# |\+ |PS [A-Z]:|[A-Za-z]:\\[^>]*>|\S+@\S+[:~]|Step \d|#\d+ |RUN |error: (?!externally))/;

/** Who ships this Python, from the words the distributor chose. */
function distributorOf(text: string): string | null {
  const lower = text.toLowerCase();
  if (lower.includes('apt install') || lower.includes('debian') || lower.includes('python3-full')) {
    return lower.includes('ubuntu') ? 'ubuntu' : 'debian';
  }
  if (lower.includes('brew install') || lower.includes('homebrew')) return 'homebrew';
  if (lower.includes('pacman') || lower.includes('arch linux')) return 'arch';
  if (lower.includes('dnf install') || lower.includes('fedora')) return 'fedora';
  if (lower.includes('apk add') || lower.includes('alpine')) return 'alpine';
  if (lower.includes('zypper')) return 'opensuse';
  if (lower.includes('emerge') || lower.includes('gentoo')) return 'gentoo';
  if (lower.includes('nix-shell') || lower.includes('nixos')) return 'nix';
  if (lower.includes('conda')) return 'conda';
  if (lower.includes('uv ')) return 'uv';
  return null;
}

function addText(facts: MessageFacts, line: string): void {
  const body = line.replace(/^\s*(?:╰─>|\\->|`->|\|->|->)?\s?/, '').trim();
  if (body === '' && facts.distributorText === undefined) return;
  const lines = (facts.distributorText as string[] | undefined) ?? [];
  if (lines.length < 40) lines.push(body);
  facts.distributorText = lines;
  const prefix = DEFAULT_TEXT.exec(line);
  if (prefix?.[1]) {
    facts.prefix = prefix[1];
    facts.defaultText = true;
  }
  // Debian's text names its Python: "See /usr/share/doc/python3.11/README.venv".
  const version = /python(3\.\d{1,2})\b/.exec(body)?.[1];
  if (version && facts.pythonVersion === undefined) facts.pythonVersion = version;
  const distributor = distributorOf(body);
  if (distributor && facts.distributor === undefined) facts.distributor = distributor;
}

export const externallyManaged: Recogniser = {
  kind: 'externally-managed',
  keys: ['externally-managed-environment', 'externally managed', 'managed externally', 'externally_managed'],
  match(text): MessageFacts | null {
    if (/externally[-_ ]managed[-_ ]environment/i.test(text)) return { header: true };
    if (/This environment is externally managed/i.test(text)) return { header: false };
    const m = DEFAULT_TEXT.exec(text);
    if (m) return { header: false, prefix: m[1] ?? null, defaultText: true };
    return null;
  },
  maxFollow: 60,
  follow(line, facts) {
    const trimmed = line.trim();
    if (/^note:/i.test(trimmed)) {
      facts.note = true;
      facts.pipAtLeast = /break-system-packages/.test(trimmed) ? '23.0.1' : '23.0';
      return 'take';
    }
    if (/^hint:/i.test(trimmed)) {
      facts.ended = true;
      return 'take';
    }
    if (facts.ended === true) return 'end';
    if (/break-system-packages/.test(trimmed)) {
      // A wrapped note line.
      facts.pipAtLeast = '23.0.1';
      return 'take';
    }
    if (facts.note === true) return trimmed === '' || /^[a-z]/i.test(trimmed) ? 'take' : 'end';
    if (
      /^[×xX✗] +This environment is externally managed/.test(trimmed) ||
      /^This environment is externally managed/i.test(trimmed)
    ) {
      facts.boxed = trimmed.startsWith('×');
      return 'take';
    }
    if (trimmed === '') {
      if (facts.distributorText !== undefined) (facts.distributorText as string[]).push('');
      return 'take';
    }
    if (OTHER_START.test(trimmed)) return 'end';
    addText(facts, line);
    return 'take';
  },
};

export const markerUnreadable: Recogniser = {
  kind: 'externally-managed-marker-unreadable',
  keys: ['failed to read'],
  match(text): MessageFacts | null {
    const m = /Failed to read (\S*EXTERNALLY-MANAGED)/.exec(text);
    return m ? { path: m[1] ?? null } : null;
  },
};

/** Tidies the collected distributor text: no trailing blank lines. */
export function finishExternallyManaged(facts: MessageFacts): void {
  const lines = facts.distributorText as string[] | undefined;
  if (lines) {
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    if (lines.length === 0) delete facts.distributorText;
  }
  delete facts.ended;
  delete facts.note;
}
