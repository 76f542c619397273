// `--user` together with `--target` or `--prefix` on the command line: pip stops before installing.
import { makeFix } from '../../fixes/make-fix.js';
import { pipCommand } from '../../fixes/python.js';
import { shellOf } from '../../fixes/shell.js';
import { pathApi } from '../derive.js';
import { pathEvidence } from '../evidence.js';
import type { Check } from '../types.js';

const WITH_TARGET = 'user-with-target';
const WITH_PREFIX = 'user-with-prefix';

export const conflictingOptions: Check = {
  id: 'conflicting-options',
  findings: [WITH_TARGET, WITH_PREFIX],
  run(context) {
    const { facts, prediction, installArgs } = context;
    const other =
      prediction.outcome === 'error-user-target-conflict'
        ? 'target'
        : prediction.outcome === 'error-user-prefix-conflict'
          ? 'prefix'
          : null;
    if (!other) return [];
    const user = prediction.settings.find((s) => s.option === 'user' || s.option === 'no-user');
    // A --user that comes from a config file or PIP_USER is config-sets-install-location's finding.
    if (user && user.from !== 'command line') return [];
    const id = other === 'target' ? WITH_TARGET : WITH_PREFIX;
    const withoutUser = installArgs.filter((a) => a !== '--user');
    const place = prediction.settings.find((s) => s.option === other);
    return [
      {
        finding: {
          id,
          cause: 'misconfigured-install',
          severity: 'error',
          title: `--user and --${other} name two different places to install`,
          evidence: [
            { label: 'command line', value: ['pip install', ...installArgs].join(' ') },
            ...(place
              ? [pathEvidence(`--${other}`, pathApi(facts).resolve(facts.host.cwd, place.value))]
              : []),
          ],
          explanation: `pip refuses before installing anything. --${other} already says where the files go.`,
        },
        fixes: [
          makeFix({
            id: 'drop-user-flag',
            title: `leave out --user and keep --${other}`,
            kind: 'safe',
            commands: [pipCommand(facts, 'install', ...withoutUser)],
            shell: shellOf(facts),
            for: [id],
          }),
        ],
      },
    ];
  },
};
