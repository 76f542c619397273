// The shapes explain works with: normalised lines in, recognised messages and findings out.
import type { Finding, Fix } from '../core/types.js';

/** A fact value pulled out of a message: kept JSON-friendly and small. */
export type FactValue = string | number | boolean | string[] | null;
export type MessageFacts = Record<string, FactValue>;

/** One line of input after normalisation (ANSI, CRLF, CI prefixes removed). */
export interface InputLine {
  /** 1-based line number in the input as given. */
  line: number;
  text: string;
}

/** One pip (or shell) message recognised in the input. */
export interface ExplainMessage {
  kind: string;
  /** 1-based line where the message starts. */
  line: number;
  /** Last line of the message, when it spans several. */
  endLine?: number;
  /** The matched line(s), normalised. */
  text: string;
  facts: MessageFacts;
  /** Which pip run in the log this belongs to (1-based), when the log holds several. */
  run: number;
}

export type Confidence = 'high' | 'medium' | 'low';

export interface ExplainFinding extends Finding {
  /** How sure the inference is, and why. */
  confidence: Confidence;
  /** The message kinds and lines this finding rests on. */
  basis: Array<{ kind: string; line: number }>;
  /** What a live check on this machine showed, when the log's paths exist here. */
  confirmed?: string[];
}

/** What the input itself was like: size, how much was cut, which runs it held. */
export interface InputSummary {
  bytes: number;
  lines: number;
  /** Lines longer than the line limit (only their start was read). */
  longLines: number;
  /** Messages recognised but not listed (over the listing limit). */
  unlistedMessages: number;
  runs: number;
}

/** Context gathered across the whole log: the facts that messages alone do not carry. */
export interface LogContext {
  pipVersions: string[];
  pythonVersions: string[];
  /** Interpreter or pip paths seen in the log. */
  paths: string[];
  /** 'windows' | 'macos' | 'linux' | null, from path shapes and OS hints. */
  os: 'windows' | 'macos' | 'linux' | null;
  /** Hints such as dist-packages, WindowsApps, /opt/homebrew, Library/Python. */
  osHints: string[];
  /** Packages the user tried to install (from command lines and "Collecting" lines). */
  packages: string[];
  /** The pip command lines seen (prompt or CI trace lines). */
  commands: string[];
  /** The pip command line that started each run, when the log shows it. */
  runCommands: Array<{ run: number; command: string }>;
  /** Whether the log shows pip running as root (root warning, /root paths, a # prompt, sudo). */
  root: boolean;
  sudo: boolean;
  /** The user name the log's home folders or prompt show (ann in /home/ann, C:\\Users\\ann). */
  user: string | null;
  /** A virtual environment path seen in the log. */
  venv: string | null;
}

export interface ExplainReport {
  schemaVersion: 1;
  messages: ExplainMessage[];
  findings: ExplainFinding[];
  fixes: Fix[];
  context: LogContext;
  input: InputSummary;
}
