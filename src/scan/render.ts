// Renderers for scan results: a table for people, one JSON document, or NDJSON lines.
import type { ScanEnvironment, ScanResult } from './types.js';

export interface TableOptions {
  color: boolean;
  width: number;
  home: string | null;
}

/** scan --json: the contract's fields first, then the extras. */
export function renderScanJson(result: ScanResult): string {
  return `${JSON.stringify(
    {
      schemaVersion: 1,
      environments: result.environments,
      path: result.path,
      locators: result.locators,
      ms: result.ms,
      cached: result.cached,
      deadlineHit: result.deadlineHit,
    },
    null,
    2,
  )}\n`;
}

/** One NDJSON line per environment as it is found, then a summary line. */
export function ndjsonEnvironment(env: ScanEnvironment): string {
  return `${JSON.stringify({ type: 'environment', schemaVersion: 1, ...env })}\n`;
}

export function ndjsonSummary(result: ScanResult): string {
  return `${JSON.stringify({
    type: 'summary',
    schemaVersion: 1,
    count: result.environments.length,
    path: result.path,
    locators: result.locators,
    ms: result.ms,
    cached: result.cached,
    deadlineHit: result.deadlineHit,
  })}\n`;
}

/** What a plain `pip install` would do, in a few words. */
export function describeOutcome(env: ScanEnvironment, shorten: (p: string) => string): string {
  const dir = env.prediction.directory ? shorten(env.prediction.directory) : '';
  switch (env.prediction.outcome) {
    case 'site-packages':
      return dir;
    case 'user-default':
      return `user site: ${dir}`;
    case 'user':
      return `user site (configured): ${dir}`;
    case 'target':
      return `--target ${dir}`;
    case 'prefix':
      return 'under the configured --prefix';
    case 'root':
      return 'under the configured --root';
    case 'error-externally-managed':
      return 'refused: externally managed (PEP 668)';
    case 'error-permission':
      return `fails: cannot write ${dir}`;
    case 'error-pip-missing':
      return 'fails: no pip';
    case 'error-require-virtualenv':
      return 'refused: require-virtualenv';
    case 'error-user-in-virtualenv':
      return 'refused: --user in a venv';
    case 'error-user-prefix-conflict':
      return 'refused: user + prefix configured';
    case 'error-user-target-conflict':
      return 'refused: user + target configured';
    case null:
      return 'unknown';
    default:
      return env.prediction.outcome;
  }
}

const COLORS = { red: '\x1b[31m', yellow: '\x1b[33m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };

export function renderScanTable(result: ScanResult, options: TableOptions): string {
  const paint = (code: keyof typeof COLORS, text: string) =>
    options.color ? `${COLORS[code]}${text}${COLORS.reset}` : text;
  const shorten = (path: string) =>
    options.home && options.home.length > 1 && path.startsWith(`${options.home}/`)
      ? `~${path.slice(options.home.length)}`
      : path;
  const headers = ['KIND', 'VERSION', 'PYTHON', '`pip install` GOES TO', 'PROBLEMS', 'ON PATH'];
  const rows = result.environments.map((env) => [
    env.kind,
    env.version ?? '?',
    shorten(env.executable),
    describeOutcome(env, shorten),
    env.problems.join(', ') || '-',
    env.onPath.join(' ') || '',
  ]);
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[], styleRow?: (cell: string, i: number) => string) =>
    cells
      .map((cell, i) => {
        const padded = i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0);
        return styleRow ? styleRow(padded, i) : padded;
      })
      .join('  ')
      .trimEnd();
  const out: string[] = [];
  if (rows.length === 0) out.push('No Python found.');
  else {
    out.push(line(headers, (cell) => paint('bold', cell)));
    result.environments.forEach((env, r) => {
      const outcome = env.prediction.outcome;
      const tone =
        outcome === null
          ? 'dim'
          : outcome.startsWith('error-')
            ? 'red'
            : outcome === 'user-default'
              ? 'yellow'
              : null;
      out.push(
        line(rows[r] as string[], (cell, i) => (tone && (i === 3 || i === 4) ? paint(tone, cell) : cell)),
      );
    });
  }
  out.push('');
  for (const name of ['pip', 'python'] as const) {
    const interpreter = result.path[name];
    out.push(`\`${name}\` on PATH runs ${interpreter ? shorten(interpreter) : 'nothing (not on PATH)'}`);
  }
  const failed = result.locators.filter((l) => l.status === 'error' || l.status === 'timed-out');
  for (const l of failed)
    out.push(paint('yellow', `locator ${l.name}: ${l.status}${l.detail ? ` (${l.detail})` : ''}`));
  const source = result.environments.some((e) => e.verdictSource === 'probe')
    ? 'verdicts from running each interpreter where allowed'
    : 'static verdicts from files; --probe runs each interpreter for an exact one';
  out.push(
    paint(
      'dim',
      `${result.environments.length} Python${result.environments.length === 1 ? '' : 's'} in ${result.ms} ms${result.cached ? ' (cached)' : ''}; ${source}`,
    ),
  );
  return `${out.join('\n')}\n`;
}
