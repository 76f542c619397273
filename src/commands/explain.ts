// `pip-doctor explain [FILE|-]`: read pip's output and say what each message means and how to fix it.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseCommandArgs, parseTimeout } from '../cli/args.js';
import { type CliIO, useColor } from '../cli/io.js';
import { DoctorError, UsageError } from '../core/errors.js';
import { confirmReport, explainStream } from '../explain/index.js';
import {
  explainExitCode,
  type RenderableReport,
  renderExplainJson,
  renderExplainText,
} from '../explain/render.js';
import type { Shell } from '../gather/facts.js';

export const EXPLAIN_HELP = `Usage: pip-doctor explain [FILE | -] [options]

Reads what pip printed (a file, or standard input) and explains every message about install
location, permissions and environments: what it means, the most likely cause, and the fix.
Works on CI logs, pasted output, Docker builds: colours, timestamps and wrapped lines are fine.

  pip install requests 2>&1 | pip-doctor explain
  pip-doctor explain build.log --json

Options:
  --python PATH     Also diagnose this interpreter here and compare with what the log shows
  --json            One JSON document on stdout (schemaVersion 1)
  -v, --verbose     Also list every recognised message with its line
  --no-live         Do not look at this machine (by default, paths from the log that exist
                    here are checked, briefly)
  --no-color        No colour (also when NO_COLOR is set or stdout is not a terminal)
  --timeout SECS    How long live checks may take (default 5)
  -h, --help        This help

Exit status: 0 nothing wrong recognised, 1 an error-level problem recognised, 2 bad usage or
unreadable input.
`;

function shellFromEnv(env: NodeJS.ProcessEnv): Shell {
  if (process.platform === 'win32') return 'powershell';
  const name = basename(env.SHELL ?? '');
  return name === 'zsh' || name === 'fish' || name === 'sh' ? name : 'bash';
}

async function openInput(
  file: string | undefined,
  io: CliIO,
): Promise<{ stream: AsyncIterable<Buffer | string>; name: string }> {
  if (file === undefined || file === '-') {
    if (io.stdin.isTTY) {
      throw new UsageError(
        "explain: give a file, or pipe pip's output in: pip install NAME 2>&1 | pip-doctor explain",
      );
    }
    return { stream: io.stdin as AsyncIterable<Buffer | string>, name: 'standard input' };
  }
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DoctorError(
      `explain: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (code ?? 'error')}`,
    );
  }
  if (info.isDirectory())
    throw new DoctorError(`explain: ${file} is a folder; give the file with pip's output`);
  return { stream: createReadStream(file, { highWaterMark: 256 * 1024 }), name: file };
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    'explain',
    argv,
    {
      python: { type: 'string' },
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', short: 'v', default: false },
      live: { type: 'boolean', default: true },
      'no-live': { type: 'boolean', default: false },
      'no-color': { type: 'boolean', default: false },
      timeout: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    true,
  );
  if (values.help) {
    io.stdout.write(EXPLAIN_HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`explain: one input at a time, not '${positionals[1]}'`);
  const timeoutMs = parseTimeout(values.timeout, 5_000);
  const { stream, name } = await openInput(positionals[0], io);
  let report: RenderableReport;
  try {
    report = await explainStream(stream, { name, shell: shellFromEnv(io.env) });
  } catch (error) {
    if (error instanceof DoctorError) throw new DoctorError(`explain: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    throw new DoctorError(
      `explain: cannot read ${name}: ${code ?? (error instanceof Error ? error.message : String(error))}`,
    );
  }
  if (values.live && !values['no-live']) {
    report = await confirmReport(report, {
      ...(values.python !== undefined ? { python: values.python } : {}),
      env: io.env,
      cwd: io.cwd,
      timeoutMs,
    });
  }
  if (values.json) io.stdout.write(renderExplainJson(report));
  else
    io.stdout.write(
      renderExplainText(report, {
        color: useColor(io.stdout, io.env, values['no-color']),
        verbose: values.verbose,
      }),
    );
  return explainExitCode(report);
}
