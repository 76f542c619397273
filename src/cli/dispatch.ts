// Picks the command and loads only that command's code (in the published CLI, its own bundle).
import { UsageError } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import { mainHelp } from './help.js';
import type { CliIO } from './io.js';

const COMMANDS = {
  check: () => import('../commands/check.js'),
  explain: () => import('../commands/explain.js'),
  fix: () => import('../commands/fix.js'),
  scan: () => import('../commands/scan.js'),
} as const;
type CommandName = keyof typeof COMMANDS;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const first = argv[0];
  if (first === '--version' || first === '-V') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (first === 'help' || ((first === '--help' || first === '-h') && argv.length === 1)) {
    io.stdout.write(mainHelp());
    return 0;
  }
  const named = first !== undefined && first in COMMANDS;
  const command: CommandName = named ? (first as CommandName) : 'check';
  if (!named && first !== undefined && !first.startsWith('-')) {
    throw new UsageError(`unknown command '${first}' (commands: check, explain, fix, scan)`);
  }
  const module = await COMMANDS[command]();
  return module.run(named ? argv.slice(1) : argv, io);
}
