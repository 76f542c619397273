// Facts the log holds outside pip's messages: command lines, versions, paths, who ran pip.
import { cleanPath, osHintsIn, placeOf, pythonVersionIn } from './facts.js';
import type { ExplainMessage, LogContext } from './types.js';

const LIMIT = 20;
// Options of `pip install` that take a value (the value is not a package).
const VALUED = new Set([
  '-r',
  '--requirement',
  '-c',
  '--constraint',
  '-t',
  '--target',
  '--prefix',
  '--root',
  '-i',
  '--index-url',
  '--extra-index-url',
  '-f',
  '--find-links',
  '--python',
  '--platform',
  '--python-version',
  '--implementation',
  '--abi',
  '--src',
  '--upgrade-strategy',
  '--root-user-action',
  '--report',
  '--progress-bar',
  '--log',
  '--proxy',
  '--retries',
  '--timeout',
  '--cache-dir',
  '--trusted-host',
  '--cert',
  '--client-cert',
  '-e',
  '--editable',
  '--config-settings',
  '-C',
  '--global-option',
  '--install-option',
]);
const PIP_CALL = /(?:^|[\s/\\"'`$#>%+(])(pip[\d.]*(?:\.exe)?|-m\s+pip)\s+install(?=\s|$)(.*)$/;
const PROSE =
  /\b(?:run:|update|try|use|using|please|consider|with|then|should|would|could|may|notice|process|failed)\b|["']/i;
// A requirement as typed: name, extras, version specifiers; not paths, not shell syntax.
const REQUIREMENT =
  /^[A-Za-z0-9][A-Za-z0-9._-]*(?:\[[\w,.-]+\])?(?:[<>=!~]=?[\w.*+!-]+(?:,[<>=!~]=?[\w.*+!-]+)*)?$/;
const RUN_START =
  /^(?:Collecting |Processing |Obtaining |Looking in |Defaulting |Requirement already satisfied)/;

export interface PipCommand {
  text: string;
  packages: string[];
  flags: string[];
  sudo: boolean;
  /** Whether the prompt before it is root's (`#`, root@host). */
  rootPrompt: boolean;
}

/** A `pip install ...` command line in the log (a prompt, a CI trace, a Dockerfile RUN), or null. */
export function parsePipCommand(text: string): PipCommand | null {
  if (!text.includes('install') || !text.includes('pip')) return null;
  const m = PIP_CALL.exec(text);
  if (!m) return null;
  const before = text.slice(0, m.index);
  if (before.length > 200 || PROSE.test(before) || /\[notice\]/i.test(text)) return null;
  const args = (m[2] ?? '').split(/\s+/).filter((a) => a.length > 0);
  const packages: string[] = [];
  const flags: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (/^(?:&&|\|\||\||2>&1|>|>>)$/.test(arg) || /[;&|]/.test(arg)) break;
    if (arg.startsWith('-')) {
      const name = arg.split('=')[0] as string;
      flags.push(name);
      if (VALUED.has(name) && !arg.includes('=')) i++;
      continue;
    }
    const requirement = arg.replace(/^['"]|['"]$/g, '');
    if (packages.length < LIMIT && REQUIREMENT.test(requirement)) packages.push(requirement);
  }
  return {
    text: text.trim(),
    packages,
    flags,
    sudo: /(?:^|\s)sudo\s/.test(before),
    rootPrompt: /root@|(?:^|[\s:~\w\]/])#\s*$/.test(before),
  };
}

function pushUnique(list: string[], value: string): void {
  // A copy: a slice would keep the whole decoded chunk it came from alive.
  if (!list.includes(value) && list.length < LIMIT) list.push(Buffer.from(value, 'utf8').toString('utf8'));
}

export class ContextCollector {
  readonly context: LogContext = {
    pipVersions: [],
    pythonVersions: [],
    paths: [],
    os: null,
    osHints: [],
    packages: [],
    commands: [],
    runCommands: [],
    root: false,
    sudo: false,
    user: null,
    venv: null,
  };
  private collected: string[] = [];
  run = 1;
  private runHasContent = false;
  private runEnded = false;

  /** Looks at one normalised line; `quoted` lines belong to a message (a distributor's advice). */
  observe(text: string, quoted = false): number {
    const trimmed = text.trim();
    if (trimmed === '') return this.run;
    const command = quoted ? null : parsePipCommand(trimmed);
    if (command) {
      if (this.runHasContent) this.newRun();
      this.runHasContent = true;
      pushUnique(this.context.commands, command.text.slice(0, 500));
      if (this.context.runCommands.length < LIMIT) {
        this.context.runCommands.push({
          run: this.run,
          command: Buffer.from(command.text.slice(0, 500)).toString(),
        });
      }
      for (const pkg of command.packages) pushUnique(this.context.packages, pkg);
      if (command.sudo) this.context.sudo = true;
      if (command.sudo || command.rootPrompt) this.context.root = true;
      const prompt = /^([a-z_][\w.-]{0,31})@[\w.-]+[:~]/.exec(command.text);
      if (prompt?.[1] && this.context.user === null) this.context.user = Buffer.from(prompt[1]).toString();
      return this.run;
    }
    if (this.runEnded && RUN_START.test(trimmed)) this.newRun();
    this.runHasContent = true;
    if (trimmed.startsWith('Successfully installed') || trimmed.startsWith('Would install'))
      this.runEnded = true;
    if (trimmed.startsWith('Collecting ') && !text.startsWith(' ')) {
      const name = /^Collecting ([A-Za-z0-9][\w.-]*)/.exec(trimmed)?.[1];
      if (name && this.context.commands.length === 0) pushUnique(this.collected, name);
    }
    if (trimmed.startsWith('Processing ') && trimmed.endsWith('.whl')) {
      const wheel = /([A-Za-z0-9][\w.]*)-[\w.!+]+-[\w.]+-[\w.]+-[\w.]+\.whl$/.exec(trimmed)?.[1];
      if (wheel && this.context.commands.length === 0) pushUnique(this.collected, wheel.replaceAll('_', '-'));
    }
    if (trimmed.includes('pip version') || trimmed.includes('release of pip')) {
      const m = /You are using pip version ([\d.]+)|A new release of pip (?:is )?available: ([\d.]+)/.exec(
        trimmed,
      );
      const version = m?.[1] ?? m?.[2];
      if (version) pushUnique(this.context.pipVersions, version.replace(/\.$/, ''));
    }
    if (trimmed.startsWith('DEPRECATION: Python 2.7')) pushUnique(this.context.pythonVersions, '2.7');
    if (trimmed.startsWith('Requirement already satisfied:')) {
      const m = / in (\S.*?)(?: \(|$)/.exec(trimmed);
      if (m?.[1]) this.addPath(cleanPath(m[1]));
    }
    if (trimmed.startsWith('root@') && /^root@[\w.-]+:/.test(trimmed)) this.context.root = true;
    if (trimmed.startsWith('Python ') && /^Python \d+\.\d+(?:\.\d+)?\s*$/.test(trimmed))
      pushUnique(this.context.pythonVersions, trimmed.slice(7).trim().split('.').slice(0, 2).join('.'));
    if (text.startsWith('(') && this.context.venv === null && /^\((?:\.?venv|env|[\w.-]+)\)\s/.test(text))
      this.context.venv = /^\(([^)]+)\)/.exec(text)?.[1] ?? null;
    return this.run;
  }

  /** An error ends a run: what comes next is another pip invocation. */
  endRun(): void {
    this.runEnded = true;
  }

  private newRun(): void {
    this.run++;
    this.runEnded = false;
    this.runHasContent = false;
  }

  private readonly seenPaths = new Set<string>();

  addPath(path: string): void {
    if (!path || path.length > 1000 || this.seenPaths.has(path)) return;
    if (this.seenPaths.size < 1000) this.seenPaths.add(Buffer.from(path, 'utf8').toString('utf8'));
    pushUnique(this.context.paths, path);
    const { os, hints } = osHintsIn(path);
    if (os && this.context.os === null) this.context.os = os;
    for (const hint of hints) pushUnique(this.context.osHints, hint);
    const version = pythonVersionIn(path);
    if (version) pushUnique(this.context.pythonVersions, version);
    if (path.startsWith('/root/')) this.context.root = true;
    if (this.context.user === null) {
      const home = /^(?:\/home\/|\/Users\/|[A-Za-z]:\\Users\\)([^\\/]+)/.exec(path);
      if (home?.[1] && home[1] !== 'Shared') this.context.user = Buffer.from(home[1]).toString();
      else if (path.startsWith('/root/')) this.context.user = 'root';
    }
    if (placeOf(path) === 'venv' && this.context.venv === null) {
      this.context.venv = path.replace(/[\\/](?:lib|Lib|bin|Scripts)[\\/].*$/, '');
    }
  }

  /** Folds what the messages found into the context. */
  absorb(message: ExplainMessage): void {
    const f = message.facts;
    for (const key of ['path', 'directory', 'location', 'interpreter', 'script']) {
      const value = f[key];
      if (typeof value === 'string') this.addPath(value);
      // "pip X from /.../site-packages/pip": the site-packages folder is the interesting one.
      if (key === 'location' && typeof value === 'string' && /[\\/]pip$/.test(value))
        this.addPath(value.slice(0, -4));
    }
    if (typeof f.pipVersion === 'string') pushUnique(this.context.pipVersions, f.pipVersion);
    if (typeof f.pythonVersion === 'string') pushUnique(this.context.pythonVersions, f.pythonVersion);
    if (typeof f.os === 'string' && this.context.os === null) this.context.os = f.os as LogContext['os'];
    if (Array.isArray(f.osHints)) for (const hint of f.osHints) pushUnique(this.context.osHints, hint);
    if (message.kind === 'running-as-root') this.context.root = true;
  }

  finish(): LogContext {
    if (this.context.packages.length === 0)
      for (const name of this.collected) pushUnique(this.context.packages, name);
    return this.context;
  }
}
