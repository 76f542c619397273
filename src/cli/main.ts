#!/usr/bin/env node
// The pip-doctor executable: runs the command and owns the exit status and the last-resort error line.
import { DoctorError, UsageError } from '../core/errors.js';
import { main } from './dispatch.js';
import { processIO } from './io.js';

async function entry(): Promise<void> {
  const io = processIO();
  try {
    process.exitCode = await main(process.argv.slice(2), io);
  } catch (error) {
    if (error instanceof DoctorError) {
      const hint = error instanceof UsageError ? ' (see pip-doctor --help)' : '';
      io.stderr.write(`pip-doctor: error: ${error.message}${hint}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    // An unexpected failure is still one line and exit 2; the stack only with PIP_DOCTOR_DEBUG.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`pip-doctor: internal error: ${message.split('\n')[0]}\n`);
    if (io.env.PIP_DOCTOR_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
    process.exitCode = 2;
  }
}

// Pipes closed early (`pip-doctor | head`) are not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

await entry();
// Exit once the report is written: a stuck file-system call (scan's deadline) must not keep us alive.
process.stdout.write('', () => process.exit(process.exitCode ?? 0));
