// Bundles the CLI and the library into dist/. Commands are separate chunks loaded on demand,
// so `pip-doctor check` never parses the code of `scan` or `explain`.
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist');
await build({
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  define: {
    __PIP_DOCTOR_VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version),
  },
  logLevel: 'warning',
});
copyFileSync('src/probe/probe.py', 'dist/probe.py');
chmodSync('dist/cli.js', 0o755);
