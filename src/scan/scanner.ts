// The scan: every locator runs at once; results are taken in priority order, each environment
// is identified, listed once, given its static verdict, and handed out as soon as it is ready.
import { dirname, join } from '../core/fast-path.js';
import { COMMAND_NAMES, resolveCommands } from '../gather/commands.js';
import type { ScanContext } from './context.js';
import { type CandidateHint, type Identity, identify } from './identify.js';
import { type Candidate, LOCATORS, type Locator } from './locators/index.js';
import { readPipSettings } from './pip-settings.js';
import { type ToolRoots, toolRoots } from './roots.js';
import { gatherStaticFacts } from './static-facts.js';
import type { LocatorStatus, PathCommands, ScanEnvironment, ScanResult } from './types.js';
import { staticVerdict } from './verdict.js';

export interface ScanOptions {
  /** Hard deadline for the whole scan, in ms. */
  deadlineMs: number;
  /** Called with each environment as soon as it is known (for --ndjson). */
  onEnvironment?: (env: ScanEnvironment) => void;
  locators?: Locator[];
}

interface Identified {
  candidate: Candidate;
  id: Identity;
  key: string;
  aliases: string[];
}

const TIMED_OUT = Symbol('timed out');

export async function scan(ctx: ScanContext, options: ScanOptions): Promise<ScanResult> {
  const started = Date.now();
  // Reads may block until the deadline; after it they yield, so the deadline's timer can fire.
  ctx.fs.blockingDeadline = started + options.deadlineMs;
  const roots = toolRoots(ctx);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), options.deadlineMs);
  });
  const locators = options.locators ?? LOCATORS;
  const statuses: LocatorStatus[] = [];
  const running = locators.map((locator) => runLocator(ctx, roots, locator));

  const { path, commandKeys, commandCandidates } = await pathCommands(ctx, roots);
  const byKey = new Map<string, ScanEnvironment>();
  const environments: ScanEnvironment[] = [];
  let deadlineHit = false;

  const steps: { name: string; run: Promise<Outcome> | null }[] = locators.map((locator, i) => ({
    name: locator.name,
    run: running[i] ?? null,
  }));
  steps.push({ name: 'path-commands', run: Promise.resolve({ candidates: commandCandidates, ms: 0 }) });
  for (const step of steps) {
    if (step.run === null) {
      statuses.push({ name: step.name, status: 'skipped', ms: 0, found: 0, detail: 'not for this platform' });
      continue;
    }
    if (deadlineHit) {
      statuses.push({ name: step.name, status: 'timed-out', ms: options.deadlineMs, found: 0 });
      continue;
    }
    const work = step.run.then(async (outcome) => {
      if ('error' in outcome) return outcome;
      await absorb(outcome.candidates, step.name);
      return outcome;
    });
    const outcome = await Promise.race([work, deadline]);
    if (outcome === TIMED_OUT) {
      deadlineHit = true;
      statuses.push({
        name: step.name,
        status: 'timed-out',
        ms: Date.now() - started,
        found: 0,
      });
    } else if ('error' in outcome) {
      statuses.push({ name: step.name, status: 'error', ms: outcome.ms, found: 0, detail: outcome.error });
    } else {
      statuses.push({ name: step.name, status: 'ok', ms: outcome.ms, found: outcome.candidates.length });
    }
  }
  clearTimeout(timer);
  return {
    schemaVersion: 1,
    environments,
    path,
    locators: statuses,
    ms: Date.now() - started,
    cached: false,
    deadlineHit,
  };

  async function absorb(candidates: Candidate[], foundBy: string): Promise<void> {
    const identified = await Promise.all(
      candidates.map((candidate) => identifyCandidate(ctx, roots, candidate)),
    );
    const fresh: Identified[] = [];
    for (const item of identified) {
      const executable = item.candidate.executable;
      const known = byKey.get(item.key);
      const pending = fresh.find((f) => f.key === item.key);
      const aliases = known?.aliases ?? pending?.aliases;
      const primary = known?.executable ?? pending?.candidate.executable;
      if (aliases) {
        if (primary !== executable && !aliases.includes(executable)) aliases.push(executable);
        continue;
      }
      fresh.push(item);
    }
    const built = await Promise.all(
      fresh.map((item) => buildEnvironment(ctx, roots, item, foundBy, commandKeys)),
    );
    built.forEach((env, i) => {
      byKey.set((fresh[i] as Identified).key, env);
      environments.push(env);
      options.onEnvironment?.(env);
    });
  }
}

type Outcome = { candidates: Candidate[]; ms: number } | { error: string; ms: number };

