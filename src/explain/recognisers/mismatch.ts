// When `pip` and `python` are not the pair the user thinks: no pip module, no pip command, a pip
// script whose interpreter is gone, a stale pip wrapper.
import { cleanPath, looksWindows, pathFacts } from '../facts.js';
import { compact, type Recogniser } from '../recogniser.js';
import type { MessageFacts } from '../types.js';

const TOOL = String.raw`((?:pip|pip3|python|python3|py)(?:[23](?:\.\d{1,2})?)?(?:\.exe)?)`;

function toolKind(tool: string): string {
  return tool.toLowerCase().startsWith('pip') ? 'pip-command-not-found' : 'python-command-not-found';
}

const NOT_FOUND: Array<[RegExp, string]> = [
  // bash, dash, ash, sh: "bash: pip: command not found", "sh: 1: pip: not found", "bash: line 1: pip: command not found"
  [new RegExp(String.raw`(?:^|[\s:])${TOOL}: (?:command )?not found\b`, 'i'), 'sh'],
  // zsh: "zsh: command not found: pip"
  [new RegExp(String.raw`command not found: ${TOOL}\b`, 'i'), 'zsh'],
  // fish: "fish: Unknown command: pip" / "fish: Unknown command 'pip'"
  [new RegExp(String.raw`Unknown command:? ['‘]?${TOOL}\b`, 'i'), 'fish'],
  // cmd.exe
  [new RegExp(`['‘"]${TOOL}['’"] is not recognized as an internal or external command`, 'i'), 'cmd'],
  // PowerShell
  [
    new RegExp(
      `The term ['‘"]${TOOL}['’"] is not recognized as (?:the name of a cmdlet|a name of a cmdlet)`,
      'i',
    ),
    'powershell',
  ],
];

function commandNotFound(kind: string): Recogniser {
  return {
    kind,
    keys: ['not found', 'unknown command', 'is not recognized'],
    match(text): MessageFacts | null {
      for (const [pattern, shell] of NOT_FOUND) {
        const m = pattern.exec(text);
        if (m?.[1] && toolKind(m[1]) === kind) {
          return {
            command: m[1],
            shell,
            ...(shell === 'cmd' || shell === 'powershell' ? { os: 'windows' } : {}),
            // sudo's secure_path does not include ~/.local/bin or a venv.
            ...(/^sudo: /.test(text.trim()) ? { viaSudo: true } : {}),
          };
        }
      }
      return null;
    },
  };
}

export const pipCommandNotFound = commandNotFound('pip-command-not-found');
export const pythonCommandNotFound = commandNotFound('python-command-not-found');

export const pythonStoreAlias: Recogniser = {
  kind: 'python-command-not-found',
  keys: ['microsoft store'],
  match(text): MessageFacts | null {
    return /Python was not found; run without arguments to install from the Microsoft Store/i.test(text)
      ? { command: 'python', os: 'windows', osHints: ['WindowsApps'], storeAlias: true }
      : null;
  },
};

