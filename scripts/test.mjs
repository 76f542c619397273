// Runs the compiled tests (tsc writes them to build/) with node's test runner.
// `node scripts/test.mjs unit` runs only test/unit; no argument runs everything.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

mkdirSync('build/src/probe', { recursive: true });
copyFileSync('src/probe/probe.py', 'build/src/probe/probe.py');

const only = process.argv[2];
const roots = only ? [join('build/test', only)] : ['build/test/unit', 'build/test/system'];
const files = roots.flatMap((root) => walk(root)).filter((f) => f.endsWith('.test.js'));
if (files.length === 0) {
  console.error(`no test files under ${roots.join(', ')}`);
  process.exit(1);
}
// The tests' temporary files go into one folder of this run's, removed at the end, so a run
// leaves nothing behind even when a test is killed before its own clean-up. It is open to all
// like /tmp (sticky), because some tests drop to another uid.
const runTemp = mkdtempSync(join(tmpdir(), 'pip-doctor-tests-'));
chmodSync(runTemp, 0o1777);
// The CLI keeps compiled code in the user's cache folder; tests keep theirs in a folder of their own.
const compileCache = join(runTemp, 'compiled');
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env: { ...process.env, TMPDIR: runTemp, PIP_DOCTOR_COMPILE_CACHE: compileCache },
});
try {
  rmSync(runTemp, { recursive: true, force: true });
} catch (error) {
  console.error(`could not remove the tests' temporary folder ${runTemp}: ${error.message}`);
}
process.exit(result.status ?? 1);

function walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}
