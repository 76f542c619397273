// Placeholder until the scan command lands; replaced by its owner.
import type { CliIO } from '../cli/io.js';
import { DoctorError } from '../core/errors.js';

export async function run(_argv: string[], _io: CliIO): Promise<number> {
  throw new DoctorError('the scan command is not available in this build yet');
}
