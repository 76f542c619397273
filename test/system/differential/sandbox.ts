// Builds one scenario in a private mount namespace and runs pip-doctor, then real pip, in it.
//
// Nothing real is written: /usr, /etc and the pyenv version in use are overlays whose upper dirs
// live in the scenario's scratch dir; /root and /home are bind mounts of scratch dirs. After the
// namespace is gone, the upper/bind dirs are searched for what pip wrote and mapped back to the
// paths pip saw.
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { type Interpreter, LAYOUT, NOBODY, type Scenario } from './scenarios.js';
import { DIST_INFO, PACKAGE, SCRIPT } from './wheel.js';

export interface ProcessResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

export interface ScenarioRun {
  scenario: Scenario;
  python: Interpreter;
  /** The interpreter pip and pip-doctor were run with (the venv's python for venv scenarios). */
  executable: string;
  home: string;
  cwd: string;
  /** Every variable of the clean environment both commands got. */
  env: Record<string, string>;
  /** `pip` arguments (starting with "install"). */
  pipArgs: string[];
  /** What pip-doctor got after `--`. */
  installArgs: string[];
  configPath: string | null;
  doctor: ProcessResult;
  pip: ProcessResult;
  /** Directories (as pip saw them) holding the package's .dist-info. */
  distInfoDirs: string[];
  /** Directories (as pip saw them) holding the console script. */
  scriptDirs: string[];
  ms: number;
}