export const noModuleNamedPip: Recogniser = {
  kind: 'pip-missing',
  keys: ['no module named'],
  match(text): MessageFacts | null {
    const m = /(?:^|\s)(?:(\S+?): )?(?:\w*Error: )?No module named ['"]?pip(?:['"]|\b)(?![._\w])/i.exec(text);
    if (!m) return null;
    const interpreter = m[1] && /python|\.exe$|\/bin\//i.test(m[1]) ? cleanPath(m[1]) : null;
    return compact({ ...pathFacts(interpreter, 'interpreter'), traceback: /Error:/.test(text) || null });
  },
};

export const pipBroken: Recogniser = {
  kind: 'pip-broken',
  keys: ['no module named', 'cannot be directly executed'],
  match(text): MessageFacts | null {
    const m = /No module named ['"]?(pip[._](?:_internal|__main__|_vendor)[\w.]*)/i.exec(text);
    if (m) return { module: m[1] ?? null };
    if (/No module named pip\.__main__|'pip' is a package and cannot be directly executed/i.test(text))
      return { module: 'pip.__main__' };
    return null;
  },
};

export const ensurepipMissing: Recogniser = {
  kind: 'ensurepip-missing',
  keys: ['ensurepip'],
  match(text): MessageFacts | null {
    if (/No module named ['"]?ensurepip/i.test(text)) return { reason: 'no ensurepip module' };
    if (/ensurepip is disabled in Debian\/Ubuntu/i.test(text))
      return { reason: 'disabled by the distro', distributor: 'debian' };
    if (/ensurepip is not\s+available/i.test(text)) return { reason: 'venv could not bootstrap pip' };
    if (/'ensurepip', '--upgrade', '--default-pip'\]' returned non-zero exit status/.test(text)) {
      return { reason: 'venv could not bootstrap pip' };
    }
    return null;
  },
};

export const pipWrapperOutdated: Recogniser = {
  kind: 'pip-wrapper-outdated',
  keys: ['cannot import name'],
  match(text): MessageFacts | null {
    return /ImportError: cannot import name ['"]?main['"]?(?: from ['"]?pip)?/i.test(text) ? {} : null;
  },
};

export const oldScriptWrapper: Recogniser = {
  kind: 'pip-wrapper-outdated',
  keys: ['old script wrapper'],
  match(text): MessageFacts | null {
    return /pip is being invoked by an old script wrapper/i.test(text)
      ? { pipAtLeast: '19.3', severity: 'warning' }
      : null;
  },
};

/** "-bash: /usr/local/bin/pip: /usr/bin/python: bad interpreter: No such file or directory" and zsh's order. */
function parseBadInterpreter(text: string): MessageFacts | null {
  const at = text.indexOf('bad interpreter');
  if (at < 0) return null;
  const before = text
    .slice(0, at)
    .split(': ')
    .map((part) => part.trim().replace(/^"/, ''));
  const after = text
    .slice(at + 'bad interpreter'.length)
    .replace(/^:\s*/, '')
    .split(': ')
    .map((part) => part.trim());
  const pathish = (part: string) => part.startsWith('/') || part.startsWith('.') || part.startsWith('~');
  const paths = before.filter(pathish);
  let script = paths[0] ?? null;
  let interpreter = paths[1] ?? null;
  if (!interpreter) {
    // zsh: "zsh: /x/pip: bad interpreter: /usr/bin/python3.9: no such file or directory"
    interpreter = after.find(pathish) ?? null;
  }
  if (script?.startsWith('-')) script = null;
  const reason = after.find((part) => !pathish(part)) ?? null;
  // A shebang cut at a space in the folder name (pip #923), or ending in a CR (a CRLF script).
  const spaceInPath =
    script !== null && interpreter !== null && script.includes(' ') && script.startsWith(interpreter);
  const crlf = interpreter !== null && /\^M$|\r$/.test(interpreter);
  return compact({
    ...pathFacts(script, 'script'),
    ...(interpreter ? { interpreter } : {}),
    reason,
    ...(spaceInPath ? { spaceInPath: true } : {}),
    ...(crlf ? { crlf: true } : {}),
  });
}

export const badInterpreter: Recogniser = {
  kind: 'bad-interpreter',
  keys: ['bad interpreter'],
  match: parseBadInterpreter,
};

// bash >= 5.2: "bash: line 1: /x/bin/pip: cannot execute: required file not found";
// dash: "sh: 1: /x/bin/pip: not found" (the script exists; its #! interpreter does not).
export const missingScriptInterpreter: Recogniser = {
  kind: 'bad-interpreter',
  keys: ['required file not found', 'not found'],
  match(text): MessageFacts | null {
    const m =
      /(?:^|\s)((?:\/|\.\/|~\/)\S*\/(?:pip|pip3|pip3\.\d{1,2}|pip2(?:\.\d)?))(?::| :) (?:cannot execute: )?(required file not found|not found)\b/.exec(
        text,
      );
    if (!m) return null;
    return compact({ ...pathFacts(m[1] ?? null, 'script'), reason: m[2] ?? null });
  },
};

export const envInterpreterMissing: Recogniser = {
  kind: 'bad-interpreter',
  keys: ['/usr/bin/env'],
  match(text): MessageFacts | null {
    const m = /\/usr\/bin\/env: ['‘"]?(python[\d.]*)['’"]?: No such file or directory/i.exec(text);
    return m ? { interpreter: m[1] ?? null, via: '/usr/bin/env' } : null;
  },
};

// "/bin/sh: /x/venv/bin/python: No such file or directory": a tool calling a venv's python that is gone.
export const venvPythonMissing: Recogniser = {
  kind: 'bad-interpreter',
  keys: ['no such file or directory'],
  match(text): MessageFacts | null {
    const m = /(?:^|\s)(\/\S*\/bin\/python[\d.]*): No such file or directory/.exec(text);
    return m?.[1] ? { interpreter: m[1], via: 'a script or tool' } : null;
  },
};

// Windows: the pip.exe launcher cannot start the Python it was built for.
export const launcherError: Recogniser = {
  kind: 'bad-interpreter',
  keys: ['fatal error in launcher', 'no python at'],
  match(text): MessageFacts | null {
    const launcher =
      /Fatal error in launcher: Unable to create process using ['"]+([^"']+?)['"]+\s+['"]+([^"']+?)['"]/i.exec(
        text,
      );
    if (launcher) {
      return compact({
        interpreter: cleanPath(launcher[1] ?? ''),
        ...pathFacts(cleanPath(launcher[2] ?? ''), 'script'),
        os: 'windows',
        via: 'launcher',
      });
    }
    if (/Fatal error in launcher/i.test(text)) return { os: 'windows', via: 'launcher' };
    const venv = /No Python at ['"]+([^'"]+?)['"]+/i.exec(text);
    if (venv?.[1] && looksWindows(venv[1]))
      return { interpreter: cleanPath(venv[1]), os: 'windows', via: 'venv launcher' };
    return null;
  },
};
