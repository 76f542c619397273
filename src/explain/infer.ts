// From recognised messages to findings: what went wrong, the most likely cause, how sure we are.
import type { Cause, Evidence, Fix, Severity } from '../core/types.js';
import type { FixContext } from './fixes.js';
import * as fixes from './fixes.js';
import type { Confidence, ExplainFinding, ExplainMessage, LogContext } from './types.js';

interface Draft {
  id: string;
  cause: Cause;
  severity: Severity;
  title: string;
  explanation: string;
  confidence: Confidence;
  evidence: Evidence[];
  fixes: Array<Fix | null>;
}

type Rule = (
  message: ExplainMessage,
  all: ExplainMessage[],
  context: LogContext,
  fc: FixContext,
) => Draft | null;

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const seen = (all: ExplainMessage[], kind: string) => all.some((m) => m.kind === kind);
/** The command line that started this message's run, when the log shows it. */
const commandOf = (context: LogContext, m: ExplainMessage): string | null =>
  context.runCommands.find((c) => c.run === m.run)?.command ?? null;
const commandHas = (command: string | null, flag: string) =>
  command?.split(/\s+/).some((a) => a === flag || a.startsWith(`${flag}=`)) === true;

function lineEvidence(message: ExplainMessage): Evidence {
  const first = message.text.split('\n')[0] ?? '';
  return { label: `line ${message.line}`, value: first.length > 300 ? `${first.slice(0, 300)}…` : first };
}

function pathEvidence(label: string, path: string | null): Evidence[] {
  return path ? [{ label, value: path, path }] : [];
}

const permissionDenied: Rule = (m, all, context, fc) => {
  const path = str(m.facts.path);
  const place = str(m.facts.place);
  const inVenvHint = m.facts.hint === 'check-permissions';
  const evidence: Evidence[] = [lineEvidence(m), ...pathEvidence('pip could not write', path)];
  if (m.facts.hint === 'consider-user')
    evidence.push({
      label: "pip's hint",
      value: 'not a user install and (pip >= 21.1) not inside a virtualenv',
    });
  if (inVenvHint)
    evidence.push({ label: "pip's hint", value: 'a user install, or (pip >= 21.1) inside a virtualenv' });
  const windowsPipExe = path !== null && /[\\/]scripts[\\/]pip[\d.]*\.exe$/i.test(path);
  if (windowsPipExe) {
    return {
      id: 'pip-exe-in-use',
      cause: 'other',
      severity: 'error',
      title: 'pip.exe could not replace itself while running',
      explanation:
        'On Windows a running program cannot be overwritten; `pip install --upgrade pip` through pip.exe fails this way.',
      confidence: 'high',
      evidence,
      fixes: [fixes.upgradePip(fc, 'pip-exe-in-use')],
    };
  }
  if (path?.startsWith('/nix/store/')) {
    return {
      id: 'nix-store-immutable',
      cause: 'package-manager',
      severity: 'error',
      title: 'this Python lives in the Nix store, which nothing may change: Nix manages its packages',
      explanation:
        'Add the package to the Nix expression (python3.withPackages), or use a virtual environment.',
      confidence: 'high',
      evidence,
      fixes: [fixes.createVenv(fc, 'nix-store-immutable')],
    };
  }
  if (place === 'user-site' || place === 'home') {
    return {
      id: 'user-folders-owned-by-root',
      cause: 'permissions',
      severity: 'error',
      title:
        'a folder in your home (where --user installs go) is not writable by you: it belongs to another user',
      explanation:
        'Most often an earlier `sudo pip` created it as root; in a container, the image made the home folder before switching USER.',
      confidence: 'medium',
      evidence,
      fixes: [
        path
          ? fixes.chownHome(
              fc,
              path.replace(/([\\/]\.local|[\\/]Library[\\/]Python|[\\/]\.cache)[\\/].*$/, '$1'),
              'user-folders-owned-by-root',
            )
          : null,
      ],
    };
  }
  if (place === 'venv' || (inVenvHint && !seen(all, 'user-install-fallback'))) {
    return {
      id: 'venv-not-writable',
      cause: 'permissions',
      severity: 'error',
      title: 'the virtual environment is not writable by the user who ran pip',
      explanation:
        'The environment belongs to another user (often root, after creating or filling it with sudo).',
      confidence: place === 'venv' ? 'high' : 'medium',
      evidence,
      fixes: [
        fixes.createVenv(
          fc,
          'venv-not-writable',
          'a fresh environment of your own, or give the existing one back to your user',
        ),
      ],
    };
  }
  if (path !== null && /^\/usr\/lib(?:64)?\/python[\d.]*\/(?:dist|site)-packages\//.test(path)) {
    return {
      id: 'distro-package-in-the-way',
      cause: 'package-manager',
      severity: 'error',
      title: "pip tried to change files the distribution's package manager owns",
      explanation:
        '/usr/lib/python3*/ belongs to the OS packages (apt, dnf). pip reaches it when it upgrades or removes a package the OS installed; a virtual environment avoids touching them.',
      confidence: 'high',
      evidence,
      fixes: [fixes.createVenv(fc, 'distro-package-in-the-way')],
    };
  }
  const macSystem =
    path !== null &&
    /^\/(?:System\/Library|Library\/Python\/2\.7|usr\/(?:bin|lib|share)\b)/.test(path) &&
    fc.os === 'macos';
  return {
    id: 'site-packages-not-writable',
    cause: macSystem ? 'os-restriction' : 'permissions',
    severity: 'error',
    title: context.root
      ? 'pip could not write to the install location even as root'
      : "pip tried to write to the interpreter's site-packages, which your user may not change",
    explanation:
      'This is a system-wide Python: its site-packages belongs to root (or the administrator). A virtual environment gives you a place of your own; sudo pip would fight the system package manager.',
    confidence: m.facts.source === 'traceback' ? 'medium' : 'high',
    evidence,
    fixes: [
      fixes.createVenv(fc, 'site-packages-not-writable'),
      fixes.userInstall(fc, 'site-packages-not-writable'),
    ],
  };
};

