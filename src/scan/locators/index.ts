// Every locator, in priority order: when two find the same environment, the path the first one
// found is the one reported (the others become aliases).
import { condaLocator } from './conda.js';
import type { Locator } from './locator.js';
import {
  homebrewLocator,
  pipxLocator,
  pyenvLocator,
  pyenvWinLocator,
  uvLocator,
  versionManagersLocator,
} from './managers.js';
import { pathLocator } from './path.js';
import {
  linuxGlobalLocator,
  macosLocator,
  windowsInstallsLocator,
  windowsRegistryLocator,
  windowsStoreLocator,
} from './system.js';
import { activeLocator, venvHomesLocator, workspaceLocator } from './venv-homes.js';

export const LOCATORS: Locator[] = [
  activeLocator,
  workspaceLocator,
  pyenvLocator,
  pyenvWinLocator,
  condaLocator,
  uvLocator,
  pipxLocator,
  venvHomesLocator,
  versionManagersLocator,
  macosLocator,
  homebrewLocator,
  windowsStoreLocator,
  windowsRegistryLocator,
  windowsInstallsLocator,
  linuxGlobalLocator,
  pathLocator,
];

export type { Candidate, Locator } from './locator.js';
