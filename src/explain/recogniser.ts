// What a recogniser is: a pure matcher for one pip message, with its fact extractor.
import type { MessageFacts } from './types.js';

/** What a recogniser says about a line that follows its message. */
export type FollowVerdict = 'take' | 'end';

export interface Recogniser {
  kind: string;
  /**
   * Lower-case substrings, one of which must occur for `match` to run: a cheap filter that
   * keeps the cost per line low whatever the number of recognisers.
   */
  keys: readonly string[];
  /** The facts when the text is this message, else null. */
  match(text: string): MessageFacts | null;
  /** Lines after the first that belong to the message (hints, a box's body); may add facts. */
  follow?(line: string, facts: MessageFacts, taken: number): FollowVerdict;
  /** Lines `follow` may take at most, so a message never swallows the rest of a log. */
  maxFollow?: number;
}

/** Facts with the null/undefined values dropped, so JSON stays small. */
export function compact(facts: Record<string, MessageFacts[string] | undefined>): MessageFacts {
  const out: MessageFacts = {};
  for (const [key, value] of Object.entries(facts))
    if (value !== undefined && value !== null) out[key] = value;
  return out;
}
