// Streaming line reader: bytes in, bounded lines out. Memory stays independent of the input:
// a line longer than the limit keeps only its start, and nothing else is buffered.
import { StringDecoder } from 'node:string_decoder';
import { DoctorError } from '../core/errors.js';

/** pip's longest real lines (a long Windows path in a warning) fit well inside this. */
export const MAX_LINE_CHARS = 16 * 1024;
const SNIFF_BYTES = 8 * 1024;

export type Encoding = 'utf8' | 'utf16le';

export interface ReadStats {
  bytes: number;
  lines: number;
  longLines: number;
}

/** Decides text or binary (and the encoding) from the first bytes; throws DoctorError for binary. */
export function sniffEncoding(sample: Uint8Array, name: string): Encoding {
  if (sample.length >= 2 && sample[0] === 0xff && sample[1] === 0xfe) return 'utf16le';
  if (sample.length >= 2 && sample[0] === 0xfe && sample[1] === 0xff) {
    throw new DoctorError(
      `${name} is UTF-16 big-endian text; convert it to UTF-8 first (iconv -f UTF-16BE -t UTF-8)`,
    );
  }
  let nul = 0;
  let oddNul = 0;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i] as number;
    if (byte === 0) {
      nul++;
      if (i % 2 === 1) oddNul++;
    } else if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b) || byte === 0x7f) control++;
  }
  // Windows PowerShell 5 writes `>` redirections as UTF-16LE; without a BOM every odd byte is NUL.
  if (sample.length >= 16 && oddNul >= sample.length * 0.4) return 'utf16le';
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(sample);
  let replaced = 0;
  for (const char of decoded) if (char === '\ufffd') replaced++;
  const size = Math.max(sample.length, 1);
  if (nul > size * 0.01 || (control + replaced) / size > 0.15) {
    throw new DoctorError(
      `${name} looks like a binary file, not pip's output (${nul} NUL and ${control + replaced} non-text bytes in the first ${sample.length}); give the text pip printed`,
    );
  }
  return 'utf8';
}

/**
 * Push bytes in with `push`, call `end` once; `onLine` gets every line with its 1-based number.
 * CRLF and LF end lines; a lone CR (a progress bar redrawing itself) splits a line into segments
 * that keep the same line number.
 */
export class LineSplitter {
  readonly stats: ReadStats = { bytes: 0, lines: 0, longLines: 0 };
  private decoder: StringDecoder | null = null;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private partial = '';
  private overflow = false;

  constructor(
    private readonly onLine: (text: string, line: number) => void,
    private readonly name = 'the input',
  ) {}

  push(chunk: Buffer | string): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    this.stats.bytes += bytes.length;
    if (this.decoder === null) {
      // Hold back until there is enough to tell text from binary.
      this.pending.push(bytes);
      this.pendingBytes += bytes.length;
      if (this.pendingBytes < SNIFF_BYTES) return;
      this.startDecoding();
      return;
    }
    this.take(this.decoder.write(bytes));
  }

  end(): ReadStats {
    if (this.decoder === null) this.startDecoding();
    this.take((this.decoder as StringDecoder).end());
    if (this.partial.length > 0 || this.overflow) this.emit();
    return this.stats;
  }

  private startDecoding(): void {
    const head = Buffer.concat(this.pending);
    this.pending = [];
    const encoding = sniffEncoding(head.subarray(0, SNIFF_BYTES), this.name);
    this.decoder = new StringDecoder(encoding);
    let text = this.decoder.write(head);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    this.take(text);
  }

  private take(text: string): void {
    let from = 0;
    while (from < text.length) {
      const newline = text.indexOf('\n', from);
      const end = newline < 0 ? text.length : newline;
      this.append(text, from, end);
      if (newline < 0) break;
      this.emit();
      from = newline + 1;
    }
  }

  private append(text: string, from: number, end: number): void {
    if (this.overflow || end <= from) return;
    const room = MAX_LINE_CHARS - this.partial.length;
    if (end - from > room) {
      this.partial += text.slice(from, from + room);
      this.overflow = true;
    } else {
      this.partial += text.slice(from, end);
    }
  }

  private emit(): void {
    this.stats.lines++;
    if (this.overflow) this.stats.longLines++;
    let line = this.partial;
    this.partial = '';
    this.overflow = false;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.includes('\r')) {
      for (const segment of line.split('\r'))
        if (segment.trim() !== '') this.onLine(segment, this.stats.lines);
      return;
    }
    this.onLine(line, this.stats.lines);
  }
}
