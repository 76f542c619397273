// The report names the right cause on this machine's real interpreters, in isolated scenarios:
// mount namespaces (tmpfs over /root, read-only bind mounts) and an unprivileged uid. Nothing real
// is modified: pip-doctor only looks, and every mount lives in a namespace that ends with the test.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../fixtures/temp.js';

const CLI = resolve('dist/cli.cjs');
const PY312 = '/root/.pyenv/versions/3.12.1/bin/python3.12';
const PY311 = '/root/.pyenv/versions/3.11.7/bin/python3.11';
const SITE312 = '/root/.pyenv/versions/3.12.1/lib/python3.12/site-packages';
const DEBIAN = '/usr/bin/python3';
const NOBODY = 65534;

interface Report {
  prediction: { outcome: string; directory: string | null };
  findings: Array<{
    id: string;
    cause: string;
    severity: string;
    evidence: Array<{ label: string; value: string }>;
  }>;
}

const work = tempDir('pd-diagnosis-');
chmodSync(work, 0o755);

function missing(): string | null {
  if (process.getuid?.() !== 0) return 'needs root (mount namespaces and setpriv)';
  for (const tool of ['/usr/bin/unshare', '/usr/bin/setpriv'])
    if (!existsSync(tool)) return `${tool} is missing`;
  if (!existsSync(PY312) || !existsSync(PY311)) return 'pyenv 3.11.7 and 3.12.1 are not installed here';
  if (!existsSync(DEBIAN)) return "Debian's /usr/bin/python3 is not installed here";
  const probe = spawnSync('unshare', ['-m', 'true']);
  return probe.status === 0 ? null : 'unshare -m is not permitted here';
}

function home(name: string, uid: number): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  chownSync(dir, uid, uid);
  return dir;
}

/**
 * Runs `pip-doctor check --json` inside a fresh mount namespace. `setup` runs first as root
 * (shell lines); /root is replaced by a tmpfs holding only pyenv, so uid 65534 can reach it.
 */
interface Run {
  uid: number;
  home: string;
  setup?: string[];
  path?: string;
  cwd?: string;
}

/**
 * Runs `command` inside a fresh mount namespace as `uid`, with a clean environment. `setup` runs
 * first as root (shell lines); /root is replaced by a tmpfs holding only pyenv, so uid 65534 can reach it.
 */
function inNamespace(o: Run, command: string, extraEnv = '') {
  const env = `env -i PATH=${o.path ?? '/usr/bin:/bin'} HOME=${o.home} LANG=C.UTF-8 ${extraEnv}`;
  const drop = o.uid === 0 ? '' : `setpriv --reuid=${o.uid} --regid=${o.uid} --clear-groups`;
  const script = [
    'set -e',
    `stage=${work}/.stage`,
    'mkdir -p "$stage"',
    'mount --bind /root/.pyenv "$stage"',
    'mount -t tmpfs -o mode=0755 tmpfs /root',
    'mkdir -p /root/.pyenv',
    'mount --rbind "$stage" /root/.pyenv',
    ...(o.setup ?? []),
    `cd ${o.cwd ?? o.home}`,
    `exec ${drop} ${env} ${command}`,
  ].join('\n');
  return spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script], {
    encoding: 'utf8',
    timeout: 60_000,
  });
}

