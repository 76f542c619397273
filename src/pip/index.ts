// PLACEHOLDER (owned by the pip-model work): pip's install-location decision.
import type { Prediction } from '../core/types.js';
import type { Facts } from '../gather/facts.js';

/** What `pip install <installArgs>` would do with these facts. Pure. */
export function predict(_facts: Facts, _installArgs: string[]): Prediction {
  throw new Error('pip model not implemented yet');
}

/** Every directory whose stat/writability `predict` will look up in facts.paths. Pure. */
export function pathsToInspect(_facts: Omit<Facts, 'paths'>, _installArgs: string[]): string[] {
  return [];
}
