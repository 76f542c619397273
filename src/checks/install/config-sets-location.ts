// A pip config file or PIP_* variable the user may have forgotten decides where installs go.
import type { SettingSource } from '../../core/types.js';
import type { DoctorFix } from '../../fixes/make-fix.js';
import { undoSettingFix } from '../../fixes/settings.js';
import type { Facts } from '../../gather/facts.js';
import { describeSource, hiddenSettings, isAbsolutePath } from '../derive.js';
import type { Check, Diagnosis } from '../types.js';

const LOCATION = 'config-sets-install-location';
const BREAKS = 'config-breaks-system-packages';
const REQUIRE = 'config-requires-virtualenv';

const LOCATION_KEYS = new Set(['user', 'no-user', 'target', 'prefix', 'root']);
const REQUIRE_KEYS = new Set(['require-virtualenv', 'require-venv']);

function evidenceOf(facts: Facts, s: SettingSource) {
  const isFile = isAbsolutePath(facts, s.from);
  return { label: `${s.option} = ${s.value}`, value: describeSource(s), ...(isFile ? { path: s.from } : {}) };
}

export const configSetsLocation: Check = {
  id: LOCATION,
  findings: [LOCATION, BREAKS, REQUIRE],
  run(context) {
    const { facts, prediction } = context;
    const hidden = hiddenSettings(prediction.settings);
    const out: Diagnosis[] = [];
    const add = (
      id: string,
      settings: SettingSource[],
      finding: Omit<Diagnosis['finding'], 'id' | 'evidence'>,
    ) => {
      if (settings.length === 0) return;
      const fixes = settings
        .map((s) => undoSettingFix(facts, s, id))
        .filter((f): f is DoctorFix => f !== null);
      out.push({ finding: { id, evidence: settings.map((s) => evidenceOf(facts, s)), ...finding }, fixes });
    };
    const location = hidden.filter((s) => LOCATION_KEYS.has(s.option));
    add(LOCATION, location, {
      cause: 'misconfigured-install',
      severity: prediction.outcome.startsWith('error-') ? 'error' : 'warning',
      title: `pip's configuration sets ${location.map((s) => `${s.option} = ${s.value}`).join(', ')} for every install`,
      explanation:
        'Every `pip install` goes there unless the command line says otherwise, which is easy to forget.',
    });
    const breaks = hidden.filter(
      (s) => s.option === 'break-system-packages' && /^(y|yes|t|true|on|1)$/i.test(s.value),
    );
    add(BREAKS, breaks, {
      cause: 'package-manager',
      severity: 'warning',
      title: "pip's configuration turns off the externally-managed protection (break-system-packages)",
      explanation:
        'pip will write into Pythons that belong to your OS or package manager, which can break tools that depend on them.',
    });
    const requires = hidden.filter(
      (s) => REQUIRE_KEYS.has(s.option) && /^(y|yes|t|true|on|1)$/i.test(s.value),
    );
    add(REQUIRE, prediction.outcome === 'error-require-virtualenv' ? requires : [], {
      cause: 'virtualenv',
      severity: 'error',
      title: "pip's configuration only allows installs inside an active virtual environment",
      explanation:
        'Activate a virtual environment first; the setting is a guard against installing into a system Python.',
    });
    return out;
  },
};
