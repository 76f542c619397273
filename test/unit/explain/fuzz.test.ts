// Robustness: random bytes, mangled real logs, a 100 MB line, a flood of messages, and inputs built
// to make a backtracking regular expression explode. None may crash or take long.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DoctorError } from '../../../src/core/errors.js';
import { ExplainSession, explainText } from '../../../src/explain/index.js';
import { MAX_LISTED_MESSAGES } from '../../../src/explain/scanner.js';

const DIR = join(process.cwd(), 'test/fixtures/pip-output');

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function realLogs(): string[] {
  const texts: string[] = (
    JSON.parse(readFileSync(join(DIR, 'transcribed.json'), 'utf8')) as Array<{ text: string }>
  ).map((s) => s.text);
  const recorded = join(DIR, 'recorded');
  for (const scenario of readdirSync(recorded, { withFileTypes: true })) {
    if (!scenario.isDirectory()) continue;
    for (const file of readdirSync(join(recorded, scenario.name)))
      texts.push(readFileSync(join(recorded, scenario.name, file), 'utf8'));
  }
  return texts;
}

function tolerate(run: () => void): void {
  try {
    run();
  } catch (error) {
    // Refusing binary input is an answer, not a crash.
    if (!(error instanceof DoctorError)) throw error;
  }
}

test('random bytes: an answer or a clear refusal, never a crash', () => {
  const random = prng(42);
  const started = Date.now();
  for (let i = 0; i < 200; i++) {
    const size = Math.floor(random() * 20000);
    const bytes = Buffer.alloc(size);
    // Half the cases are mostly printable, so the scanner (not only the binary check) runs.
    const printable = i % 2 === 0;
    for (let j = 0; j < size; j++)
      bytes[j] = printable && random() < 0.95 ? 32 + Math.floor(random() * 95) : Math.floor(random() * 256);
    tolerate(() => {
      const session = new ExplainSession();
      session.push(bytes);
      session.finish();
    });
  }
  assert.ok(Date.now() - started < 10_000, 'fast');
});

test('mutated real logs: cut, spliced, recoloured, re-wrapped; never a crash', () => {
  const random = prng(7);
  const logs = realLogs();
  const junk = [
    '\x1b[31m',
    '\x1b[0m',
    '\r',
    '\r\n',
    '\n',
    '\t',
    '\u0000',
    '╰─>',
    "'",
    '"',
    ': ',
    '[Errno 13] ',
    '\\n',
    '  ',
    'é',
    '\ud83d',
  ];
  const started = Date.now();
  let runs = 0;
  for (const log of logs) {
    for (let round = 0; round < 8; round++) {
      let text = log;
      for (let k = 0; k < 10; k++) {
        const at = Math.floor(random() * (text.length + 1));
        const action = random();
        if (action < 0.4)
          text = text.slice(0, at) + junk[Math.floor(random() * junk.length)] + text.slice(at);
        else if (action < 0.7) text = text.slice(0, at) + text.slice(at + Math.floor(random() * 40));
        else if (action < 0.85)
          text =
            text.slice(0, at) +
            text.slice(Math.floor(random() * text.length), Math.floor(random() * text.length)) +
            text.slice(at);
        else text = text.replace(/(.{20,80}?) /g, (_m, head: string) => `${head}\n`);
      }
      tolerate(() => {
        const report = explainText(text);
        for (const m of report.messages) assert.ok(m.line >= 1);
      });
      runs++;
    }
  }
  assert.ok(runs > 100);
  assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
});

test('a 100 MB single line streams through in bounded time and memory, and the next line still counts', () => {
  const session = new ExplainSession();
  const chunk = Buffer.from('Collecting x '.repeat(80_660).slice(0, 1 << 20));
  const before = process.memoryUsage().heapUsed;
  const started = Date.now();
  for (let i = 0; i < 100; i++) session.push(chunk);
  session.push('\nERROR: Could not find an activated virtualenv (required).\n');
  const report = session.finish();
  const ms = Date.now() - started;
  const grown = process.memoryUsage().heapUsed - before;
  assert.ok(ms < 15_000, `took ${ms} ms`);
  assert.ok(grown < 64 * 1024 * 1024, `heap grew ${Math.round(grown / 1e6)} MB`);
  assert.equal(report.input.longLines, 1);
  assert.equal(report.input.bytes, 100 * (1 << 20) + 59);
  assert.deepEqual(
    report.messages.map((m) => [m.kind, m.line]),
    [['require-virtualenv', 2]],
  );
});

test('a flood of messages: the listing is capped, the count is not', () => {
  const session = new ExplainSession();
  const block = '$ pip install x\nERROR: Could not find an activated virtualenv (required).\n'.repeat(1000);
  for (let i = 0; i < 3; i++) session.push(block);
  const report = session.finish();
  assert.equal(report.messages.length, MAX_LISTED_MESSAGES);
  assert.equal(report.messages.length + report.input.unlistedMessages, 3000);
  assert.equal(report.findings.length, 1);
  assert.ok(report.findings[0] && report.findings[0].evidence.length <= 12);
});

test('inputs built to make regular expressions backtrack stay fast', () => {
  const n = 16_000;
  const evil = [
    `  WARNING: The scripts ${'a, '.repeat(n / 3)} are installed in '${"'".repeat(n / 4)}`,
    `ERROR: Could not install packages due to an OSError: [Errno 13] ${': '.repeat(n / 2)}`,
    `${': '.repeat(n / 4)}bad interpreter${': /'.repeat(n / 4)}`,
    `${' '.repeat(n)}Can not combine`,
    `${'\x1b['.repeat(n / 2)}`,
    `${'['.repeat(n / 2)}1;${'1;'.repeat(n / 4)}`,
    `${'2024-01-01T00:00:00Z '.repeat(n / 21)}`,
    `${'\\n'.repeat(n / 2)}`,
    `No module named ${'pip'.repeat(n / 3)}`,
    `The directory '${"x'".repeat(n / 2)} or its parent directory is not owned`,
    `${'pip install '.repeat(n / 12)}`,
    `Fatal error in launcher: Unable to create process using ${'"'.repeat(n / 2)}`,
  ];
  for (const line of evil) {
    const started = Date.now();
    explainText(`${line}\n${line}\n${line}\n`);
    const ms = Date.now() - started;
    assert.ok(ms < 1000, `${ms} ms for ${JSON.stringify(line.slice(0, 40))}`);
  }
});
