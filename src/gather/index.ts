// The edge: gathers every fact the pure core decides from, for one interpreter.
import { checkPathsToInspect } from '../checks/paths-needed.js';
import { configFileLocations, pathsToInspect } from '../pip/index.js';
import { resolveCommands } from './commands.js';
import { readConfigFiles } from './config-files.js';
import { distroPackages } from './distro-packages.js';
import type { Facts } from './facts.js';
import { gatherHost } from './host.js';
import { readMounts } from './mounts.js';
import { inspectPaths } from './paths.js';
import { chooseTarget, type StartedProbe, startNamedProbe, startProbe } from './target.js';

export type { GatherOptions } from './target.js';

import type { GatherOptions } from './target.js';

/**
 * `started` is the probe a caller already launched with startNamedProbe (with --python the
 * interpreter can run while the rest of pip-doctor is still loading).
 */
export async function gatherFacts(options: GatherOptions, started?: StartedProbe): Promise<Facts> {
  const early = started ?? startNamedProbe(options);
  const host = gatherHost(options.env, options.cwd);
  const commands = resolveCommands(options.env, host.platform, options.cwd);
  const { target, probe: probing } =
    early ?? startProbe(options, chooseTarget(options, commands, host.platform));
  const mounts = readMounts(host.platform);
  const probe = await probing;
  const configFiles = readConfigFiles(configFileLocations(probe, host));
  const partial: Omit<Facts, 'paths'> = { factsVersion: 1, target, probe, host, configFiles, commands };
  // What pip's decision looks at, and what the checks need as evidence.
  const wanted = [...pathsToInspect(partial, options.installArgs), ...checkPathsToInspect(partial)];
  const paths = inspectPaths(wanted, options.cwd, host.platform, mounts);
  // Only an externally managed Python needs the distro's packages (and only then is apt asked).
  const managed =
    probe.externallyManaged.isFile &&
    probe.prefixes.prefix === (probe.prefixes.basePrefix ?? probe.prefixes.prefix);
  return { ...partial, paths, distroPackages: managed ? distroPackages(host, options.installArgs) : null };
}
