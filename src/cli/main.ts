#!/usr/bin/env node
// The pip-doctor executable: runs the command and owns the exit status and the last-resort error line.
// Bundled as CommonJS (dist/cli.cjs): Node starts a CommonJS entry without its ES module loader,
// and each command is a bundle of its own, loaded only when asked for (see scripts/build.mjs).
import { join } from 'node:path';
import { isDoctorError } from '../core/errors.js';
import { homeFolder } from '../core/home-folder.js';
import { compileCacheDir, useCompileCache } from './compile-cache.js';
import { main } from './dispatch.js';
import { processIO } from './io.js';

/** Compiled code of the commands' bundles (dist/cli/, beside this entry) is kept between runs. */
async function cacheCompiledCode(): Promise<void> {
  let home: string;
  try {
    home = await homeFolder(process.env, process.platform);
  } catch {
    return; // No home folder (no HOME, no account entry): compiled the ordinary way.
  }
  const cacheDir = compileCacheDir(process.env, process.platform, home);
  if (cacheDir) useCompileCache(join(import.meta.dirname, 'cli'), cacheDir);
}

// Pipes closed early (`pip-doctor | head`) are not an error.
const io = processIO(() => process.exit(process.exitCode ?? 0));

async function entry(): Promise<number> {
  try {
    await cacheCompiledCode();
    return await main(process.argv.slice(2), io);
  } catch (error) {
    if (isDoctorError(error)) {
      const hint = error.name === 'UsageError' ? ' (see pip-doctor --help)' : '';
      io.stderr.write(`pip-doctor: error: ${error.message}${hint}\n`);
      return error.exitCode;
    }
    // An unexpected failure is still one line and exit 2; the stack only with PIP_DOCTOR_DEBUG.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`pip-doctor: internal error: ${message.split('\n')[0]}\n`);
    if (io.env.PIP_DOCTOR_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
    return 2;
  }
}

void entry().then((code) => {
  process.exitCode = code;
  // Exit once the report is written: a stuck file-system call (scan's deadline) must not keep us alive.
  io.stdout.flush(() => process.exit(code));
});
