// What a check is: a pure function from the gathered facts (and pip's predicted decision) to findings.
import type { Finding, Fix, Prediction } from '../core/types.js';
import type { Facts } from '../gather/facts.js';

export interface CheckContext {
  facts: Facts;
  prediction: Prediction;
  installArgs: string[];
}

/** A finding with the fixes built for it (the finding's `fixes` ids are filled in from these). */
export interface Diagnosis {
  finding: Omit<Finding, 'fixes'>;
  fixes: Fix[];
}

export interface Check {
  /** kebab-case, stable; also the module's name. */
  id: string;
  /** Every finding id the check can report (the registry meta-test holds checks to it). */
  findings: readonly string[];
  run(context: CheckContext): Diagnosis[];
}