export interface SandboxOptions {
  /** dist/cli.cjs */
  cli: string;
  /** The tiny wheel; each scenario gets a copy in /home/wheels. */
  wheel: string;
  /** Where scenario scratch dirs go (must be traversable by uid 65534). */
  scratch: string;
  /** Keep the scratch dir for debugging. */
  keep?: boolean;
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const MARKER =
  '[externally-managed]\nError=This Python is managed by the test harness (pip-doctor differential).\n';

export function homeFor(scenario: Scenario): string {
  if (scenario.home === 'missing') return LAYOUT.missingHome;
  return scenario.uid === 0 ? LAYOUT.rootHome : LAYOUT.nobodyHome;
}

function venvSitePackages(python: Interpreter): string {
  return `${LAYOUT.venv}/lib/python${python.short}/site-packages`;
}

function configPathFor(scenario: Scenario): string | null {
  switch (scenario.config?.where) {
    case 'user':
      return `${homeFor(scenario)}/.config/pip/pip.conf`;
    case 'legacy-user':
      return `${homeFor(scenario)}/.pip/pip.conf`;
    case 'xdg':
      return `${LAYOUT.xdgConfigHome}/pip/pip.conf`;
    case 'global':
      return '/etc/pip.conf';
    case 'PIP_CONFIG_FILE':
      return `${LAYOUT.work}/pip.conf`;
    default:
      return null;
  }
}

/** The clean environment of a scenario (the same for pip-doctor and pip). */
export function scenarioEnv(scenario: Scenario): Record<string, string> {
  const home = homeFor(scenario);
  const env: Record<string, string> = {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: home,
    USER: scenario.uid === 0 ? 'root' : 'nobody',
    LOGNAME: scenario.uid === 0 ? 'root' : 'nobody',
    LANG: 'C.UTF-8',
    TMPDIR: LAYOUT.tmp,
    NO_COLOR: '1',
    PIP_DISABLE_PIP_VERSION_CHECK: '1',
    PIP_NO_INPUT: '1',
    PIP_CACHE_DIR: `${LAYOUT.tmp}/pip-cache-${scenario.uid}`,
  };
  if (scenario.venv) {
    // As `source bin/activate` leaves it.
    env.PATH = `${LAYOUT.venv}/bin:${env.PATH}`;
    env.VIRTUAL_ENV = LAYOUT.venv;
  }
  if (scenario.config?.where === 'PIP_CONFIG_FILE') env.PIP_CONFIG_FILE = configPathFor(scenario)!;
  if (scenario.config?.where === 'xdg') env.XDG_CONFIG_HOME = LAYOUT.xdgConfigHome;
  return { ...env, ...scenario.env };
}

function runAs(uid: number, env: Record<string, string>): string {
  const assignments = Object.entries(env).map(([k, v]) => q(`${k}=${v}`));
  const drop = uid === 0 ? '' : `setpriv --reuid=${uid} --regid=${uid} --clear-groups `;
  return `timeout 120 ${drop}env -i ${assignments.join(' ')}`;
}

function script(scenario: Scenario, python: Interpreter, dir: string, options: SandboxOptions): string {
  const uid = scenario.uid;
  const home = homeFor(scenario);
  const env = scenarioEnv(scenario);
  const executable = scenario.venv ? `${LAYOUT.venv}/bin/python` : python.executable;
  const installArgs = ['--no-index', '--find-links', LAYOUT.wheels, ...scenario.args, PACKAGE];
  const lines = ['set -eu', `S=${q(dir)}`];
  if (python.pyenvVersion) lines.push(`mount --bind /root/.pyenv "$S/stage"`);
  lines.push(`mount --bind "$S/roothome" /root`);
  if (python.pyenvVersion) {
    const v = python.pyenvVersion;
    lines.push(
      `mount -t overlay overlay -o "lowerdir=$S/stage/versions/${v},upperdir=$S/upper/pyenv,workdir=$S/work/pyenv" /root/.pyenv/versions/${v}`,
    );
  }
  for (const name of ['usr', 'etc']) {
    lines.push(
      `mount -t overlay overlay -o "lowerdir=/${name},upperdir=$S/upper/${name},workdir=$S/work/${name}" /${name}`,
    );
  }
  lines.push(
    `mount --bind "$S/home" /home`,
    `mkdir -p ${LAYOUT.nobodyHome} ${LAYOUT.work} ${LAYOUT.tmp}`,
    `chmod 1777 ${LAYOUT.tmp}`,
    `chown ${NOBODY}:${NOBODY} ${LAYOUT.nobodyHome}`,
    `chown ${uid}:${uid} ${LAYOUT.work}`,
  );
  if (scenario.home === 'user-site-owned-by-root') {
    lines.push(`mkdir -p ${home}/.local`, `chown 0:0 ${home}/.local`, `chmod 755 ${home}/.local`);
  }
  const configPath = configPathFor(scenario);
  if (scenario.config && configPath) {
    lines.push(
      `mkdir -p "$(dirname ${q(configPath)})"`,
      `printf '%s' ${q(scenario.config.text)} > ${q(configPath)}`,
    );
    // Owned by the user, as a user's own config files are.
    const owned = { user: `${home}/.config`, 'legacy-user': `${home}/.pip`, xdg: LAYOUT.xdgConfigHome };
    const dir = owned[scenario.config.where as keyof typeof owned];
    if (dir) lines.push(`chown -R ${uid}:${uid} ${dir}`);
  }
  if (scenario.externallyManaged) {
    const marker = `${python.stdlib}/EXTERNALLY-MANAGED`;
    lines.push(`[ -e ${q(marker)} ] || printf '%s' ${q(MARKER)} > ${q(marker)}`);
  }
  if (scenario.venv) {
    const owner = scenario.venv.owner;
    const as = runAs(owner, {
      PATH: '/usr/bin:/bin',
      HOME: owner === 0 ? LAYOUT.rootHome : LAYOUT.nobodyHome,
    });
    const sp = venvSitePackages(python);
    const flags = scenario.venv.systemSitePackages ? '--system-site-packages ' : '';
    lines.push(
      `mkdir -p ${LAYOUT.venv}`,
      `chown ${owner}:${owner} ${LAYOUT.venv}`,
      `${as} ${q(python.executable)} -m venv --without-pip ${flags}${LAYOUT.venv}`,
    );
    // A pip of the venv's own, without the seconds ensurepip would take: link the base pip in.
    if (python.pipParent && python.pipDistInfo) {
      lines.push(
        `${as} ln -s ${q(`${python.pipParent}/pip`)} ${sp}/pip`,
        `${as} ln -s ${q(`${python.pipParent}/${python.pipDistInfo}`)} ${sp}/${python.pipDistInfo}`,
      );
    }
  }
  if (scenario.readOnlySitePackages) {
    const sp = scenario.venv ? venvSitePackages(python) : python.purelib;
    lines.push(`mkdir -p ${q(sp)}`, `mount --bind ${q(sp)} ${q(sp)}`, `mount -o remount,bind,ro ${q(sp)}`);
  }
  const run = runAs(uid, env);
  const out = (name: string) =>
    `>"$S/out/${name}.out" 2>"$S/out/${name}.err" </dev/null; echo $? >"$S/out/${name}.rc"`;
  lines.push(
    'set +e',
    `cd ${LAYOUT.work}`,
    `${run} ${q(process.execPath)} ${q(options.cli)} check --python ${q(executable)} --json -- ${installArgs.map(q).join(' ')} ${out('doctor')}`,
    `${run} ${q(executable)} -m pip install ${installArgs.map(q).join(' ')} ${out('pip')}`,
  );
  return `${lines.join('\n')}\n`;
}

function exec(command: string, args: string[], timeoutMs: number): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code, stdout, stderr }));
  });
}

