// Every check, in the order their findings read best when severities tie.
import { commandsDisagree } from './install/commands-disagree.js';
import { configSetsLocation } from './install/config-sets-location.js';
import { conflictingOptions } from './install/conflicting-options.js';
import { pipMissing } from './install/pip-missing.js';
import { pythonEnvVars } from './install/python-env-vars.js';
import { siteDirMissing } from './install/site-dir-missing.js';
import { condaBase } from './managers/conda-base.js';
import { externallyManaged } from './managers/externally-managed.js';
import { rootIntoDistroPython } from './managers/root-into-distro-python.js';
import { macosSystemPython } from './os/macos-system-python.js';
import { readOnlyFilesystem } from './os/read-only-filesystem.js';
import { windowsInstall } from './os/windows-install.js';
import { scriptsNotOnPath } from './path/scripts-not-on-path.js';
import { sitePackagesNotWritable } from './permissions/site-packages-not-writable.js';
import { sudoHomeMismatch } from './permissions/sudo-home-mismatch.js';
import { userFoldersOwnedByRoot } from './permissions/user-folders-owned-by-root.js';
import type { Check } from './types.js';
import { pipOutsideActiveVenv } from './virtualenv/pip-outside-active-venv.js';
import { projectVenvNotActive } from './virtualenv/project-venv-not-active.js';
import { systemSiteVenvFallback } from './virtualenv/system-site-venv-fallback.js';
import { userInstallInVenv } from './virtualenv/user-install-in-venv.js';
import { venvBaseMissing } from './virtualenv/venv-base-missing.js';
import { venvOwnedByOther } from './virtualenv/venv-owned-by-other.js';

export const CHECKS: readonly Check[] = [
  pipMissing,
  externallyManaged,
  configSetsLocation,
  conflictingOptions,
  userInstallInVenv,
  venvBaseMissing,
  pipOutsideActiveVenv,
  projectVenvNotActive,
  macosSystemPython,
  windowsInstall,
  readOnlyFilesystem,
  venvOwnedByOther,
  systemSiteVenvFallback,
  sitePackagesNotWritable,
  siteDirMissing,
  userFoldersOwnedByRoot,
  sudoHomeMismatch,
  rootIntoDistroPython,
  condaBase,
  scriptsNotOnPath,
  commandsDisagree,
  pythonEnvVars,
];

/** The id a crashing check is reported under. */
export const CHECK_CRASHED = 'check-crashed';
