// The top-level --help. Each command's own help lives beside the command.
import { VERSION } from '../core/version.js';

export function mainHelp(): string {
  return `pip-doctor ${VERSION}: where will \`pip install\` put a package, why will it refuse, and how to fix it

Usage:
  pip-doctor [check] [--python PATH] [--json | --markdown] [--verbose] [-- PIP_INSTALL_ARGS...]
  pip-doctor explain [FILE | -] [--python PATH] [--json] [--verbose] [--no-live]
  pip-doctor fix [--python PATH] [--dry-run] [--yes] [--undo] [--json] [--allow-outside]
  pip-doctor scan [--json | --ndjson] [--probe [--probe-untrusted]]

Commands:
  check     Predict exactly what \`pip install\` would do here, name the cause of any
            problem with evidence, and give the safe fix (the default command)
  explain   Explain pip output pasted or piped in: what each message means and what to do
  fix       Apply the safest fix for what check found (asks first; --dry-run shows the diff)
  scan      List every Python on this machine and where a plain \`pip install\` would go

Examples:
  pip-doctor                                 diagnose the Python that \`pip\` on PATH runs
  pip-doctor -- --user requests              predict \`pip install --user requests\`
  pip-doctor --python .venv/bin/python --json
  pip install requests 2>&1 | pip-doctor explain
  pip-doctor fix --dry-run

Exit status: 0 nothing wrong, 1 an error-level problem was found, 2 bad usage or the
interpreter could not be inspected. Run \`pip-doctor COMMAND --help\` for a command's options.
Colour only on a terminal; NO_COLOR or --no-color turns it off.

Environment: PIP_DOCTOR_CACHE_DIR (scan's cache), PIP_DOCTOR_COMPILE_CACHE (compiled code kept
between runs; 0 turns it off), PIP_DOCTOR_DEBUG (stack traces, cache decisions on stderr).
`;
}