const RULES: Record<string, Rule> = {
  'externally-managed': (m, _all, _ctx, fc) => {
    const distributor = str(m.facts.distributor);
    const text = Array.isArray(m.facts.distributorText)
      ? m.facts.distributorText.filter((l) => l !== '')
      : [];
    return {
      id: 'externally-managed',
      cause: 'package-manager',
      severity: 'error',
      title: `this Python is managed by ${distributor ?? 'its distributor'} (PEP 668): pip refuses to install into it`,
      explanation:
        'The distributor marked this interpreter EXTERNALLY-MANAGED so pip cannot break tools the system depends on. --user does not get around it.',
      confidence: 'high',
      evidence: [
        lineEvidence(m),
        ...(distributor ? [{ label: 'managed by', value: distributor }] : []),
        ...(text.length > 0 ? [{ label: 'it says', value: firstParagraph(m) }] : []),
        ...(str(m.facts.prefix) ? [{ label: 'environment', value: m.facts.prefix as string }] : []),
      ],
      fixes: [
        fixes.createVenv(fc, 'externally-managed'),
        fixes.pipxInstall(fc, 'externally-managed'),
        fixes.distroPackage(fc, distributor, 'externally-managed'),
        distributor === 'homebrew' ? null : fixes.breakSystemPackages(fc, 'externally-managed'),
      ],
    };
  },
  'user-install-fallback': (m, all, context, fc) => {
    const failed = all.some(
      (x) => x.run === m.run && (x.kind === 'permission-denied' || x.kind === 'read-only-filesystem'),
    );
    return {
      id: context.root ? 'site-packages-read-only-for-root' : 'site-packages-not-writable',
      cause: context.root ? 'os-restriction' : 'permissions',
      severity: failed ? 'error' : 'warning',
      title: context.root
        ? "site-packages is not writable even for root (a read-only mount?): pip fell back to root's user site"
        : 'site-packages is not writable, so pip installed into your user site instead (pip >= 20)',
      explanation:
        "The package landed in the user site (~/.local or %APPDATA%\\Python), not in the interpreter's site-packages: other users, services and virtual environments will not see it.",
      confidence: context.root ? 'medium' : 'high',
      evidence: [lineEvidence(m)],
      fixes: [
        fixes.createVenv(fc, 'site-packages-not-writable'),
        fixes.userInstall(fc, 'site-packages-not-writable'),
      ],
    };
  },
  'permission-denied': permissionDenied,
  'read-only-filesystem': (m, _all, _ctx, fc) => ({
    id: 'read-only-filesystem',
    cause: 'os-restriction',
    severity: 'error',
    title: `the install location is on a read-only file system${str(m.facts.path) ? ` (${m.facts.path})` : ''}`,
    explanation:
      'No user, not even root, may write there: a read-only container layer, a system volume (macOS) or a read-only mount.',
    confidence: 'high',
    evidence: [lineEvidence(m), ...pathEvidence('read-only path', str(m.facts.path))],
    fixes: [fixes.createVenv(fc, 'read-only-filesystem', 'create it on a writable disk (your home or /tmp)')],
  }),
  'operation-not-permitted': (m, _all, _ctx, fc) => ({
    id: 'operation-not-permitted',
    cause: 'os-restriction',
    severity: 'error',
    title: 'the OS forbids changing this location (macOS System Integrity Protection, or an immutable file)',
    explanation:
      "Errno 1 (EPERM) is the OS refusing even root, unlike Errno 13: on macOS, Apple's system Python lives in protected folders.",
    confidence: fc.os === 'macos' ? 'high' : 'medium',
    evidence: [lineEvidence(m), ...pathEvidence('protected path', str(m.facts.path))],
    fixes: [fixes.createVenv(fc, 'operation-not-permitted')],
  }),
  'user-in-virtualenv': (m, _all, context, fc) => {
    const command = commandOf(context, m);
    const explicit = commandHas(command, '--user');
    const unknownReason = str(m.facts.reason) !== null;
    return {
      id: 'user-install-in-venv',
      cause: 'virtualenv',
      severity: 'error',
      title: '--user was asked for inside a virtual environment, which hides the user site',
      explanation:
        explicit || command === null
          ? 'Inside a virtual environment packages go into the environment itself; --user has nowhere to go.'
          : 'The command line has no --user, so a setting asks for it: PIP_USER or `user = true` in a pip config file.',
      confidence: unknownReason ? 'medium' : 'high',
      evidence: [lineEvidence(m), ...(command ? [{ label: 'command', value: command }] : [])],
      fixes: [fixes.dropUserFlag(fc, 'user-install-in-venv', !explicit && command !== null)],
    };
  },
  'user-site-disabled': (m, _all, _ctx, fc) => ({
    id: 'user-site-disabled',
    cause: 'misconfigured-install',
    severity: 'error',
    title:
      'the user site is disabled for this Python (python -s, PYTHONNOUSERSITE, or a venv), so --user is refused (pip >= 25.3)',
    explanation: 'A --user install would be invisible to this interpreter.',
    confidence: 'high',
    evidence: [lineEvidence(m)],
    fixes: [fixes.createVenv(fc, 'user-site-disabled')],
  }),
  'require-virtualenv': (m, _all, _ctx, fc) => ({
    id: 'require-virtualenv',
    cause: 'virtualenv',
    severity: 'error',
    title: 'pip is set to work only inside a virtual environment, and none is active',
    explanation:
      'PIP_REQUIRE_VIRTUALENV or `require-virtualenv = true` in a pip config file makes pip refuse (exit 3) outside a virtualenv.',
    confidence: 'high',
    evidence: [lineEvidence(m)],
    fixes: [fixes.activateVenv(fc, 'require-virtualenv'), fixes.createVenv(fc, 'require-virtualenv')],
  }),
  'user-prefix-conflict': (m, _all, context, fc) => conflict(m, context, fc, 'prefix'),
  'user-target-conflict': (m, _all, context, fc) => conflict(m, context, fc, 'target'),
  'target-not-directory': (m, _all, _ctx, fc) => ({
    id: 'target-not-directory',
    cause: 'misconfigured-install',
    severity: 'error',
    title: '--target names a file, not a folder',
    explanation: 'pip will not replace a file with the target folder.',
    confidence: 'high',
    evidence: [lineEvidence(m)],
    fixes: [fixes.createVenv(fc, 'target-not-directory')],
  }),
  'user-site-precedence': (m, _all, _ctx, fc) => ({
    id: 'user-site-precedence',
    cause: 'virtualenv',
    severity: 'error',
    title: `--user in a virtualenv with system site-packages: ${str(m.facts.package) ?? 'the package'} in the environment would shadow the user copy`,
    explanation:
      'The environment sees both locations and its own comes first, so a user install would never be imported.',
    confidence: 'high',
    evidence: [lineEvidence(m)],
    fixes: [fixes.dropUserFlag(fc, 'user-site-precedence', false)],
  }),
  'script-not-on-path': (m, _all, _ctx, fc) => {
    const dir = str(m.facts.directory);
    const scripts = Array.isArray(m.facts.scripts) ? m.facts.scripts : [];
    return {
      id: 'scripts-dir-not-on-path',
      cause: 'path-not-set',
      severity: 'warning',
      title: `${scripts.length > 0 ? scripts.join(', ') : 'the installed commands'} ${scripts.length === 1 ? 'is' : 'are'} installed but the shell will not find ${scripts.length === 1 ? 'it' : 'them'}: ${dir ?? 'the scripts folder'} is not on PATH`,
      explanation:
        'Typing the command name gives "command not found" until that folder is on PATH (or run it with python -m).',
      confidence: dir ? 'high' : 'medium',
      evidence: [lineEvidence(m), ...pathEvidence('scripts folder', dir)],
      fixes: [dir ? fixes.addToPath(fc, dir, 'scripts-dir-not-on-path') : null],
    };
  },
  'path-contains-tilde': (m) => ({
    id: 'path-entry-with-tilde',
    cause: 'path-not-set',
    severity: 'warning',
    title: 'PATH holds an entry starting with ~, which many programs do not expand',
    explanation: 'Write $HOME instead of ~ in the line that sets PATH (in double quotes ~ is not expanded).',
    confidence: 'high',
    evidence: [lineEvidence(m)],
    fixes: [],
  }),
  'running-as-root': (m, all, context, fc) => {
    const distro =
      context.osHints.includes('dist-packages') || context.paths.some((p) => p.startsWith('/usr/lib/python'));
    const errors = all.some((x) => x.run === m.run && FATAL_KINDS.has(x.kind));
    return {
      id: distro ? 'root-pip-into-distro-python' : 'running-pip-as-root',
      cause: distro ? 'package-manager' : 'permissions',
      severity: 'warning',
      title: distro
        ? "pip ran as root on the distribution's Python: it can overwrite files the package manager owns"
        : 'pip ran as root: files it creates belong to root and can clash with the system package manager',
      explanation: errors
        ? 'Running as root did not avoid the error above either.'
        : 'Root-owned files in site-packages or ~/.local later cause Errno 13 for your own user.',
      confidence: 'high',
      evidence: [lineEvidence(m)],
      fixes: [fixes.createVenv(fc, distro ? 'root-pip-into-distro-python' : 'running-pip-as-root')],
    };
  },
  'cache-not-owned': (m, _all, _ctx, fc) => ({
    id: 'pip-cache-not-owned',
    cause: 'permissions',
    severity: 'warning',
    title: "pip's cache folder belongs to another user (sudo pip without -H), so caching is off",
    explanation:
      'Harmless for this install, but a sign that pip ran with sudo while HOME pointed at your home.',
    confidence: 'high',
    evidence: [lineEvidence(m), ...pathEvidence('cache folder', str(m.facts.path))],
    fixes: [str(m.facts.path) ? fixes.chownHome(fc, m.facts.path as string, 'pip-cache-not-owned') : null],
  }),
  'pip-missing': (m, _all, context, fc) => {
    const interpreter = str(m.facts.interpreter);
    const debian =
      context.osHints.includes('dist-packages') || (interpreter?.startsWith('/usr/bin/') ?? false);
    return {
      id: 'no-module-named-pip',
      cause: 'pip-python-mismatch',
      severity: 'error',
      title: `${interpreter ?? 'this Python'} has no pip: the pip you installed belongs to another Python`,
      explanation:
        'Each Python has its own pip. This one was never given pip (Debian/Ubuntu ship it as python3-pip), or you meant a different python.',
      confidence: interpreter ? 'high' : 'medium',
      evidence: [lineEvidence(m), ...pathEvidence('interpreter', interpreter)],
      fixes: fixes.bootstrapPip(
        fc,
        'no-module-named-pip',
        interpreter,
        debian && fc.os === 'linux' ? 'debian' : null,
      ),
    };
  },
  'pip-broken': (m, _all, _ctx, fc) => ({
    id: 'pip-installation-broken',
    cause: 'misconfigured-install',
    severity: 'error',
    title: `pip is half installed (${str(m.facts.module) ?? 'a pip module'} is missing)`,
    explanation: 'An interrupted upgrade or two installers fighting over the same pip leaves it like this.',
    confidence: 'high',
    evidence: [lineEvidence(m)],
    fixes: fixes.bootstrapPip(fc, 'pip-installation-broken', null, null),
  }),
  'ensurepip-missing': (m, _all, _ctx, fc) => ({
    id: 'venv-needs-distro-package',
    cause: 'package-manager',
    severity: 'error',
    title: 'this Python cannot bootstrap pip into a venv: the distro ships venv/ensurepip separately',
    explanation: 'On Debian and Ubuntu, python3 -m venv needs the python3-venv (or python3.X-venv) package.',
    confidence: 'high',
    evidence: [lineEvidence(m)],
    fixes: fixes
      .bootstrapPip(fc, 'venv-needs-distro-package', null, 'debian')
      .filter((f) => f.id === 'install-distro-pip'),
  }),
  'pip-command-not-found': (m, _all, _ctx, fc) => ({
    id: 'pip-command-not-found',
    cause: 'pip-python-mismatch',
    severity: 'error',
    title:
      m.facts.viaSudo === true
        ? `sudo cannot find \`${str(m.facts.command) ?? 'pip'}\`: sudo uses its own PATH (secure_path)`
        : `the shell has no \`${str(m.facts.command) ?? 'pip'}\` command on PATH`,
    explanation:
      'pip may be missing, installed for another Python, or installed in a folder that is not on PATH. `python3 -m pip` (Windows: `py -m pip`) always reaches the pip of the Python you name.',
    confidence: 'high',
    evidence: [lineEvidence(m)],
    fixes: [
      fixes.pythonMPip(fc, 'pip-command-not-found'),
      ...fixes.bootstrapPip(fc, 'pip-command-not-found', null, null),
    ],
  }),
  'python-command-not-found': (m, _all, _ctx, fc) => ({
    id: 'python-command-not-found',
    cause: m.facts.storeAlias === true ? 'path-not-set' : 'pip-python-mismatch',
    severity: 'error',
    title:
      m.facts.storeAlias === true
        ? "Windows' Microsoft Store alias answered instead of a Python: no real python.exe is first on PATH"
        : `the shell has no \`${str(m.facts.command) ?? 'python'}\` command`,
    explanation:
      fc.os === 'windows'
        ? 'Use the py launcher (`py -m pip`), or turn off the python.exe App execution alias in Settings.'
        : 'Try python3, or install Python.',
    confidence: 'high',
    evidence: [lineEvidence(m)],
    fixes: [fixes.pythonMPip(fc, 'python-command-not-found')],
  }),
  'bad-interpreter': (m, _all, context, fc) => {
    const script = str(m.facts.script);
    const interpreter = str(m.facts.interpreter);
    const inVenv =
      (script && /[\\/](?:\.?venv|env|virtualenvs?)[\\/]/i.test(script)) ||
      str(m.facts.via) === 'venv launcher';
    const venvDir = script ? script.replace(/[\\/](?:bin|Scripts)[\\/][^\\/]*$/, '') : context.venv;
    const pipScript = script === null || /(?:^|[\\/])pip[\d.]*(?:\.exe)?$/i.test(script);
    if (m.facts.spaceInPath === true || m.facts.crlf === true) {
      return {
        id: 'broken-shebang',
        cause: 'misconfigured-install',
        severity: 'error',
        title:
          m.facts.crlf === true
            ? `${script ?? 'the script'} has Windows line endings, so its #! line names an interpreter that does not exist`
            : `the #! line of ${script ?? 'the script'} breaks at the space in its folder name`,
        explanation:
          m.facts.crlf === true
            ? 'Convert the file to Unix line endings (dos2unix), or run it with python explicitly.'
            : 'Old pip and virtualenv wrote shebangs that cannot hold a space: recreate the environment in a folder without spaces, or run `python -m pip`.',
        confidence: 'high',
        evidence: [lineEvidence(m), ...pathEvidence('script', script)],
        fixes: [fixes.pythonMPip(fc, 'broken-shebang')],
      };
    }
    return {
      id: 'pip-bad-interpreter',
      cause: 'pip-python-mismatch',
      severity: 'error',
      title: `the ${pipScript ? '`pip` ' : ''}script${script ? ` ${script}` : ''} points at a Python that is gone${interpreter ? ` (${interpreter})` : ''}`,
      explanation: inVenv
        ? 'The virtual environment was moved or its base Python was upgraded or removed: a venv cannot be moved, only recreated.'
        : 'Its Python was upgraded or removed (a Homebrew or distro upgrade), leaving an old pip wrapper on PATH.',
      confidence: script || interpreter ? 'high' : 'medium',
      evidence: [
        lineEvidence(m),
        ...pathEvidence('pip script', script),
        ...(interpreter ? [{ label: 'missing interpreter', value: interpreter }] : []),
      ],
      fixes: [
        inVenv && venvDir ? fixes.recreateVenv(fc, venvDir, 'pip-bad-interpreter') : null,
        fixes.pythonMPip(fc, 'pip-bad-interpreter'),
      ],
    };
  },
  'pip-wrapper-outdated': (m, _all, _ctx, fc) => ({
    id: 'pip-wrapper-outdated',
    cause: 'pip-python-mismatch',
    severity: m.facts.severity === 'warning' ? 'warning' : 'error',
    title: 'the `pip` command is an old wrapper that does not match the pip module now installed',
    explanation:
      'pip upgraded itself (often with sudo) but the distro-owned /usr/bin/pip still imports the old entry point.',
    confidence: 'high',
    evidence: [lineEvidence(m)],
    fixes: [fixes.pythonMPip(fc, 'pip-wrapper-outdated')],
  }),
  'cannot-uninstall-distutils': (m, _all, _ctx, fc) => distroOwned(m, fc),
  'cannot-uninstall-no-record': (m, _all, _ctx, fc) => distroOwned(m, fc),
  'not-uninstalling-outside-environment': (m) => ({
    id: 'distro-package-left-in-place',
    cause: 'package-manager',
    severity: 'info',
    title: `${str(m.facts.package) ?? 'a package'} from the distribution stays where it is; pip installs its own copy next to it`,
    explanation: 'Two copies of one package: which one Python imports depends on sys.path order.',
    confidence: 'high',
    evidence: [lineEvidence(m)],
    fixes: [],
  }),
  'scheme-mismatch': (m) => ({
    id: 'install-scheme-mismatch',
    cause: 'misconfigured-install',
    severity: 'warning',
    title:
      "pip 21.x found distutils and sysconfig disagree about install paths (usually a distro's patched Python)",
    explanation: 'Mostly harmless noise from pip 21.1-21.3; upgrading pip silences it.',
    confidence: 'medium',
    evidence: [lineEvidence(m)],
    fixes: [],
  }),
  'invalid-distribution': (m) => ({
    id: 'invalid-distribution-leftovers',
    cause: 'misconfigured-install',
    severity: 'warning',
    title: `an interrupted install left a broken folder (${str(m.facts.name) ?? '~...'}) in ${str(m.facts.directory) ?? 'site-packages'}`,
    explanation: "Folders whose name starts with ~ are pip's temporary renames; delete them by hand.",
    confidence: 'high',
    evidence: [lineEvidence(m), ...pathEvidence('folder', str(m.facts.directory))],
    fixes: [],
  }),
  'windows-long-path': (m, _all, _ctx, fc) => ({
    id: 'windows-long-path',
    cause: 'os-restriction',
    severity: 'error',
    title: 'a file path is longer than Windows allows (260 characters) without long path support',
    explanation:
      'Deeply nested packages overflow MAX_PATH, especially under the long WindowsApps/AppData folders.',
    confidence: 'high',
    evidence: [lineEvidence(m)],
    fixes: [
      fixes.enableLongPaths('windows-long-path'),
      fixes.createVenv(fc, 'windows-long-path', 'create it in a short folder such as C:\\venvs\\proj'),
    ],
  }),
  'file-in-use': (m, _all, _ctx, fc) => ({
    id: 'file-in-use',
    cause: 'other',
    severity: 'error',
    title: 'a file pip must replace is in use by another program (WinError 32)',
    explanation: 'Close programs using this Python (editors, Jupyter, a running app) and try again.',
    confidence: 'high',
    evidence: [lineEvidence(m), ...pathEvidence('file', str(m.facts.path))],
    fixes: [fixes.upgradePip(fc, 'file-in-use')].filter(() => /pip/i.test(String(m.facts.path ?? ''))),
  }),
  'disk-full': (m) => ({
    id: 'disk-full',
    cause: 'other',
    severity: 'error',
    title: 'the disk (or the temporary folder) is full',
    explanation: 'Free space, or point TMPDIR at a bigger disk for large wheels.',
    confidence: 'high',
    evidence: [lineEvidence(m)],
    fixes: [],
  }),
  'install-os-error': (m) => ({
    id: 'install-os-error',
    cause: 'other',
    severity: 'error',
    title: `pip hit an OS error while installing${str(m.facts.error) ? `: ${m.facts.error}` : ''}`,
    explanation: 'Not a permission problem: look at the path and error text.',
    confidence: 'low',
    evidence: [lineEvidence(m)],
    fixes: [],
  }),
  'pyvenv-cfg-unreadable': (m) => ({
    id: 'pyvenv-cfg-unreadable',
    cause: 'virtualenv',
    severity: 'warning',
    title: "the active virtual environment's pyvenv.cfg cannot be read",
    explanation: 'pip then assumes the user site is hidden. The venv is damaged or owned by another user.',
    confidence: 'high',
    evidence: [lineEvidence(m)],
    fixes: [],
  }),
  'externally-managed-marker-unreadable': (m) => ({
    id: 'externally-managed-marker-unreadable',
    cause: 'package-manager',
    severity: 'warning',
    title: 'the EXTERNALLY-MANAGED marker cannot be read, so pip shows its default text',
    explanation: "The distributor's advice is lost; the refusal still stands.",
    confidence: 'high',
    evidence: [lineEvidence(m), ...pathEvidence('marker', str(m.facts.path))],
    fixes: [],
  }),
  'consider-user-hint': (m, _all, _ctx, fc) => ({
    id: 'site-packages-not-writable',
    cause: 'permissions',
    severity: 'error',
    title: "pip could not write to the interpreter's site-packages (only its hint line survived in the log)",
    explanation: 'pip prints this hint after an Errno 13 permission error outside a user install.',
    confidence: 'medium',
    evidence: [lineEvidence(m)],
    fixes: [fixes.createVenv(fc, 'site-packages-not-writable')],
  }),
};

