// "Could not install packages due to an EnvironmentError/OSError", its hints, and the bare
// tracebacks older pips (9 and before) and setup.py printed for the same failures.
import { cleanPath, pathFacts } from '../facts.js';
import { compact, type Recogniser } from '../recogniser.js';
import type { MessageFacts } from '../types.js';

/**
 * The path after "Permission denied: ": up to its closing quote (a pasted title may go on with
 * "Check the permissions."), without a rename's " -> target". null while a wrapped line has cut it.
 */
function quotedPath(raw: string): string | null {
  const text = raw.trim();
  const quote = text[0];
  if (quote === "'" || quote === '"') {
    const end = text.indexOf(quote, 1);
    return end < 0 ? null : cleanPath(text.slice(0, end + 1));
  }
  return cleanPath(text.replace(/\s*->\s*.*$/, ''));
}

/** [Errno 13] Permission denied: '/x' -> the kind and facts. */
function classify(detail: string): { kind: string; facts: MessageFacts } {
  const errno = /\[(Errno|WinError) (\d+)\]\s*([^:]*?)(?::\s*(.+))?$/.exec(detail);
  if (!errno) return { kind: 'install-os-error', facts: compact({ detail: detail.trim() || null }) };
  const code = Number(errno[2]);
  const windows = errno[1] === 'WinError';
  const path = errno[4] ? quotedPath(errno[4]) : null;
  const facts: MessageFacts = compact({
    errno: code,
    ...(windows ? { winError: true } : {}),
    error: (errno[3] ?? '').trim() || null,
    ...pathFacts(path),
  });
  if (windows && facts.os === undefined) facts.os = 'windows';
  let kind = 'install-os-error';
  if ((!windows && code === 13) || (windows && code === 5)) kind = 'permission-denied';
  else if (!windows && code === 30) kind = 'read-only-filesystem';
  else if (!windows && code === 1) kind = 'operation-not-permitted';
  else if (!windows && code === 28) kind = 'disk-full';
  else if (windows && code === 32) kind = 'file-in-use';
  else if (windows && code === 206) kind = 'windows-long-path';
  return { kind, facts };
}

