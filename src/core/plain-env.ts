// process.env is a live view: each read of it is a call into C++, and a scan reads it thousands of
// times. A plain copy answers the same on POSIX. Windows keeps the live object: only it treats
// variable names case-insensitively there.
export function plainEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return env === process.env && process.platform !== 'win32' ? { ...env } : env;
}
