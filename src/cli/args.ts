// Shared argument handling: node:util parseArgs with one-line usage errors.
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from '../core/errors.js';

/** Splits at the first `--`: what comes after is passed through untouched (the pip install arguments). */
export function splitPassthrough(argv: string[]): { own: string[]; passthrough: string[] } {
  const at = argv.indexOf('--');
  return at < 0
    ? { own: argv, passthrough: [] }
    : { own: argv.slice(0, at), passthrough: argv.slice(at + 1) };
}

export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  argv: string[],
  options: T,
  allowPositionals: boolean,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(
      `${command}: ${(message ?? '').replace(/\. To specify a positional argument.*$/, '')}`,
    );
  }
}

export function parseTimeout(value: string | undefined, fallbackMs: number): number {
  if (value === undefined) return fallbackMs;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
    throw new UsageError(`--timeout takes a number of seconds (0 < N <= 3600), not '${value}'`);
  }
  return seconds * 1000;
}
