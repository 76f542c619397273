// Evidence builders, so every check words the same facts the same way.
import type { Evidence } from '../core/types.js';
import type { Facts, PathFacts } from '../gather/facts.js';
import { describeOwnership, describeUser } from './derive.js';

export function pathEvidence(label: string, path: string): Evidence {
  return { label, value: path, path };
}

/** Owner and mode of a directory, or of the ancestor pip looked at when it does not exist. */
export function ownershipEvidence(p: PathFacts): Evidence[] {
  const looked = p.exists ? p.path : p.nearestExisting;
  const out: Evidence[] = [];
  if (!p.exists && looked) out.push({ label: 'does not exist; pip tests', value: looked, path: looked });
  out.push({ label: 'owner', value: describeOwnership(p), ...(looked ? { path: looked } : {}) });
  return out;
}

export function userEvidence(facts: Facts): Evidence {
  return { label: 'you are', value: describeUser(facts) };
}

export function writableEvidence(facts: Facts, p: PathFacts): Evidence {
  const how = facts.host.platform === 'win32' ? 'creating a test file there' : 'access(W_OK)';
  return {
    label: 'writable',
    value: p.writable ? `yes (${how})` : `no (${how} failed)`,
    path: p.exists ? p.path : (p.nearestExisting ?? p.path),
  };
}
