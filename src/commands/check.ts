// PLACEHOLDER until the check command is wired.
import type { CliIO } from '../cli/io.js';
import { DoctorError } from '../core/errors.js';

export async function run(_argv: string[], _io: CliIO): Promise<number> {
  throw new DoctorError('check is not available in this build yet');
}
