// The whole answer of `pip-doctor check`: what every renderer and `fix` work from.
import type { Facts } from '../gather/facts.js';
import type { Finding, Fix, Prediction } from './types.js';

export interface CheckReport {
  facts: Facts;
  /** The `pip install` arguments the prediction is for (after `--`). */
  installArgs: string[];
  prediction: Prediction;
  /** Most important first: errors, then warnings, then info. */
  findings: Finding[];
  /** Every fix referenced by a finding, safest first within each finding. */
  fixes: Fix[];
}
