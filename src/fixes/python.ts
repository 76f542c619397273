// How to call the diagnosed interpreter in the user's shell: its short name when that name on
// PATH runs the same interpreter, otherwise its full path, quoted for the shell.
import { samePath } from '../checks/derive.js';
import type { Facts } from '../gather/facts.js';
import { commandLine, shellOf } from './shell.js';

export function pythonProgram(facts: Facts): string {
  return facts.probe.python.executable || facts.target.executable;
}

/** `python3`, or `'/opt/my python/bin/python3'`, ready to be followed by arguments. */
export function pythonCommand(facts: Facts): string {
  const exe = pythonProgram(facts);
  // When the target was found through a command, that command's environment is the target's.
  const via = facts.commands[facts.target.requested as keyof Facts['commands']]?.environment ?? null;
  const names =
    facts.host.platform === 'win32' ? (['python', 'python3'] as const) : (['python3', 'python'] as const);
  for (const name of names) {
    const command = facts.commands[name];
    if (command?.interpreter && samePath(facts, command.interpreter, exe)) return name;
    if (via && command?.environment && samePath(facts, command.environment, via)) return name;
  }
  return commandLine(shellOf(facts), exe);
}

/** `python3 -m pip install --user requests`, for this interpreter and shell. */
export function pipCommand(facts: Facts, ...args: string[]): string {
  return [pythonCommand(facts), commandLine(shellOf(facts), '-m', 'pip', ...args)].join(' ');
}
