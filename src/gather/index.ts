// PLACEHOLDER: gathers Facts (probe + host + file system + pip config files).
import type { Facts } from './facts.js';

export interface GatherOptions {
  /** --python; when absent, the interpreter that `pip` on PATH runs. */
  python?: string;
  /** The `pip install` arguments (after `--`). */
  installArgs: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** How long the probe may run before it is killed (default 10 s). */
  timeoutMs?: number;
}

export async function gatherFacts(_options: GatherOptions): Promise<Facts> {
  throw new Error('not implemented yet');
}