/** `pip-doctor check --json ARGS` in a namespace (see inNamespace). */
function doctor(o: Run & { args: string[] }): Report {
  const run = inNamespace(o, `${process.execPath} ${CLI} check --json ${o.args.join(' ')}`);
  assert.ok(run.status === 0 || run.status === 1, `pip-doctor exited ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Report;
}

function ids(report: Report): string[] {
  return report.findings.map((f) => f.id);
}

test("Debian's python3 as an unprivileged user: PEP 668, managed by Debian", (t) => {
  const reason = missing();
  if (reason) return t.skip(reason);
  const report = doctor({
    uid: NOBODY,
    home: home('pep668', NOBODY),
    args: ['--python', DEBIAN, '--', 'requests'],
  });
  assert.equal(report.prediction.outcome, 'error-externally-managed');
  const finding = report.findings.find((f) => f.id === 'externally-managed');
  assert.equal(finding?.cause, 'package-manager');
  assert.ok(finding?.evidence.some((e) => e.value.includes('/usr/lib/python3.11/EXTERNALLY-MANAGED')));
});

test('pyenv site-packages owned by root: user fallback, and ~/.local/bin is not on PATH', (t) => {
  const reason = missing();
  if (reason) return t.skip(reason);
  const report = doctor({ uid: NOBODY, home: home('pyenv-user', NOBODY), args: ['--python', PY312] });
  assert.equal(report.prediction.outcome, 'user-default');
  assert.deepEqual(
    ['site-packages-not-writable', 'scripts-dir-not-on-path'].filter((id) => !ids(report).includes(id)),
    [],
    `findings: ${ids(report).join(', ')}`,
  );
  const cause = report.findings.find((f) => f.id === 'site-packages-not-writable');
  assert.equal(cause?.cause, 'permissions');
  assert.ok(cause?.evidence.some((e) => e.value.includes(SITE312) || e.value.includes('root')));
});

test('~/.local left owned by root (after sudo pip): the install fails and the cause is named', (t) => {
  const reason = missing();
  if (reason) return t.skip(reason);
  const dir = home('root-local', NOBODY);
  mkdirSync(join(dir, '.local'), { mode: 0o755 }); // created by root, as `sudo pip install --user` leaves it
  const report = doctor({ uid: NOBODY, home: dir, args: ['--python', PY312] });
  assert.equal(report.prediction.outcome, 'error-permission');
  const finding = report.findings.find((f) => f.id === 'user-folders-owned-by-root');
  assert.equal(finding?.severity, 'error');
  assert.equal(finding?.cause, 'permissions');
});

test('read-only site-packages: even root falls back, and the mount is the evidence', (t) => {
  const reason = missing();
  if (reason) return t.skip(reason);
  const report = doctor({
    uid: 0,
    home: home('readonly', 0),
    args: ['--python', PY312],
    setup: [`mount --bind ${SITE312} ${SITE312}`, `mount -o remount,bind,ro ${SITE312}`],
  });
  assert.equal(report.prediction.outcome, 'user-default');
  const finding = report.findings.find((f) => f.id === 'read-only-filesystem');
  assert.equal(finding?.cause, 'os-restriction', `findings: ${ids(report).join(', ')}`);
});

test('a project venv that is not activated', (t) => {
  const reason = missing();
  if (reason) return t.skip(reason);
  const project = home('project', 0);
  const venv = spawnSync(PY312, ['-m', 'venv', '--without-pip', join(project, '.venv')]);
  assert.equal(venv.status, 0, String(venv.stderr));
  const report = doctor({ uid: 0, home: project, args: ['--python', PY311] });
  assert.ok(ids(report).includes('project-venv-not-active'), `findings: ${ids(report).join(', ')}`);
});

test('`pip` and `python` on PATH are different interpreters', (t) => {
  const reason = missing();
  if (reason) return t.skip(reason);
  const bin = home('mixed-bin', 0);
  writeFileSync(
    join(bin, 'pip'),
    `#!${PY312}\nimport sys\nfrom pip._internal.cli.main import main\nsys.exit(main())\n`,
  );
  chmodSync(join(bin, 'pip'), 0o755);
  symlinkSync(PY311, join(bin, 'python'));
  const report = doctor({ uid: 0, home: home('mixed-home', 0), args: [], path: `${bin}:/usr/bin:/bin` });
  const finding = report.findings.find((f) => f.id === 'path-commands-disagree');
  assert.equal(finding?.cause, 'pip-python-mismatch', `findings: ${ids(report).join(', ')}`);
});

test('a pip script whose shebang passes -s: pip never falls back to the user site, and pip-doctor knows', (t) => {
  const reason = missing();
  if (reason) return t.skip(reason);
  for (const flags of ['', ' -s']) {
    const bin = home(`shebang-bin${flags.trim()}`, 0);
    writeFileSync(
      join(bin, 'pip'),
      `#!${PY312}${flags}\nimport sys\nfrom pip._internal.cli.main import main\nsys.exit(main())\n`,
    );
    chmodSync(join(bin, 'pip'), 0o755);
    const userHome = home(`shebang-home${flags.trim()}`, NOBODY);
    const report = doctor({ uid: NOBODY, home: userHome, args: [], path: `${bin}:/usr/bin:/bin` });
    // Real pip decides before it looks for the package: --dry-run with a missing one shows the decision.
    const pip = inNamespace(
      { uid: NOBODY, home: userHome, path: `${bin}:/usr/bin:/bin` },
      'pip install --dry-run --no-index nothing-here-pip-doctor',
      'PIP_DISABLE_PIP_VERSION_CHECK=1',
    );
    const defaulted = /Defaulting to user installation/.test(pip.stdout + pip.stderr);
    assert.equal(report.prediction.outcome === 'user-default', defaulted, `shebang flags '${flags}'`);
    assert.equal(defaulted, flags === '', `real pip with shebang flags '${flags}'`);
  }
});
