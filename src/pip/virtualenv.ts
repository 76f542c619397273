// pip's view of virtual environments (pip-behavior.md §3): running_under_virtualenv() and
// virtualenv_no_global(), which changed in pip 20.0, 20.1 and 26.2.
import type { ProbeFacts } from '../probe/probe-facts.js';
import { atLeast, type PipVersion } from './version.js';

type Prefixes = Pick<ProbeFacts, 'prefixes'>;

function underVenv(probe: Prefixes): boolean {
  const { prefix, basePrefix } = probe.prefixes;
  return basePrefix !== null && basePrefix !== prefix;
}

function underLegacyVirtualenv(probe: Prefixes): boolean {
  return probe.prefixes.realPrefix !== null;
}

export function runningUnderVirtualenv(probe: Prefixes, version: PipVersion): boolean {
  if (atLeast(version, 26, 2)) return underVenv(probe);
  return underVenv(probe) || underLegacyVirtualenv(probe);
}

export interface NoGlobalVerdict {
  noGlobal: boolean;
  /** What decided it, in plain words. */
  because: string;
  /** A warning pip prints on the way (unreadable pyvenv.cfg). */
  warning: string | null;
}

const PYVENV_NOT_READABLE =
  "Could not access 'pyvenv.cfg' despite a virtual environment being active. Assuming global site-packages is not accessible in this environment.";

/** virtualenv_no_global(): user site-packages are not visible in this virtualenv. */
export function virtualenvNoGlobal(probe: ProbeFacts, version: PipVersion): NoGlobalVerdict {
  const legacy = (): NoGlobalVerdict => {
    const exists = probe.site.legacyNoGlobalMarkerExists;
    return {
      noGlobal: exists,
      because: exists
        ? `legacy virtualenv marker ${probe.site.legacyNoGlobalMarker} exists`
        : 'legacy virtualenv without a no-global-site-packages.txt marker',
      warning: null,
    };
  };
  const pep405 = (): NoGlobalVerdict => {
    const lines = probe.pyvenvCfg.lines;
    if (lines === null)
      return {
        noGlobal: true,
        because: `${probe.pyvenvCfg.path} cannot be read`,
        warning: PYVENV_NOT_READABLE,
      };
    // pip's regex: the line starts with the key, and only a lower-case "false" counts.
    const falseLine = lines.find((line) => /^include-system-site-packages\s*=\s*false/.test(line));
    return falseLine
      ? { noGlobal: true, because: `${probe.pyvenvCfg.path} says "${falseLine.trim()}"`, warning: null }
      : {
          noGlobal: false,
          because: `${probe.pyvenvCfg.path} does not set include-system-site-packages = false`,
          warning: null,
        };
  };
  const none: NoGlobalVerdict = { noGlobal: false, because: 'not a virtual environment', warning: null };
  if (!atLeast(version, 20, 0)) return runningUnderVirtualenv(probe, version) ? legacy() : none;
  if (atLeast(version, 26, 2)) return underVenv(probe) ? pep405() : none;
  if (!atLeast(version, 20, 1) && underLegacyVirtualenv(probe)) return legacy();
  if (underVenv(probe)) return pep405();
  if (underLegacyVirtualenv(probe)) return legacy();
  return none;
}
