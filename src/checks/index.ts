// PLACEHOLDER (owned by the diagnosis work): runs every check over the facts.
import type { Finding, Fix, Prediction } from '../core/types.js';
import type { Facts } from '../gather/facts.js';

export interface CheckContext {
  facts: Facts;
  prediction: Prediction;
  installArgs: string[];
}

export function runChecks(_context: CheckContext): { findings: Finding[]; fixes: Fix[] } {
  return { findings: [], fixes: [] };
}
