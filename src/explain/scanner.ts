// The recogniser engine: normalised lines in, messages out. It keeps only the last two lines (to
// re-join a message a terminal or CI log wrapped) and the one message still taking lines.
import { ContextCollector } from './context.js';
import { expandEscapedNewlines, normalizeLine } from './normalize.js';
import type { Recogniser } from './recogniser.js';
import { finishExternallyManaged } from './recognisers/externally-managed.js';
import { LONGEST_KEY, mayMatch, RECOGNISERS } from './recognisers/index.js';
import { RETYPE } from './recognisers/os-error.js';
import type { ExplainMessage, LogContext, MessageFacts } from './types.js';

/** Messages listed in full; beyond this they are only counted (memory stays bounded). */
export const MAX_LISTED_MESSAGES = 500;
const MAX_MESSAGE_TEXT = 4000;
const JOIN_PART = 2000;
// Lines that start a fresh pip line: never the tail of a wrapped one.
const FRESH =
  /^(?:Collecting|Downloading|Requirement already|Installing|Successfully|Processing|Using cached|Building|Looking in|ERROR:|WARNING:|DEPRECATION:|Obtaining|Preparing|Created wheel|Stored in|Attempting|Found existing|Uninstalling|\$ |\+ )/;
// Kinds that end a pip run when they appear (pip exits after them).
const FATAL = new Set([
  'externally-managed',
  'permission-denied',
  'read-only-filesystem',
  'user-in-virtualenv',
  'user-site-disabled',
  'require-virtualenv',
  'user-prefix-conflict',
  'user-target-conflict',
  'install-os-error',
]);

interface Recent {
  line: number;
  text: string;
  used: boolean;
  /** Whether the line holds a recogniser key: only then (or across a cut) can a join match. */
  keyed: boolean;
}

interface Open {
  recogniser: Recogniser;
  message: ExplainMessage;
  taken: number;
}

export interface ScanResult {
  messages: ExplainMessage[];
  unlisted: number;
  /** Every kind seen, with how often, including unlisted messages. */
  counts: Map<string, number>;
  context: LogContext;
  runs: number;
}

export class Scanner {
  private readonly messages: ExplainMessage[] = [];
  private readonly counts = new Map<string, number>();
  private unlisted = 0;
  private open: Open | null = null;
  private recent: Recent[] = [];
  private readonly lastKindLine = new Map<string, number>();
  /** Listed messages by run and kind, to fold repeats without scanning the whole list. */
  private readonly byRunKind = new Map<string, ExplainMessage[]>();
  private readonly collector = new ContextCollector();

  /** One raw line as read (before normalisation), with its 1-based number. */
  feed(raw: string, line: number): void {
    for (const text of expandEscapedNewlines(normalizeLine(raw))) this.feedText(text, line);
  }

  finish(): ScanResult {
    this.close();
    const context = this.collector.finish();
    return {
      messages: this.messages,
      unlisted: this.unlisted,
      counts: this.counts,
      context,
      runs: this.collector.run,
    };
  }

  private feedText(text: string, line: number): void {
    // A line an open message may take (the PEP 668 box quoting `pip install xyz`) is no command.
    const run = this.collector.observe(
      text,
      this.open?.recogniser.kind === 'externally-managed' && this.open.message.facts.ended !== true,
    );
    if (this.open) {
      const { recogniser, message } = this.open;
      if (
        this.open.taken < (recogniser.maxFollow ?? 0) &&
        recogniser.follow?.(text, message.facts, this.open.taken) === 'take'
      ) {
        this.open.taken++;
        if (message.text.length < MAX_MESSAGE_TEXT) message.text += `\n${text.slice(0, MAX_MESSAGE_TEXT)}`;
        message.endLine = line;
        this.remember({ line, text, used: true, keyed: false });
        return;
      }
      this.close();
    }
    const current: Recent = { line, text, used: false, keyed: false };
    if (text.trim() !== '') {
      const lower = text.toLowerCase();
      current.keyed = mayMatch(lower);
      if (current.keyed && this.tryMatch(text, line, line, run, lower)) current.used = true;
      else if (this.tryJoins(current, run)) current.used = true;
    }
    this.remember(current);
  }

  private remember(entry: Recent): void {
    this.recent.push(entry);
    if (this.recent.length > 2) this.recent.shift();
  }

