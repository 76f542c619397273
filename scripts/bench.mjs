// Benchmark: `pip-doctor check --json` against pip's own `install --dry-run` for the same
// interpreter and the same tiny local wheel, interleaved, reporting medians and their ratio.
//   node scripts/bench.mjs [--python PATH] [--runs N]
// Needs a built dist/ (npm run build) and a pip >= 22.2 (for --dry-run).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

// A minimal wheel, written with the interpreter's own zipfile module (PyPI is not needed).
const WHEEL_SCRIPT_LINES = [
  'import os, sys, zipfile',
  'd = sys.argv[1]',
  'os.makedirs(d)',
  "z = zipfile.ZipFile(os.path.join(d, 'demo-1.0-py2.py3-none-any.whl'), 'w')",
  "z.writestr('demo/__init__.py', '')",
  "z.writestr('demo-1.0.dist-info/METADATA', 'Metadata-Version: 2.1\\nName: demo\\nVersion: 1.0\\n')",
  "z.writestr('demo-1.0.dist-info/WHEEL', 'Wheel-Version: 1.0\\nGenerator: bench\\nRoot-Is-Purelib: true\\nTag: py2-none-any\\nTag: py3-none-any\\n')",
  "z.writestr('demo-1.0.dist-info/RECORD', '')",
  'z.close()',
];
const WHEEL_SCRIPT = WHEEL_SCRIPT_LINES.join('\n');

const { values } = parseArgs({
  options: { python: { type: 'string' }, runs: { type: 'string', default: '15' } },
});
const python = values.python ?? defaultPython();
const runs = Number(values.runs);
const work = mkdtempSync(join(tmpdir(), 'pip-doctor-bench-'));
const wheels = join(work, 'wheels');

execFileSync(python, ['-c', WHEEL_SCRIPT, wheels]);
// pip-doctor's compiled code is cached in a folder of the bench's own (the warm-up run fills it),
// as it is for a user after their first run.
const env = {
  ...process.env,
  PIP_DISABLE_PIP_VERSION_CHECK: '1',
  PIP_NO_INPUT: '1',
  PIP_DOCTOR_COMPILE_CACHE: join(work, 'compiled'),
};
// Both answer the same question: what `pip install --no-index --find-links DIR demo` does here.
const installArgs = ['--no-index', '--find-links', wheels, 'demo'];
const contenders = {
  'pip-doctor check --json': [
    process.execPath,
    ['dist/cli.cjs', 'check', '--python', python, '--json', '--', ...installArgs],
  ],
  'pip install --dry-run': [python, ['-m', 'pip', 'install', '--dry-run', ...installArgs]],
};

// One warm-up each, then interleaved runs so both see the same machine state.
const times = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
for (let i = -1; i < runs; i++) {
  for (const [name, [command, args]] of Object.entries(contenders)) {
    const started = process.hrtime.bigint();
    const result = spawnSync(command, args, { env, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0 && !(name.startsWith('pip-doctor') && result.status === 1)) {
      console.error(
        `${name} failed (${result.status}): ${(result.stderr || result.stdout).trim().split('\n').pop()}`,
      );
      process.exit(2);
    }
    if (i >= 0) times[name].push(ms);
  }
}
rmSync(work, { recursive: true, force: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const doctor = median(times['pip-doctor check --json']);
const pip = median(times['pip install --dry-run']);
console.log(`interpreter: ${python}   runs: ${runs} each, interleaved`);
for (const [name, xs] of Object.entries(times)) {
  console.log(
    `${name.padEnd(26)} median ${median(xs).toFixed(1).padStart(7)} ms   min ${Math.min(...xs)
      .toFixed(1)
      .padStart(7)} ms`,
  );
}
console.log(`ratio (pip-doctor / pip --dry-run): ${(doctor / pip).toFixed(3)}   target <= 0.30`);

function defaultPython() {
  const found = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' });
  if (found.status !== 0) {
    console.error('no python3 on PATH; give --python PATH');
    process.exit(2);
  }
  return found.stdout.trim();
}