function runLocator(ctx: ScanContext, roots: ToolRoots, locator: Locator): Promise<Outcome> | null {
  if (locator.platforms && !locator.platforms.includes(ctx.platform)) return null;
  const started = Date.now();
  const ms = () => Date.now() - started;
  return locator.find(ctx, roots).then(
    (candidates) => ({ candidates, ms: ms() }),
    (error: unknown) => ({ error: error instanceof Error ? error.message : String(error), ms: ms() }),
  );
}

async function identifyCandidate(
  ctx: ScanContext,
  roots: ToolRoots,
  candidate: Candidate,
): Promise<Identified> {
  const id = await identify(ctx, roots, candidate.executable, candidate.hint);
  return { candidate, id, key: await environmentKey(ctx, candidate.executable, id), aliases: [] };
}

/** One environment, however many paths lead to it: a venv or conda env by its folder, a base install by its binary. */
async function environmentKey(ctx: ScanContext, executable: string, id: Identity): Promise<string> {
  const path = id.venv || id.condaMeta ? id.prefix : executable;
  const real = (await ctx.fs.realpath(path)) ?? path;
  return ctx.platform === 'win32' ? real.toLowerCase() : real;
}

async function buildEnvironment(
  ctx: ScanContext,
  roots: ToolRoots,
  item: Identified,
  foundBy: string,
  commandKeys: Map<string, string[]>,
): Promise<ScanEnvironment> {
  const { candidate, id } = item;
  const hint: CandidateHint = candidate.hint ?? {};
  const facts = await gatherStaticFacts(ctx, roots, candidate.executable, id, hint.version);
  const settings = await readPipSettings(
    ctx,
    id.prefix,
    facts.pipVersion === 'bundled' ? null : facts.pipVersion,
  );
  let verdict = staticVerdict(facts, settings);
  if (facts.caveat && id.kind === 'macos-clt' && facts.pipVersion === null) {
    verdict = { outcome: null, directory: null, problems: ['macos-python-stub'], reason: facts.caveat };
  } else if (facts.venvBaseMissing && !(await ctx.fs.isFile(candidate.executable))) {
    verdict = {
      outcome: null,
      directory: null,
      problems: ['venv-base-missing'],
      reason: 'its base interpreter is gone',
    };
  }
  return {
    executable: candidate.executable,
    kind: id.kind,
    version: facts.version,
    prediction: { outcome: verdict.outcome, directory: verdict.directory },
    problems: verdict.problems,
    verdictSource: 'static',
    prefix: id.prefix,
    manager: id.manager,
    pipVersion: facts.pipVersion === 'bundled' ? null : facts.pipVersion,
    aliases: item.aliases,
    onPath: commandKeys.get(item.key) ?? [],
    foundBy,
    reason: facts.caveat && verdict.outcome !== null ? `${verdict.reason} (${facts.caveat})` : verdict.reason,
  };
}

/**
 * Which interpreter `pip`, `pip3`, `python` and `python3` on PATH run (shims and shebangs followed),
 * the environment key of each, and those interpreters as candidates so none goes unlisted.
 */
async function pathCommands(
  ctx: ScanContext,
  roots: ToolRoots,
): Promise<{ path: PathCommands; commandKeys: Map<string, string[]>; commandCandidates: Candidate[] }> {
  // Looked at before they are read, so the cache records the state the answer came from.
  await watchCommandInputs(ctx, roots);
  const resolved = resolveCommands(ctx.env as NodeJS.ProcessEnv, ctx.platform, ctx.cwd);
  const path: PathCommands = { pip: null, pip3: null, python: null, python3: null };
  const commandKeys = new Map<string, string[]>();
  const commandCandidates: Candidate[] = [];
  for (const name of COMMAND_NAMES) {
    const command = resolved[name];
    const interpreter = command.interpreterExists ? command.interpreter : null;
    path[name] = interpreter;
    if (command.path) await ctx.fs.stat(command.path);
    if (!interpreter) continue;
    const id = await identify(ctx, roots, interpreter);
    const key = await environmentKey(ctx, interpreter, id);
    commandKeys.set(key, [...(commandKeys.get(key) ?? []), name]);
    if (!commandCandidates.some((c) => c.executable === interpreter))
      commandCandidates.push({ executable: interpreter });
  }
  return { path, commandKeys, commandCandidates };
}

/** What the PATH commands' resolution depends on, for the cache: PATH folders and pyenv's version files. */
async function watchCommandInputs(ctx: ScanContext, roots: ToolRoots): Promise<void> {
  const paths = (ctx.env.PATH ?? ctx.env.Path ?? '').split(ctx.platform === 'win32' ? ';' : ':');
  if (roots.pyenv) paths.push(join(roots.pyenv, 'version'));
  for (let dir = ctx.cwd; ; dir = dirname(dir)) {
    paths.push(join(dir, '.python-version'), join(dir, '.tool-versions'));
    if (dirname(dir) === dir) break;
  }
  await Promise.all(paths.filter(Boolean).map((path) => ctx.fs.stat(path)));
}
