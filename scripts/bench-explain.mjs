// Throughput and peak memory of `explain` on a large generated pip log.
// Usage: npx tsc -p tsconfig.json && node scripts/bench-explain.mjs [MEGABYTES=200]
// The log is generated chunk by chunk while it is read, so it is never held in memory: the RSS
// figure is explain's own.
import { performance } from 'node:perf_hooks';

const { ExplainSession } = await import('../build/src/explain/index.js').catch(() => {
  console.error('bench-explain: build first (npx tsc -p tsconfig.json)');
  process.exit(2);
});

const megabytes = Number(process.argv[2] ?? 200);
// A realistic mix: mostly ordinary pip lines (with CI timestamps and colour), some messages.
const ORDINARY = [
  'Collecting requests==2.31.0',
  '  Downloading requests-2.31.0-py3-none-any.whl (62 kB)',
  '     \x1b[90m━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━\x1b[0m \x1b[32m62.6/62.6 kB\x1b[0m \x1b[31m3.1 MB/s\x1b[0m eta \x1b[36m0:00:00\x1b[0m',
  'Requirement already satisfied: idna<4,>=2.5 in /usr/lib/python3/dist-packages (from requests) (3.3)',
  'Installing collected packages: charset-normalizer, certifi, urllib3, requests',
  '2024-03-01T10:00:00.1234567Z Building wheel for numpy (pyproject.toml): started',
  '  Stored in directory: /home/runner/.cache/pip/wheels/ab/cd/ef0123456789',
  'Successfully installed certifi-2024.2.2 charset-normalizer-3.3.2 requests-2.31.0 urllib3-2.2.1',
];
const MESSAGES = [
  'Defaulting to user installation because normal site-packages is not writeable',
  "  WARNING: The script normalizer is installed in '/home/runner/.local/bin' which is not on PATH.",
  '  Consider adding this directory to PATH or, if you prefer to suppress this warning, use --no-warn-script-location.',
  "ERROR: Could not install packages due to an OSError: [Errno 13] Permission denied: '/usr/lib/python3/dist-packages/x'",
  "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv",
  '$ pip install requests',
];

function block() {
  const lines = [];
  for (let i = 0; i < 200; i++) lines.push(ORDINARY[i % ORDINARY.length]);
  lines.push(...MESSAGES);
  return Buffer.from(`${lines.join('\n')}\n`);
}

// About 1 MiB per push, like a file read.
const one = block();
const chunk = Buffer.concat(Array.from({ length: Math.ceil((1 << 20) / one.length) }, () => one));
const total = megabytes * 1024 * 1024;
const session = new ExplainSession();
let peakRss = process.memoryUsage().rss;
const started = performance.now();
let fed = 0;
while (fed < total) {
  session.push(chunk);
  fed += chunk.length;
  if ((fed / chunk.length) % 8 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const report = session.finish();
const seconds = (performance.now() - started) / 1000;
peakRss = Math.max(peakRss, process.memoryUsage().rss, (process.resourceUsage().maxRSS ?? 0) * 1024);
const mb = fed / 1024 / 1024;
console.log(
  JSON.stringify(
    {
      inputMB: Math.round(mb),
      lines: report.input.lines,
      seconds: Number(seconds.toFixed(2)),
      throughputMBps: Number((mb / seconds).toFixed(1)),
      peakRssMB: Math.round(peakRss / 1024 / 1024),
      messagesListed: report.messages.length,
      messagesUnlisted: report.input.unlistedMessages,
      runs: report.input.runs,
      findings: report.findings.map((f) => f.id),
    },
    null,
    2,
  ),
);