// The same words are matched by two recognisers: one per kind, so each keeps one job.
function couldNotInstall(wanted: string): Recogniser {
  return {
    kind: wanted,
    keys: ['could not install packages due to'],
    match(text) {
      const m =
        /Could not install packages due to an? (EnvironmentError|OSError)(?:\s*:\s*(.*)|\.|\s*$)/i.exec(text);
      if (!m) return null;
      const { kind, facts } = classify(m[2] ?? '');
      if (kind !== wanted && !(wanted === 'install-os-error' && !KNOWN.has(kind))) return null;
      if (m[2]) facts.detail = m[2].trim().slice(0, 1000);
      // Hints pasted onto the same line (an issue title, a collapsed log).
      if (/Consider using the [`'"]?--user[`'"]? option/i.test(text)) facts.hint = 'consider-user';
      else if (/Check the permissions/i.test(text)) facts.hint = 'check-permissions';
      facts.wording = m[1] === 'EnvironmentError' ? 'EnvironmentError' : 'OSError';
      facts.pipRange = m[1] === 'EnvironmentError' ? '10.0.1-20.3' : '>=21.0';
      if (m[2] === undefined) facts.verbose = true;
      return facts;
    },
    maxFollow: 6,
    follow(line, facts, taken) {
      const trimmed = line.trim();
      if (/^Consider using the [`'"]?--user[`'"]? option or check the permissions/i.test(trimmed)) {
        facts.hint = 'consider-user';
        resolveVerbose(facts);
        return 'take';
      }
      if (/^Check the permissions\.?$/i.test(trimmed)) {
        facts.hint = 'check-permissions';
        resolveVerbose(facts);
        return 'take';
      }
      if (
        /^HINT: This error might have occurred since this system does not have Windows Long Path/i.test(
          trimmed,
        )
      ) {
        facts.longPathHint = true;
        facts[RETYPE] = 'windows-long-path';
        facts.os = 'windows';
        return 'take';
      }
      // The error line was wrapped: its path (or more) is on this line.
      if (
        taken === 0 &&
        typeof facts.detail === 'string' &&
        facts.path === undefined &&
        trimmed !== '' &&
        !/^(?:ERROR|WARNING|HINT|Traceback|Collecting|Processing|Requirement|Installing|Successfully|Looking|Downloading|Using|Building|Obtaining|\$|#|\+)/.test(
          trimmed,
        )
      ) {
        // Cut inside a quoted path: no space at the cut. Cut between words: one space.
        const quotes = (facts.detail.match(/'/g) ?? []).length;
        const joined = `${facts.detail}${quotes % 2 === 1 ? '' : ' '}${trimmed}`;
        const { kind, facts: more } = classify(joined);
        Object.assign(facts, more, { detail: joined.slice(0, 1000) });
        facts[RETYPE] = kind;
        return 'take';
      }
      if (/^HINT: .*255 characters/i.test(trimmed)) {
        facts.nameTooLongHint = true;
        return 'take';
      }
      if (/^Consider checking your local proxy configuration/i.test(trimmed)) {
        facts.proxyHint = true;
        return 'take';
      }
      return 'end';
    },
  };
}

/** With -v the first line has no error text; only EACCES gets these hints, so the kind is known. */
function resolveVerbose(facts: MessageFacts): void {
  if (facts.verbose === true && facts.errno === undefined) {
    facts.errno = 13;
    facts[RETYPE] = 'permission-denied';
  }
}

/** A fact key the scanner reads on closing a message: the message turned out to be another kind. */
export const RETYPE = '_kind';

const KNOWN = new Set([
  'permission-denied',
  'read-only-filesystem',
  'operation-not-permitted',
  'disk-full',
  'file-in-use',
  'windows-long-path',
]);

export const osErrorRecognisers: Recogniser[] = [...KNOWN, 'install-os-error'].map(couldNotInstall);

// pip 9 and tracebacks: "PermissionError: [Errno 13] Permission denied: '/usr/...'"
function bareError(wanted: string): Recogniser {
  return {
    kind: wanted,
    keys: ['[errno', '[winerror'],
    match(text) {
      const m =
        /(?:^|\s|:)(?:[\w.]*(?:PermissionError|OSError|IOError|EnvironmentError|WindowsError|Error)|error):?\s*(\[(?:Errno|WinError) \d+\].*)$/.exec(
          text,
        );
      if (!m || /Could not install packages/i.test(text)) return null;
      const { kind, facts } = classify(m[1] ?? '');
      if (kind !== wanted) return null;
      facts.source = 'traceback';
      return facts;
    },
  };
}

export const bareErrorRecognisers: Recogniser[] = [...KNOWN].map(bareError);

// distutils/setuptools: "error: could not create '/usr/local/lib/python3.8/dist-packages/x': Permission denied"
export const couldNotCreate: Recogniser = {
  kind: 'permission-denied',
  keys: ['permission denied'],
  match(text) {
    const m = /could not (?:create|copy|write|open|remove) ['"]?(.+?)['"]?: Permission denied/i.exec(text);
    return m ? { ...pathFacts(cleanPath(m[1] ?? '')), source: 'setup.py' } : null;
  },
};

/** The hint line alone (its first line was cut off or wrapped away). */
export const considerUserHint: Recogniser = {
  kind: 'consider-user-hint',
  keys: ['consider using the'],
  match(text) {
    return /Consider using the [`'"]?--user[`'"]? option or check the permissions/i.test(text) ? {} : null;
  },
};

export const windowsLongPathHint: Recogniser = {
  kind: 'windows-long-path',
  keys: ['long path support'],
  match(text) {
    return /does not have Windows Long Path support enabled/i.test(text) ? { os: 'windows' } : null;
  },
};
