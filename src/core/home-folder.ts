// The user's home folder as os.homedir() finds it: HOME (USERPROFILE on Windows) when it is set,
// else the account database. node:os is loaded only in that last case: loading it costs ~0.4 ms
// of every start, and HOME is nearly always set.
export async function homeFolder(env: NodeJS.ProcessEnv, platform: string): Promise<string> {
  const fromEnv = platform === 'win32' ? env.USERPROFILE : env.HOME;
  if (fromEnv) return fromEnv;
  const { homedir } = await import('node:os');
  return homedir();
}
