// Bundles the CLI and the library into dist/.
//
// The CLI is CommonJS: Node starts a CommonJS entry without its ES module loader, which alone
// costs more than a cached scan takes. The entry (dist/cli.cjs) holds only argument dispatch and
// the error line. Every module the source loads with `import()` (a command, the diagnosis, scan's
// locators) is a bundle of its own in dist/cli/, required only when that code runs: `pip-doctor
// scan` with a valid cache never compiles the locators, and `check` starts the interpreter before
// it compiles the diagnosis. Bundles share no module instances, so errors crossing them are
// recognised by isDoctorError, never instanceof (src/core/errors.ts).
// The library (dist/index.js) is an ES module, as package.json's "exports" promises.
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { build } from 'esbuild';

/** Source module loaded with import() -> its bundle in dist/cli/. */
const LAZY = {
  'src/commands/check.ts': 'check',
  'src/commands/explain.ts': 'explain',
  'src/commands/fix.ts': 'fix',
  'src/commands/scan.ts': 'scan',
  'src/diagnose.ts': 'diagnose',
  'src/report/index.ts': 'report',
  'src/scan/cold-scan.ts': 'scan-cold',
  'src/scan/probe.ts': 'scan-probe',
};
const ENTRY = resolve('src/cli/main.ts');
const define = {
  __PIP_DOCTOR_VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version),
};

/** Turns `import('./x.js')` of a LAZY module into `require('./cli/NAME.cjs')`, relative to the bundle. */
const lazyBundles = {
  name: 'lazy-bundles',
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const source = relative('.', resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts')));
      const name = LAZY[source.replace(/\\/g, '/')];
      if (name === undefined)
        throw new Error(`${args.importer}: import() of ${args.path}, not listed in LAZY`);
      // Only the entry's own modules (src/cli/) end up in dist/cli.cjs; all other bundles are in dist/cli/.
      const fromEntry = resolve(args.importer).startsWith(resolve('src/cli'));
      return { path: `./${fromEntry ? 'cli/' : ''}${name}.cjs`, external: true };
    });
  },
};

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist');
await Promise.all([
  build({
    entryPoints: [
      { in: ENTRY, out: 'cli' },
      ...Object.entries(LAZY).map(([source, name]) => ({ in: source, out: `cli/${name}` })),
    ],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    // import() becomes require(): a lazy bundle never goes through the ES module loader.
    supported: { 'dynamic-import': false },
    plugins: [lazyBundles],
    // run-probe.ts finds probe.py next to its own bundle; main.ts finds the bundles beside itself.
    define: { ...define, 'import.meta.url': 'importMeta.url', 'import.meta.dirname': '__dirname' },
    inject: ['scripts/import-meta-url.cjs.js'],
    logLevel: 'warning',
  }),
  build({
    entryPoints: { index: 'src/index.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir: 'dist',
    chunkNames: 'chunks/[name]-[hash]',
    define,
    logLevel: 'warning',
  }),
]);
copyFileSync('src/probe/probe.py', 'dist/probe.py');
chmodSync('dist/cli.cjs', 0o755);
