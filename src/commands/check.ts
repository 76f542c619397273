// `pip-doctor check`: predict what `pip install` would do, diagnose, report.
import { parseCommandArgs, parseTimeout, splitPassthrough } from '../cli/args.js';
import { type CliIO, useColor } from '../cli/io.js';
import { UsageError } from '../core/errors.js';
import { startNamedProbe } from '../gather/target.js';

export const CHECK_HELP = `Usage: pip-doctor [check] [options] [-- PIP_INSTALL_ARGS...]

Says exactly where \`pip install\` would put a package here, or why pip would refuse,
names the cause with evidence, and gives the safe fix for your OS and shell.

Options:
  --python PATH     The interpreter to diagnose (default: the one \`pip\` on PATH runs)
  --json            One JSON document on stdout (schemaVersion 1)
  --markdown        A Markdown report to paste into a bug report
  -v, --verbose     Also show every fact that was looked at and pip's decision steps
  --no-color        No colour (also when NO_COLOR is set or stdout is not a terminal)
  --timeout SECS    How long the interpreter may take to answer (default 10)
  -h, --help        This help

Everything after \`--\` is what you would give \`pip install\`; the prediction is for exactly
that command line, in this environment (env vars, config files, user, current folder):
  pip-doctor -- --user requests
  pip-doctor --python /usr/bin/python3 -- --target ./vendor requests
  pip-doctor --json | jq .prediction

Exit status: 0 nothing wrong, 1 an error-level problem, 2 bad usage or the interpreter
could not be inspected.
`;

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { own, passthrough } = splitPassthrough(argv);
  const { values, positionals } = parseCommandArgs(
    'check',
    own,
    {
      python: { type: 'string' },
      json: { type: 'boolean', default: false },
      markdown: { type: 'boolean', default: false },
      verbose: { type: 'boolean', short: 'v', default: false },
      'no-color': { type: 'boolean', default: false },
      timeout: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    true,
  );
  if (values.help) {
    io.stdout.write(CHECK_HELP);
    return 0;
  }
  if (positionals.length > 0) {
    throw new UsageError(
      `check: unexpected argument '${positionals[0]}' (pip install arguments go after --, e.g. pip-doctor -- --user ${positionals[0]})`,
    );
  }
  if (values.json && values.markdown) throw new UsageError('check: choose one of --json and --markdown');
  const options = {
    ...(values.python !== undefined ? { python: values.python } : {}),
    installArgs: passthrough,
    env: io.env,
    cwd: io.cwd,
    timeoutMs: parseTimeout(values.timeout, 10_000),
  };
  // The named interpreter starts now and runs while the rest of pip-doctor loads.
  const started = startNamedProbe(options);
  const [{ diagnoseInterpreter }, { exitCodeFor, renderCheckJson, renderCheckMarkdown, renderCheckText }] =
    await Promise.all([import('../diagnose.js'), import('../report/index.js')]);
  const report = await diagnoseInterpreter(options, started ?? undefined);
  if (values.json) io.stdout.write(renderCheckJson(report));
  else if (values.markdown) io.stdout.write(renderCheckMarkdown(report));
  else {
    const color = useColor(io.stdout, io.env, values['no-color']);
    io.stdout.write(
      renderCheckText(report, { color, verbose: values.verbose, width: io.stdout.columns ?? 80 }),
    );
  }
  return exitCodeFor(report);
}