const FATAL_KINDS = new Set([
  'externally-managed',
  'permission-denied',
  'read-only-filesystem',
  'user-in-virtualenv',
  'require-virtualenv',
]);

function conflict(m: ExplainMessage, context: LogContext, fc: FixContext, other: 'prefix' | 'target'): Draft {
  const command = commandOf(context, m);
  const explicit = commandHas(command, '--user');
  return {
    id: 'conflicting-options',
    cause: 'misconfigured-install',
    severity: 'error',
    title: `--user and --${other} name two different install locations`,
    explanation:
      command !== null && !explicit
        ? 'The command line has no --user: it comes from PIP_USER or `user = true` in a pip config file.'
        : 'pip cannot install into the user site and another folder at once.',
    confidence: 'high',
    evidence: [lineEvidence(m), ...(command ? [{ label: 'command', value: command }] : [])],
    fixes: [fixes.chooseOneLocation(fc, other, 'conflicting-options')],
  };
}

function distroOwned(m: ExplainMessage, fc: FixContext): Draft {
  const installer = str(m.facts.installer);
  return {
    id: 'distro-package-in-the-way',
    cause: 'package-manager',
    severity: 'error',
    title: `pip cannot remove ${str(m.facts.package) ?? 'a package'} because ${installer ? `${installer} installed it` : 'another installer (the OS package manager, distutils) put it there'}`,
    explanation:
      'pip would have to uninstall the old version first and does not know its files. A virtual environment avoids the system copy altogether.',
    confidence: installer ? 'high' : 'medium',
    evidence: [lineEvidence(m)],
    fixes: [fixes.createVenv(fc, 'distro-package-in-the-way')],
  };
}