  /** A message wrapped over two or three lines: try the joins a terminal or CI would have cut. */
  private tryJoins(current: Recent, run: number): boolean {
    const tail = current.text.trim();
    if (FRESH.test(tail)) return false;
    const prev = this.recent[this.recent.length - 1];
    if (!prev || prev.used || prev.text.trim().length < 40) return false;
    const first = this.recent[this.recent.length - 2];
    const firstUsable = first !== undefined && !first.used && first.text.trim().length >= 40;
    const cutKeyed = (left: string, right: string) =>
      mayMatch(`${left.slice(-LONGEST_KEY)}${right.slice(0, LONGEST_KEY)}`.toLowerCase()) ||
      mayMatch(
        `${left.trimEnd().slice(-LONGEST_KEY)} ${right.trimStart().slice(0, LONGEST_KEY)}`.toLowerCase(),
      );
    const keyed =
      prev.keyed ||
      current.keyed ||
      cutKeyed(prev.text, current.text) ||
      (firstUsable && (first.keyed || cutKeyed(first.text, prev.text)));
    if (!keyed) return false;
    const a = prev.text.slice(-JOIN_PART);
    const b = current.text.slice(0, JOIN_PART);
    if (this.tryMatch(`${a}${tail}`, prev.line, current.line, run)) return true;
    if (this.tryMatch(`${a.trimEnd()} ${tail}`, prev.line, current.line, run)) return true;
    if (!first || !firstUsable) return false;
    const f = first.text.slice(-JOIN_PART);
    if (this.tryMatch(`${f}${a.trim()}${b.trim()}`, first.line, current.line, run)) return true;
    return this.tryMatch(`${f.trimEnd()} ${a.trim()} ${b.trim()}`, first.line, current.line, run);
  }

  private tryMatch(text: string, startLine: number, endLine: number, run: number, known?: string): boolean {
    const lower = known ?? text.toLowerCase();
    if (known === undefined && !mayMatch(lower)) return false;
    for (const recogniser of RECOGNISERS) {
      if (!recogniser.keys.some((key) => lower.includes(key))) continue;
      // A wrapped message already matched on its first line must not match again through a join.
      if (startLine !== endLine && (this.lastKindLine.get(recogniser.kind) ?? 0) >= startLine) continue;
      const facts = recogniser.match(text);
      if (!facts) continue;
      this.lastKindLine.set(recogniser.kind, endLine);
      this.emit(recogniser, text, facts, startLine, endLine, run);
      return true;
    }
    return false;
  }

  private emit(
    recogniser: Recogniser,
    text: string,
    facts: MessageFacts,
    line: number,
    endLine: number,
    run: number,
  ): void {
    const message: ExplainMessage = {
      kind: recogniser.kind,
      line,
      ...(endLine !== line ? { endLine } : {}),
      text: text.trim().slice(0, MAX_MESSAGE_TEXT),
      facts,
      run,
    };
    if (FATAL.has(message.kind)) this.collector.endRun();
    if (recogniser.follow) this.open = { recogniser, message, taken: 0 };
    else this.store(message);
  }

  private close(): void {
    if (!this.open) return;
    const { message } = this.open;
    this.open = null;
    if (message.kind === 'externally-managed') finishExternallyManaged(message.facts);
    const retype = message.facts[RETYPE];
    if (typeof retype === 'string') {
      message.kind = retype;
      delete message.facts[RETYPE];
    }
    this.store(message);
  }

  /** Merges repeats of the same message in one run (pip 9's traceback after the error, one warning per wheel). */
  private store(message: ExplainMessage): void {
    this.collector.absorb(message);
    this.counts.set(message.kind, (this.counts.get(message.kind) ?? 0) + 1);
    const key = dedupeKey(message);
    const slot = `${message.run}|${message.kind}`;
    const same = (this.byRunKind.get(slot) ?? []).find(
      (m) =>
        m.run === message.run &&
        m.kind === message.kind &&
        (dedupeKey(m) === key || message.facts.source === 'traceback' || m.facts.source === 'traceback'),
    );
    if (same) {
      mergeFacts(same.facts, message.facts);
      return;
    }
    if (this.messages.length >= MAX_LISTED_MESSAGES) {
      this.unlisted++;
      return;
    }
    message.text = detach(message.text);
    detachFacts(message.facts);
    this.messages.push(message);
    const list = this.byRunKind.get(slot);
    if (list) list.push(message);
    else this.byRunKind.set(slot, [message]);
  }
}

/**
 * A copy that does not share memory with the chunk it was cut from: V8 keeps a whole decoded
 * chunk alive for any slice of it, and kept messages must not hold megabytes of log.
 */
export function detach(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

function detachFacts(facts: MessageFacts): void {
  for (const [key, value] of Object.entries(facts)) {
    if (typeof value === 'string') facts[key] = detach(value);
    else if (Array.isArray(value)) facts[key] = value.map(detach);
  }
}

function dedupeKey(message: ExplainMessage): string {
  const f = message.facts;
  return String(f.path ?? f.directory ?? f.script ?? f.interpreter ?? f.command ?? '');
}

function mergeFacts(into: MessageFacts, from: MessageFacts): void {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    if (existing === undefined) into[key] = value;
    else if (Array.isArray(existing) && Array.isArray(value)) {
      for (const item of value) if (!existing.includes(item) && existing.length < 50) existing.push(item);
    }
  }
}
