// PYTHONHOME / PYTHONPATH / PYTHONUSERBASE / PYTHONNOUSERSITE change where Python looks and pip writes.

import type { Severity } from '../../core/types.js';
import { unsetEnvFix } from '../../fixes/settings.js';
import { envVar } from '../derive.js';
import type { Check, Diagnosis } from '../types.js';

const VARS: Array<{ name: string; severity: Severity; effect: string }> = [
  {
    name: 'PYTHONHOME',
    severity: 'warning',
    effect: 'moves the standard library and site-packages of every Python you run',
  },
  {
    name: 'PYTHONPATH',
    severity: 'warning',
    effect: 'puts extra folders ahead of site-packages, so imports can find other copies than pip installed',
  },
  {
    name: 'PYTHONUSERBASE',
    severity: 'info',
    effect: 'moves the user site (where --user installs go) and its scripts folder',
  },
  {
    name: 'PYTHONNOUSERSITE',
    severity: 'info',
    effect: 'turns the user site off, so pip never falls back to it',
  },
];

const idFor = (name: string) => `${name.toLowerCase()}-set`;

export const pythonEnvVars: Check = {
  id: 'python-env-vars',
  findings: VARS.map((v) => idFor(v.name)),
  run(context) {
    const { facts } = context;
    // python -E / -I ignores them.
    if (facts.probe.python.flags.ignoreEnvironment) return [];
    return VARS.flatMap(({ name, severity, effect }): Diagnosis[] => {
      const value = envVar(facts, name);
      if (value === undefined || value === '') return [];
      return [
        {
          finding: {
            id: idFor(name),
            cause: 'misconfigured-install',
            severity,
            title: `${name} is set`,
            evidence: [
              { label: name, value, ...(value.includes('/') || value.includes('\\') ? { path: value } : {}) },
            ],
            explanation: `${name} ${effect}.`,
          },
          fixes: [unsetEnvFix(facts, name, idFor(name))],
        },
      ];
    });
  },
};