function readResult(dir: string, name: string): ProcessResult {
  const read = (ext: string) => {
    const file = join(dir, 'out', `${name}.${ext}`);
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  };
  const rc = read('rc').trim();
  return { exitCode: rc === '' ? null : Number(rc), stdout: read('out'), stderr: read('err') };
}

/** Finds the .dist-info directories and console scripts under `real`, reported as under `seen`. */
function search(real: string, seen: string, found: { dist: Set<string>; scripts: Set<string> }): void {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(real, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (entry.name === DIST_INFO) found.dist.add(seen);
      else search(join(real, entry.name), `${seen}/${entry.name}`, found);
    } else if (entry.isFile() && entry.name === SCRIPT) {
      found.scripts.add(seen);
    }
  }
}

/** Runs one scenario; throws when the sandbox itself could not be built. */
export async function runScenario(
  scenario: Scenario,
  python: Interpreter,
  options: SandboxOptions,
): Promise<ScenarioRun> {
  const started = Date.now();
  const dir = mkdtempSync(join(options.scratch, `${scenario.id}-`));
  try {
    for (const sub of ['stage', 'roothome', 'home', 'out', 'upper/pyenv', 'upper/usr', 'upper/etc']) {
      mkdirSync(join(dir, sub), { recursive: true, mode: 0o755 });
    }
    for (const sub of ['work/pyenv', 'work/usr', 'work/etc']) mkdirSync(join(dir, sub), { recursive: true });
    if (python.pyenvVersion) {
      mkdirSync(join(dir, 'roothome/.pyenv/versions', python.pyenvVersion), { recursive: true, mode: 0o755 });
    }
    mkdirSync(join(dir, 'home/wheels'), { mode: 0o755 });
    copyFileSync(options.wheel, join(dir, 'home/wheels', basename(options.wheel)));
    writeFileSync(join(dir, 'run.sh'), script(scenario, python, dir, options));
    const setup = await exec(
      'unshare',
      ['-m', '--propagation', 'private', 'sh', join(dir, 'run.sh')],
      300_000,
    );
    const pip = readResult(dir, 'pip');
    if (pip.exitCode === null) {
      throw new Error(`sandbox for ${scenario.id} failed (exit ${setup.exitCode}): ${setup.stderr.trim()}`);
    }
    const found = { dist: new Set<string>(), scripts: new Set<string>() };
    const seenAs: Array<[string, string]> = [
      ['upper/usr', '/usr'],
      ['home', '/home'],
      ['roothome', '/root'],
    ];
    if (python.pyenvVersion) seenAs.push(['upper/pyenv', `/root/.pyenv/versions/${python.pyenvVersion}`]);
    for (const [real, seen] of seenAs) search(join(dir, real), seen, found);
    const configPath = configPathFor(scenario);
    return {
      scenario,
      python,
      executable: scenario.venv ? `${LAYOUT.venv}/bin/python` : python.executable,
      home: homeFor(scenario),
      cwd: LAYOUT.work,
      env: scenarioEnv(scenario),
      pipArgs: ['install', '--no-index', '--find-links', LAYOUT.wheels, ...scenario.args, PACKAGE],
      installArgs: ['--no-index', '--find-links', LAYOUT.wheels, ...scenario.args, PACKAGE],
      configPath,
      doctor: readResult(dir, 'doctor'),
      pip,
      distInfoDirs: [...found.dist].sort(),
      scriptDirs: [...found.scripts].sort(),
      ms: Date.now() - started,
    };
  } finally {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `tasks` with at most `limit` at a time, keeping their order in the result. */
export async function pool<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
