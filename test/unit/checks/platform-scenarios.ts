// macOS and Windows: fixtures built from each platform's documented layout, with the golden
// list of finding and fix ids each must produce.
import { loadScenario, type Scenario } from './fixture.js';
import type { Expectation } from './linux-scenarios.js';

const EXPECTED: Record<string, Expectation> = {
  'macos/python-org-standard-user': {
    findings: ['site-packages-not-writable', 'scripts-dir-not-on-path'],
    fixes: ['create-venv', 'install-user-explicitly', 'add-scripts-to-path'],
  },
  'macos/homebrew-arm64-externally-managed': {
    findings: ['externally-managed'],
    fixes: ['create-venv', 'install-app-pipx'],
  },
  'macos/homebrew-x86_64-break-system-packages': {
    findings: ['externally-managed-overridden', 'config-breaks-system-packages'],
    fixes: ['create-venv', 'comment-out-break-system-packages'],
  },
  'macos/command-line-tools': {
    findings: ['macos-system-python', 'scripts-dir-not-on-path'],
    fixes: ['create-venv', 'install-python-homebrew', 'add-scripts-to-path'],
  },
  'macos/pyenv-and-clt-stub': {
    findings: ['macos-python-stub', 'path-commands-disagree'],
    fixes: ['install-python-homebrew', 'install-command-line-tools', 'use-python-m-pip'],
  },
  'windows/python-org-per-user': {
    findings: ['scripts-dir-not-on-path', 'pip-command-missing', 'path-commands-disagree'],
    fixes: ['add-scripts-to-path', 'use-python-m-pip'],
  },
  'windows/python-org-all-users': {
    findings: ['windows-program-files-no-admin', 'scripts-dir-not-on-path', 'path-commands-disagree'],
    fixes: ['create-venv', 'reinstall-python-per-user', 'add-scripts-to-path', 'use-python-m-pip'],
  },
  'windows/microsoft-store': {
    findings: ['scripts-dir-not-on-path', 'windows-store-python'],
    fixes: ['add-scripts-to-path', 'create-venv', 'install-python-org'],
  },
  'windows/py-launcher': {
    findings: ['path-commands-disagree'],
    fixes: ['use-python-m-pip'],
  },
  'windows/conda-base': {
    findings: ['conda-base-environment'],
    fixes: ['create-conda-env'],
  },
};

export const PLATFORM_SCENARIOS: Array<{ scenario: Scenario; expect: Expectation }> = Object.entries(
  EXPECTED,
).map(([name, expect]) => ({ scenario: loadScenario(name), expect }));