/** The distributor's first paragraph, as one line. */
function firstParagraph(m: ExplainMessage): string {
  const lines = Array.isArray(m.facts.distributorText) ? m.facts.distributorText : [];
  const end = lines.indexOf('');
  const text = (end < 0 ? lines : lines.slice(0, end)).join(' ');
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Messages -> findings (one per id, repeats folded in as evidence) and the fixes they reference. */
export function infer(
  messages: ExplainMessage[],
  context: LogContext,
  fc: FixContext,
): { findings: ExplainFinding[]; fixes: Fix[] } {
  const byId = new Map<string, ExplainFinding>();
  const allFixes = new Map<string, Fix>();
  for (const message of messages) {
    const rule = RULES[message.kind];
    if (!rule) continue;
    const draft = rule(message, messages, context, fc);
    if (!draft) continue;
    const existing = byId.get(draft.id);
    if (existing) {
      existing.basis.push({ kind: message.kind, line: message.line });
      if (existing.evidence.length < 12) existing.evidence.push(lineEvidence(message));
      if (SEVERITY_ORDER[draft.severity] < SEVERITY_ORDER[existing.severity])
        existing.severity = draft.severity;
      continue;
    }
    const fixList = draft.fixes.filter((f): f is Fix => f !== null);
    for (const fix of fixList) {
      const known = allFixes.get(fix.id);
      if (known) {
        if (!known.for.includes(draft.id)) known.for.push(draft.id);
      } else allFixes.set(fix.id, { ...fix, for: [draft.id] });
    }
    byId.set(draft.id, {
      id: draft.id,
      cause: draft.cause,
      severity: draft.severity,
      title: draft.title,
      explanation: draft.explanation,
      evidence: draft.evidence,
      fixes: fixList.map((f) => f.id),
      confidence: draft.confidence,
      basis: [{ kind: message.kind, line: message.line }],
    });
  }
  const findings = [...byId.values()].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.basis[0]?.line ?? 0) - (b.basis[0]?.line ?? 0),
  );
  return { findings, fixes: [...allFixes.values()] };
}
