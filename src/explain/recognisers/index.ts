// Every recogniser, most specific first: for one line the first match wins.
import type { Recogniser } from '../recogniser.js';
import { externallyManaged, markerUnreadable } from './externally-managed.js';
import {
  distutilsUserHome,
  pyvenvCfgUnreadable,
  requireVirtualenv,
  targetNotDirectory,
  userInstallFallback,
  userInstallRefused,
  userInVirtualenv,
  userPrefixConflict,
  userSiteDisabled,
  userSitePrecedence,
  userTargetConflict,
} from './location.js';
import {
  badInterpreter,
  ensurepipMissing,
  envInterpreterMissing,
  launcherError,
  missingScriptInterpreter,
  noModuleNamedPip,
  oldScriptWrapper,
  pipBroken,
  pipCommandNotFound,
  pipWrapperOutdated,
  pythonCommandNotFound,
  pythonStoreAlias,
  venvPythonMissing,
} from './mismatch.js';
import {
  bareErrorRecognisers,
  considerUserHint,
  couldNotCreate,
  osErrorRecognisers,
  windowsLongPathHint,
} from './os-error.js';
import { cacheNotOwned, runningAsRoot } from './root.js';
import { considerAddingToPath, scriptNotOnPath, tildeInPath } from './scripts.js';
import {
  distutilsUninstall,
  invalidDistribution,
  noRecordUninstall,
  outsideEnvironment,
  pipVersionLine,
  schemeMismatch,
} from './uninstall.js';

export const RECOGNISERS: readonly Recogniser[] = [
  externallyManaged,
  markerUnreadable,
  userInstallFallback,
  userInVirtualenv,
  userSiteDisabled,
  userInstallRefused,
  requireVirtualenv,
  userPrefixConflict,
  userTargetConflict,
  distutilsUserHome,
  targetNotDirectory,
  userSitePrecedence,
  pyvenvCfgUnreadable,
  ...osErrorRecognisers,
  couldNotCreate,
  ...bareErrorRecognisers,
  considerUserHint,
  windowsLongPathHint,
  scriptNotOnPath,
  considerAddingToPath,
  tildeInPath,
  runningAsRoot,
  cacheNotOwned,
  pipBroken,
  noModuleNamedPip,
  ensurepipMissing,
  pipWrapperOutdated,
  oldScriptWrapper,
  pipCommandNotFound,
  pythonCommandNotFound,
  pythonStoreAlias,
  badInterpreter,
  missingScriptInterpreter,
  envInterpreterMissing,
  venvPythonMissing,
  launcherError,
  distutilsUninstall,
  noRecordUninstall,
  outsideEnvironment,
  schemeMismatch,
  invalidDistribution,
  pipVersionLine,
];

/** Every message kind explain can report. */
export const MESSAGE_KINDS: readonly string[] = [...new Set(RECOGNISERS.map((r) => r.kind))];

// Every key of every recogniser in one alternation: one regex pass per line is ~10x cheaper than
// testing each key, and most lines of a log match none.
const ALL_KEYS = [...new Set(RECOGNISERS.flatMap((r) => r.keys))];
const ANY_KEY = new RegExp(ALL_KEYS.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
/** The longest key: a key split by a line wrap lies within this many characters of the cut. */
export const LONGEST_KEY = Math.max(...ALL_KEYS.map((k) => k.length));

/** False when no recogniser could match (the text is lower-cased). */
export function mayMatch(lower: string): boolean {
  return ANY_KEY.test(lower);
}
