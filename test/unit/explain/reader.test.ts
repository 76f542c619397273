import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DoctorError } from '../../../src/core/errors.js';
import { expandEscapedNewlines, normalizeLine } from '../../../src/explain/normalize.js';
import { LineSplitter, MAX_LINE_CHARS } from '../../../src/explain/reader.js';

function split(chunks: Array<Buffer | string>): Array<[string, number]> {
  const lines: Array<[string, number]> = [];
  const splitter = new LineSplitter((text, line) => lines.push([text, line]));
  for (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  return lines;
}

test('CRLF, LF and a missing final newline all end lines', () => {
  assert.deepEqual(split(['a\r\nb\nc']), [
    ['a', 1],
    ['b', 2],
    ['c', 3],
  ]);
});

test('a lone CR (progress bar redraw) splits segments that keep their line number', () => {
  assert.deepEqual(split(['10%\r100%\rDone\nnext\n']), [
    ['10%', 1],
    ['100%', 1],
    ['Done', 1],
    ['next', 2],
  ]);
});

test('a UTF-8 character split across chunks is decoded whole', () => {
  const bytes = Buffer.from('╰─> text\n', 'utf8');
  const parts = [...bytes].map((b) => Buffer.from([b]));
  assert.deepEqual(split(parts), [['╰─> text', 1]]);
});

test('over-long lines keep only their start and are counted', () => {
  const lines: string[] = [];
  const splitter = new LineSplitter((text) => lines.push(text));
  splitter.push('x'.repeat(MAX_LINE_CHARS * 3));
  splitter.push('\nshort\n');
  const stats = splitter.end();
  assert.equal(lines[0]?.length, MAX_LINE_CHARS);
  assert.equal(lines[1], 'short');
  assert.equal(stats.longLines, 1);
});

test('UTF-16LE (PowerShell 5 redirection), with or without BOM, is read as text', () => {
  const text = 'ERROR: Could not find an activated virtualenv (required).\r\n';
  const withBom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  assert.deepEqual(split([withBom]), [[text.trimEnd(), 1]]);
  assert.deepEqual(split([Buffer.from(text, 'utf16le')]), [[text.trimEnd(), 1]]);
});

test('binary input is refused with a one-line DoctorError', () => {
  let seed = 7;
  const random = Buffer.from(
    Buffer.alloc(20000, 0).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed >> 16;
    }),
  );
  assert.throws(
    () => split([random]),
    (error: unknown) =>
      error instanceof DoctorError && /binary/.test(error.message) && !error.message.includes('\n'),
  );
});

test('normalisation strips ANSI colours, CI timestamps and prefixes, keeps indentation', () => {
  assert.equal(normalizeLine('\x1b[31mERROR: x\x1b[0m'), 'ERROR: x');
  assert.equal(normalizeLine('2024-03-01T10:00:00.1234567Z   WARNING: y'), '  WARNING: y');
  assert.equal(
    normalizeLine('#7 0.612 error: externally-managed-environment'),
    'error: externally-managed-environment',
  );
  assert.equal(normalizeLine('[12:01:02] Defaulting'), 'Defaulting');
  assert.equal(normalizeLine('##[error]ERROR: z'), 'ERROR: z');
  assert.equal(normalizeLine('web-1  | ERROR: z'), 'ERROR: z');
  assert.equal(normalizeLine('[31mERROR: pasted without ESC[0m'), 'ERROR: pasted without ESC');
  assert.equal(normalizeLine('â•°â”€> text'), '╰─> text');
  assert.equal(
    normalizeLine('Can not perform a &#39;--user&#39; install'),
    "Can not perform a '--user' install",
  );
});

test('escaped newlines in one JSON string become lines; Windows paths are left alone', () => {
  assert.deepEqual(expandEscapedNewlines('"msg": "a\\nb\\nc"'), ['"msg": "a', 'b', 'c"']);
  const windows =
    "WARNING: The script x.exe is installed in 'C:\\Users\\nick\\new\\Scripts' which is not on PATH.";
  assert.deepEqual(expandEscapedNewlines(windows), [windows]);
});
