// `pip-doctor scan`: every Python on this machine and where a plain `pip install` would go in each.
// The warm path (a valid cache) loads only this module, the cache reader and the renderer.
import { parseCommandArgs, parseTimeout } from '../cli/args.js';
import { type CliIO, useColor } from '../cli/io.js';
import { UsageError } from '../core/errors.js';
import { homeFolder } from '../core/home-folder.js';
import { VERSION } from '../core/version.js';
import {
  cacheDir,
  cacheFileFor,
  fingerprint,
  readCache,
  type WatchOptions,
  writeCache,
} from '../scan/cache.js';
import { localPathTest } from '../scan/local-paths.js';
import { ndjsonEnvironment, ndjsonSummary, renderScanJson, renderScanTable } from '../scan/render.js';
import type { ScanResult } from '../scan/types.js';

export const SCAN_HELP = `Usage: pip-doctor scan [options]

Lists every Python on this machine (PATH, pyenv, conda, uv, pipx, Homebrew, python.org,
the Windows registry and Store, asdf, mise, rye, Poetry, Hatch, PDM, Pipenv,
virtualenvwrapper, venvs in this folder, distro Pythons...) with where a plain
\`pip install NAME\` would put files in each, or why pip would refuse.

Without --probe nothing is run: verdicts come from files (pyvenv.cfg, conda-meta, the
EXTERNALLY-MANAGED marker, pip's dist-info, folder permissions), and a second scan is
answered from a cache that is checked against every file it depended on.

Options:
  --json              One JSON document on stdout (schemaVersion 1)
  --ndjson            One JSON line per environment as soon as it is found, then a summary line
  --probe             Run each interpreter for an exact verdict (a few at a time)
  --probe-untrusted   With --probe, also run interpreters inside this folder or owned by others
  --jobs N            How many interpreters --probe runs at once (default 4)
  --timeout SECS      How long each probed interpreter may take (default 10)
  --deadline SECS     Hard limit for finding environments (default 10); unfinished locators
                      are reported as timed out
  --no-cache          Neither read nor write the cache
  --no-color          No colour (also when NO_COLOR is set or stdout is not a terminal)
  -h, --help          This help

The cache lives in PIP_DOCTOR_CACHE_DIR, else the user cache folder (~/.cache/pip-doctor).
Exit status: 0 the scan ran (whatever it found), 2 bad usage.
`;

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    'scan',
    argv,
    {
      json: { type: 'boolean', default: false },
      ndjson: { type: 'boolean', default: false },
      probe: { type: 'boolean', default: false },
      'probe-untrusted': { type: 'boolean', default: false },
      jobs: { type: 'string' },
      timeout: { type: 'string' },
      deadline: { type: 'string' },
      'no-cache': { type: 'boolean', default: false },
      'no-color': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    false,
  );
  if (values.help) {
    io.stdout.write(SCAN_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`scan: unexpected argument '${positionals[0]}'`);
  if (values.json && values.ndjson) throw new UsageError('scan: choose one of --json and --ndjson');
  if (values['probe-untrusted'] && !values.probe)
    throw new UsageError('scan: --probe-untrusted goes with --probe');
  const jobs = values.jobs === undefined ? 4 : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) {
    throw new UsageError(`scan: --jobs takes a whole number from 1 to 64, not '${values.jobs}'`);
  }
  const timeoutMs = parseTimeout(values.timeout, 10_000);
  const deadlineMs = parseTimeout(values.deadline, 10_000);

  const started = Date.now();
  const platform = process.platform;
  const home = await homeFolder(io.env, platform);
  const useCache = !values['no-cache'] && !values.probe;
  const cacheFile = cacheFileFor(cacheDir(io.env, platform, home), io.cwd);
  const print = fingerprint(io.env, io.cwd, platform);
  const watch: WatchOptions = { isLocal: localPathTest(platform), timeoutMs: Math.min(deadlineMs, 3000) };

  let result: ScanResult | null = null;
  if (useCache) {
    const hit = await readCache(cacheFile, VERSION, print, watch);
    if ('miss' in hit && io.env.PIP_DOCTOR_DEBUG)
      io.stderr.write(`pip-doctor: scan cache not used: ${hit.miss}\n`);
    if ('result' in hit) {
      result = { ...hit.result, cached: true, ms: Date.now() - started };
      if (values.ndjson) for (const env of result.environments) io.stdout.write(ndjsonEnvironment(env));
    }
  }
  if (result === null) {
    const { createContext, scan } = await import('../scan/cold-scan.js');
    const ctx = await createContext({ env: io.env, cwd: io.cwd, home, isLocal: watch.isLocal });
    const streamNow = values.ndjson && !values.probe;
    result = await scan(ctx, {
      deadlineMs,
      ...(streamNow ? { onEnvironment: (env) => io.stdout.write(ndjsonEnvironment(env)) } : {}),
    });
    if (useCache && !result.deadlineHit) {
      try {
        const written = await writeCache(
          cacheFile,
          VERSION,
          print,
          ctx.fs.watched,
          result,
          watch,
          ctx.fs.states,
        );
        if (!written && io.env.PIP_DOCTOR_DEBUG)
          io.stderr.write('pip-doctor: scan cache not written: a network file system did not answer\n');
      } catch (error) {
        io.stderr.write(
          `pip-doctor: warning: could not write the scan cache (${(error as Error).message})\n`,
        );
      }
    }
    if (values.probe) {
      const { probeEnvironments } = await import('../scan/probe.js');
      await probeEnvironments(
        result.environments,
        {
          env: io.env,
          cwd: io.cwd,
          platform,
          concurrency: jobs,
          timeoutMs,
          untrusted: values['probe-untrusted'],
        },
        values.ndjson ? (env) => io.stdout.write(ndjsonEnvironment(env)) : undefined,
      );
    }
    result.ms = Date.now() - started;
  }
  if (values.json) io.stdout.write(renderScanJson(result));
  else if (values.ndjson) io.stdout.write(ndjsonSummary(result));
  else {
    const color = useColor(io.stdout, io.env, values['no-color']);
    io.stdout.write(renderScanTable(result, { color, width: io.stdout.columns ?? 100, home }));
  }
  return 0;
}
