// `explain`: pip's output in, messages and findings out. Streaming: feed chunks of any size.
import type { Shell } from '../gather/facts.js';
import { fixContext } from './fixes.js';
import { infer } from './infer.js';
import { confirmLive, type LiveOptions, type LiveResult } from './live.js';
import { LineSplitter } from './reader.js';
import { Scanner } from './scanner.js';
import type { ExplainReport } from './types.js';

export type { LiveOptions, LiveResult } from './live.js';
export { MESSAGE_KINDS } from './recognisers/index.js';
export type { ExplainFinding, ExplainMessage, ExplainReport, LogContext } from './types.js';

export interface ExplainOptions {
  /** How to call the input in messages ("the input", a file name). */
  name?: string;
  /** The shell to write fixes for when the log does not show its OS (default: bash). */
  shell?: Shell;
}

/** A session: push chunks as they arrive, then `finish`. */
export class ExplainSession {
  private readonly scanner = new Scanner();
  private readonly splitter: LineSplitter;

  constructor(private readonly options: ExplainOptions = {}) {
    this.splitter = new LineSplitter(
      (text, line) => this.scanner.feed(text, line),
      options.name ?? 'the input',
    );
  }

  push(chunk: Buffer | string): void {
    this.splitter.push(chunk);
  }

  finish(): ExplainReport {
    const stats = this.splitter.end();
    const scan = this.scanner.finish();
    const fc = fixContext(scan.context, this.options.shell ?? 'bash');
    const { findings, fixes } = infer(scan.messages, scan.context, fc);
    return {
      schemaVersion: 1,
      messages: scan.messages,
      findings,
      fixes,
      context: scan.context,
      input: {
        bytes: stats.bytes,
        lines: stats.lines,
        longLines: stats.longLines,
        unlistedMessages: scan.unlisted,
        runs: scan.runs,
      },
    };
  }
}

/** Explains a whole text (tests, the library API). */
export function explainText(text: string, options: ExplainOptions = {}): ExplainReport {
  const session = new ExplainSession(options);
  session.push(text);
  return session.finish();
}

/** Explains a stream (a file, standard input) without holding it in memory. */
export async function explainStream(
  stream: AsyncIterable<Buffer | string>,
  options: ExplainOptions = {},
): Promise<ExplainReport> {
  const session = new ExplainSession(options);
  for await (const chunk of stream) session.push(chunk);
  return session.finish();
}

/** Adds live confirmation to a report (optional; off in unit tests). */
export async function confirmReport(
  report: ExplainReport,
  options: LiveOptions,
): Promise<ExplainReport & { live: LiveResult }> {
  const live = await confirmLive(report.findings, report.messages, report.context, options);
  return { ...report, live };
}
